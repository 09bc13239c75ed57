/**
 * /api/jobs: the Batch jobs application: list (with filters), show, edit, release, cancel, trigger, run logs.
 * A `user` may change only the jobs whose User is themselves; an administrator any job.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IMPORT_CUSTOMERS } from '../../batch/applications/import-customers-app.ts';
import { fieldError } from '../../domain/field-error.ts';
import { currentUser, forbidden, isAdministrator } from '../access.ts';
import type { ApiContext } from '../api-context.ts';
import { clientTimeFormat } from '../client-time-format.ts';
import { batchSettingsFrom, importSettingsFrom, withFields } from '../job-input.ts';
import { jobView } from '../job-view.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { CancelResult, JobPatchBody, JobQuery, JobSchema, TriggerResult } from '../schemas/job.ts';

/** The job, if the logged-in user may change it. */
async function ownJob(ctx: ApiContext, request: FastifyRequest, id: number) {
  const me = currentUser(request);
  const job = await ctx.jobs.show(String(id));
  if (!isAdministrator(me) && job.user !== me.name)
    throw forbidden(
      `Batch job ${job.id} belongs to ${job.user}; only they or an administrator may change it.`,
    );
  return job;
}

export const jobRoutes: RoutePlugin = async (app, ctx) => {
  const view = async (id: number) => jobView(await ctx.jobs.show(String(id)), ctx.applications);

  app.get(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Batch jobs, newest first',
        querystring: JobQuery,
        response: { 200: Type.Array(JobSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { state, ...filter } = request.query;
      const jobs = await ctx.jobs.list({ ...filter, states: state, newestFirst: true });
      return jobs.map((job) => jobView(job, ctx.applications));
    },
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One batch job with its runs',
        params: IdParams,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => await view(request.params.id),
  );

  app.patch(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Edit a job that has not started (planned, released, ready): either tab as a whole',
        description:
          "User defaults to the job's user. Errors name their field (application.* or batch.*); " +
          '409 JOB_NOT_EDITABLE once the job is active or has ended.',
        params: IdParams,
        body: JobPatchBody,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const me = currentUser(request);
      const job = await ownJob(ctx, request, request.params.id);
      const { application, batch } = request.body;
      await withFields(async () => {
        if (application && job.application !== IMPORT_CUSTOMERS)
          throw fieldError(`Batch job ${job.id} is no Import customers job.`, 'application');
        const settings = application ? await importSettingsFrom(ctx, application) : undefined;
        const batchSettings = batch
          ? await batchSettingsFrom(ctx, me, batch, job.oltpDatabase, job.user)
          : undefined;
        // A user's own job: checked again inside the edit's transaction (an administrator may reassign it meanwhile).
        const expectedUser = isAdministrator(me) ? undefined : me.name;
        await ctx.jobs.edit(String(job.id), {
          settings,
          batch: batchSettings,
          expectedUser,
          timeFormat: clientTimeFormat(request),
        });
      });
      return await view(job.id);
    },
  );

  app.post(
    '/jobs/:id/release',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Release a planned job',
        params: IdParams,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const job = await ownJob(ctx, request, request.params.id);
      await ctx.jobs.release(String(job.id));
      return await view(job.id);
    },
  );

  app.post(
    '/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a job not yet active, or ask an active run to stop',
        params: IdParams,
        response: { 200: CancelResult, ...errorResponses },
      },
    },
    async (request) => {
      const job = await ownJob(ctx, request, request.params.id);
      const { outcome } = await ctx.jobs.cancel(String(job.id));
      return { job: await view(job.id), outcome };
    },
  );

  app.post(
    '/jobs/:id/trigger',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Start one run of a Scheduled: external job',
        params: IdParams,
        response: { 200: TriggerResult, ...errorResponses },
      },
    },
    async (request) => {
      const job = await ownJob(ctx, request, request.params.id);
      const { outcome } = await ctx.jobs.trigger(String(job.id));
      return { job: await view(job.id), outcome };
    },
  );

  app.post(
    '/jobs/:id/rerun',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Run again: file an ended job once more with the same settings; it runs now',
        description:
          'For a finished, failed, canceled, missed or abandoned job: a new job with the same Application ' +
          'tab and Batch settings, started Add to queue and released (a schedule is not carried over). ' +
          '201 with the new job; 409 JOB_NOT_ENDED for a job that has not ended.',
        params: IdParams,
        response: { 201: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await ownJob(ctx, request, request.params.id);
      const filed = await ctx.jobs.rerun(String(job.id));
      return reply.code(201).send(await view(filed.id));
    },
  );
};
