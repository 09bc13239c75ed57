/** /api/import-customers: the Import customers application files a batch job (Application + Batch settings tabs). */
import { IMPORT_CUSTOMERS } from '../../batch/applications/import-customers-app.ts';
import { currentUser } from '../access.ts';
import { clientTimeFormat } from '../client-time-format.ts';
import { batchSettingsFrom, importSettingsFrom, withFields } from '../job-input.ts';
import { jobView } from '../job-view.ts';
import { requestOltp } from '../oltp-scope.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';
import { ImportCustomersBody, JobSchema } from '../schemas/job.ts';

export const importCustomersRoutes: RoutePlugin = async (app, ctx) => {
  app.post(
    '/import-customers',
    {
      schema: {
        tags: ['import-customers'],
        summary: 'File an Import customers batch job',
        description:
          'User defaults to the logged-in user (a user may name only themselves), OLTP database and content ' +
          'language to those of GET /api/system. Errors name their field (application.* or batch.*).',
        body: ImportCustomersBody,
        response: { 201: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const me = currentUser(request);
      const job = await withFields(async () => {
        const settings = await importSettingsFrom(ctx, request.body.application);
        const batch = await batchSettingsFrom(ctx, me, request.body.batch, requestOltp(request));
        const timeFormat = clientTimeFormat(request);
        return await ctx.jobs.file({ application: IMPORT_CUSTOMERS, settings, batch, timeFormat });
      });
      return reply.status(201).send(jobView(await ctx.jobs.show(String(job.id)), ctx.applications));
    },
  );
};
