/**
 * Notifications of the logged-in user: the dialogs not yet acknowledged are shown one after another at
 * start (GET /api/notifications/dialogs) and live as the server pushes them (/api/events); workflow tasks
 * are kept for the inbox and the bell until acknowledged.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import {
  acknowledge,
  type Notification,
  openEventStream,
  pendingDialogs,
  workflowInbox,
} from '../api/notifications.ts';
import { DialogNotification } from './dialog-notification.tsx';
import { type NotificationCenter, NotificationContext } from './notification-context.ts';

function addOnce(list: Notification[], items: Notification[]): Notification[] {
  const known = new Set(list.map((n) => n.id));
  return [...list, ...items.filter((n) => !known.has(n.id))];
}

export function NotificationProvider({ children }: { children: ReactNode }) {
  const [dialogs, setDialogs] = useState<Notification[]>([]);
  const [tasks, setTasks] = useState<Notification[]>([]);
  const [tasksError, setTasksError] = useState<unknown>(null);
  const [shown, setShown] = useState<Set<number>>(() => new Set());

  const refreshTasks = useCallback(() => {
    workflowInbox().then(
      (list) => {
        setTasks(list);
        setTasksError(null);
      },
      (error: unknown) => setTasksError(error),
    );
  }, []);

  useEffect(() => {
    pendingDialogs().then(
      (list) => setDialogs((current) => addOnce(current, list)),
      () => undefined,
    );
    refreshTasks();
    return openEventStream((notification) => {
      if (notification.channel === 'dialog') setDialogs((current) => addOnce(current, [notification]));
      else setTasks((current) => addOnce([notification], current));
    });
  }, [refreshTasks]);

  const acknowledgeTask = useCallback(async (id: number) => {
    await acknowledge(id);
    setTasks((current) => current.filter((task) => task.id !== id));
  }, []);

  const current = dialogs.find((dialog) => !shown.has(dialog.id)) ?? null;

  const close = useCallback((dialog: Notification) => {
    setShown((set) => new Set(set).add(dialog.id));
    setDialogs((list) => list.filter((item) => item.id !== dialog.id));
    acknowledge(dialog.id).catch(() => undefined);
  }, []);

  const center = useMemo<NotificationCenter>(
    () => ({ tasks, tasksError, refreshTasks, acknowledgeTask }),
    [tasks, tasksError, refreshTasks, acknowledgeTask],
  );

  return (
    <NotificationContext.Provider value={center}>
      {children}
      {current && (
        <DialogNotification
          key={current.id}
          notification={current}
          remaining={dialogs.length - 1}
          onClose={() => close(current)}
        />
      )}
    </NotificationContext.Provider>
  );
}
