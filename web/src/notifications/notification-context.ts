/** The user's open workflow tasks, for the header's bell and the Workflow inbox. */
import { createContext, useContext } from 'react';
import type { Notification } from '../api/notifications.ts';

export interface NotificationCenter {
  tasks: Notification[];
  tasksError: unknown;
  refreshTasks: () => void;
  acknowledgeTask: (id: number) => Promise<void>;
}

export const NotificationContext = createContext<NotificationCenter | null>(null);

export function useNotificationCenter(): NotificationCenter {
  const center = useContext(NotificationContext);
  if (!center) throw new Error('useNotificationCenter outside of NotificationProvider');
  return center;
}
