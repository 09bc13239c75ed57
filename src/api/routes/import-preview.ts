/**
 * /api/import-customers/preview: what an Import customers run with these settings would do, per record, with
 * nothing written. The first answer opens the preview; `next` gives the following records (the shop is read
 * on demand), DELETE cancels. A client that goes away (aborts, disconnects) stops the read.
 */
import type { FastifyReply } from 'fastify';
import { currentUser } from '../access.ts';
import { importSettingsFrom, withFields } from '../job-input.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, NoContent } from '../schemas/common.ts';
import { PreviewBody, PreviewNextBody, PreviewPageSchema, PreviewParams } from '../schemas/preview.ts';

const DEFAULT_LIMIT = 100;

/** Aborts when the client goes away before its answer is sent. */
function untilClientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableEnded) controller.abort(new Error('the client went away'));
  });
  return controller.signal;
}

export const importPreviewRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/import-customers/preview',
    {
      schema: {
        tags: ['import-customers'],
        summary: 'Preview an Import customers run (writes nothing)',
        description:
          'Reads and plans as the job with these Application settings would, and writes nothing. Gives the ' +
          'counts so far and up to `limit` records; while `done` is false, `id` continues it.',
        body: PreviewBody,
        response: { 200: PreviewPageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      const signal = untilClientGone(reply);
      const settings = await withFields(() => importSettingsFrom(ctx, request.body.application));
      const limit = request.body.limit ?? DEFAULT_LIMIT;
      return await ctx.previewSessions.open(me.name, settings, limit, signal);
    },
  );

  app.post(
    '/import-customers/preview/:id/next',
    {
      schema: {
        tags: ['import-customers'],
        summary: 'The next records of an open preview',
        params: PreviewParams,
        body: PreviewNextBody,
        response: { 200: PreviewPageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      const signal = untilClientGone(reply);
      const limit = request.body?.limit ?? DEFAULT_LIMIT;
      return await ctx.previewSessions.next(me.name, request.params.id, limit, signal);
    },
  );

  app.delete(
    '/import-customers/preview/:id',
    {
      schema: {
        tags: ['import-customers'],
        summary: 'Cancel an open preview (it stops reading)',
        params: PreviewParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      if (!ctx.previewSessions.cancel(me.name, request.params.id))
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'There is no such open preview.' });
      return reply.status(204).send(null);
    },
  );
};
