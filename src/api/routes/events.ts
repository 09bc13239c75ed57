/**
 * GET /api/events: server push as Server-Sent Events. `event: notification` with a Notification as data, for
 * the logged-in user only, as soon as it is stored; a comment line every 25 s keeps proxies open. The stream
 * ends when its session does (logout, expiry, the user disabled).
 */
import { Type } from 'typebox';
import { currentUser } from '../access.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';

export const eventRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Server push (text/event-stream): my new notifications, live',
        produces: ['text/event-stream'],
        response: {
          200: Type.String({ description: 'event: notification\\ndata: <Notification as JSON>' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      const raw = reply.raw;
      // Watch for the client going away from the start: it may leave while the LISTEN is being set up.
      let remove: (() => void) | null = null;
      let gone = false;
      raw.once('close', () => {
        gone = true;
        remove?.();
      });
      await ctx.hub.ready();
      reply.hijack();
      if (gone || raw.destroyed) return;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n: connected\n\n');
      remove = ctx.hub.add(me.name, request.sessionIdHash ?? '', raw);
    },
  );
};
