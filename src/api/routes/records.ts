/**
 * /api/records: open records, the records runs did not import (docs/import-rules.md "Open records"), and the
 * actions on them: confirm (import from the kept record, warnings confirmed, no read), ignore, retry (read again
 * by id). Each action runs as an import run of its own under the channel's run guard.
 */
import { NotFoundError } from '../../domain/errors.ts';
import { OPEN_RECORD_ACTIONS } from '../../domain/open-record.ts';
import { currentUser } from '../access.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import {
  ImportRunLogResult,
  OpenRecordPage,
  OpenRecordQuery,
  RecordActionBody,
  RecordActionResultSchema,
} from '../schemas/record.ts';

const SUMMARIES = {
  confirm:
    'Confirm held-back records: import them from the kept record with their warnings confirmed (no read)',
  ignore: 'Ignore records: closed, still listed as ignored (by whom, when)',
  retry: 'Retry records: read them again from the shop by id and import those now valid',
} as const;

export const recordRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/records',
    {
      schema: {
        tags: ['records'],
        summary: 'Records not imported (open, imported, confirmed, ignored), newest seen first',
        querystring: OpenRecordQuery,
        response: { 200: OpenRecordPage, ...errorResponses },
      },
    },
    async (request) => await ctx.records.list(request.query),
  );

  app.get(
    '/import-runs/:id/log',
    {
      schema: {
        tags: ['records'],
        summary: 'An import run with its log (e.g. the run of an action, runId of its answer)',
        params: IdParams,
        response: { 200: ImportRunLogResult, ...errorResponses },
      },
    },
    async (request) => {
      const { run, log } = await ctx.runs.withLog(request.params.id);
      if (!run) throw new NotFoundError('Import run', String(request.params.id));
      return { importRun: run, log };
    },
  );

  for (const action of OPEN_RECORD_ACTIONS) {
    app.post(
      `/records/${action}`,
      {
        schema: {
          tags: ['records'],
          summary: SUMMARIES[action],
          description:
            'Answers 200 with the records handled and those that could not be, each with the reason; 409 ' +
            '(IMPORT_RUNNING) while another import of the channel runs.',
          body: RecordActionBody,
          response: { 200: RecordActionResultSchema, ...errorResponses },
        },
      },
      async (request) =>
        await ctx.records.run(action, {
          channel: request.body.channel,
          externalIds: request.body.externalIds,
          by: currentUser(request).name,
        }),
    );
  }
};
