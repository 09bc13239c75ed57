/** /api/notifications: the logged-in user's open dialogs (shown at login) and workflow inbox; acknowledging. */
import { Type } from 'typebox';
import { currentUser } from '../access.ts';
import { publicNotification } from '../event-hub.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, IdParams, NoContent } from '../schemas/common.ts';
import { NotificationSchema } from '../schemas/notification.ts';

export const notificationRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/notifications/dialogs',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My dialogs not yet acknowledged (shown at login)',
        response: { 200: Type.Array(NotificationSchema), ...errorResponses },
      },
    },
    async (request) =>
      (await ctx.notifications.pendingDialogs(currentUser(request).name)).map(publicNotification),
  );

  app.get(
    '/notifications/inbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My workflow tasks not yet acknowledged',
        response: { 200: Type.Array(NotificationSchema), ...errorResponses },
      },
    },
    async (request) => (await ctx.notifications.inbox(currentUser(request).name)).map(publicNotification),
  );

  app.post(
    '/notifications/:id/acknowledge',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Acknowledge one of my notifications (close the dialog, complete the task)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.notifications.acknowledge(request.params.id, currentUser(request).name);
      return reply.status(204).send(null);
    },
  );
};
