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
  RecordLinkBody,
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

  app.post(
    '/records/link',
    {
      schema: {
        tags: ['records'],
        summary: 'Link a kept record (e.g. MATCH_AMBIGUOUS) to an existing partner and import it onto it',
        description:
          'Its warnings are confirmed. 400 (field partner) when the partner does not exist, has the other type ' +
          '(B2B, B2C) or is linked to the channel already, or the record cannot be imported; 409 (IMPORT_RUNNING) ' +
          'while another import of the channel runs.',
        body: RecordLinkBody,
        response: { 200: RecordActionResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      await ctx.records.link({
        channel: request.body.channel,
        externalIds: [request.body.externalId],
        partner: request.body.partner,
        by: currentUser(request).name,
      }),
  );

  app.post(
    '/records/create-new',
    {
      schema: {
        tags: ['records'],
        summary: 'Import kept records (e.g. MATCH_AMBIGUOUS) as new partners, their warnings confirmed',
        description:
          'Answers 200 with the records handled and those that could not be, each with the reason; 409 ' +
          '(IMPORT_RUNNING) while another import of the channel runs.',
        body: RecordActionBody,
        response: { 200: RecordActionResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      await ctx.records.createNew({
        channel: request.body.channel,
        externalIds: request.body.externalIds,
        by: currentUser(request).name,
      }),
  );
};
