/**
 * /api/jobs/:id/runs/:runId/log: the log of a run (its import run and the records not imported, each with
 * the partner it is linked to now), and log.csv: the same lines as CSV, filtered as the web UI filters them.
 */
import { Type } from 'typebox';
import { NotFoundError } from '../../domain/errors.ts';
import { filterRunLog } from '../../import/run-log-filter.ts';
import type { ApiContext } from '../api-context.ts';
import { toCsv } from '../csv.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses } from '../schemas/common.ts';
import { RunLogParams, RunLogQuery, RunLogResult } from '../schemas/job.ts';

async function runLog(ctx: ApiContext, jobId: number, runId: number) {
  const job = await ctx.jobs.show(String(jobId));
  const found = job.runs.find((r) => r.id === runId);
  if (!found) throw new NotFoundError(`Run of batch job ${job.id}`, String(runId));
  const { jobId: _jobId, ...run } = found;
  const { run: importRun, log } = await ctx.runs.withPartnerLog(run.importRunId, job.oltpDatabase);
  return { job, run, importRun, log };
}

export const runLogRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/jobs/:id/runs/:runId/log',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The log of a run: its import run and the records not imported',
        params: RunLogParams,
        response: { 200: RunLogResult, ...errorResponses },
      },
    },
    async (request) => {
      const { run, importRun, log } = await runLog(ctx, request.params.id, request.params.runId);
      return { run, importRun, log };
    },
  );

  app.get(
    '/jobs/:id/runs/:runId/log.csv',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The log of a run as CSV (UTF-8, CRLF), filtered by level, code and text',
        description:
          'Columns: level, external id, partner, code, message. Cells that a spreadsheet would read as a ' +
          'formula (starting with = + - @) get a leading apostrophe.',
        params: RunLogParams,
        querystring: RunLogQuery,
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { job, run, log } = await runLog(ctx, request.params.id, request.params.runId);
      const { level, code, q } = request.query;
      const lines = filterRunLog(log, { level, code, text: q });
      const csv = toCsv(
        ['level', 'external id', 'partner', 'code', 'message'],
        lines.map((l) => [l.level, l.externalId, l.partnerNumber, l.code, l.message]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="job-${job.id}-run-${run.id}-log.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );
};
