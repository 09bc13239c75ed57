/** Notifications and server push (docs/api.md "Notifications and server push"). */
import type { Notification } from '../../../src/api/wire-types.ts';
import { api } from './client.ts';

export type { Notification } from '../../../src/api/wire-types.ts';

export const pendingDialogs = () => api.get<Notification[]>('/notifications/dialogs');
export const workflowInbox = () => api.get<Notification[]>('/notifications/inbox');
export const acknowledge = (id: number) => api.post<void>(`/notifications/${id}/acknowledge`);

/** The server-push stream: `event: notification` for the logged-in user. */
export function openEventStream(onNotification: (notification: Notification) => void): () => void {
  const source = new EventSource('/api/events', { withCredentials: true });
  source.addEventListener('notification', (event) => {
    try {
      onNotification(JSON.parse((event as MessageEvent<string>).data) as Notification);
    } catch {
      // A malformed event is ignored; the next login shows what was missed.
    }
  });
  return () => source.close();
}
