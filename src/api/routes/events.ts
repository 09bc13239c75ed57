/**
 * GET /api/events: server push as Server-Sent Events. `event: notification` with a Notification as data, for
 * the logged-in user only, as soon as it is stored; a comment line every 25 s keeps proxies open.
 */
import { Type } from 'typebox';
import { currentUser } from '../access.ts';
import { errorResponses } from '../schemas/common.ts';
import type { RoutePlugin } from '../server.ts';

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
      await ctx.hub.ready();
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n: connected\n\n');
      const remove = ctx.hub.add(me.name, request.sessionIdHash ?? '', raw);
      request.raw.once('close', remove);
    },
  );
};
