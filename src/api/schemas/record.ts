/** Open records (docs/import-rules.md "Open records"): the records runs did not import, and the actions on them. */
import { Type } from 'typebox';
import { MAX_ACTION_IDS, OPEN_RECORD_LEVELS, OPEN_RECORD_STATES } from '../../domain/open-record.ts';
import { MAX_INTEGER, Nullable, Timestamp } from './common.ts';
import { RunLogResult } from './job.ts';

export const OpenRecordSchema = Type.Object({
  channel: Type.String(),
  externalId: Type.String(),
  email: Nullable(Type.String()),
  level: Type.Enum([...OPEN_RECORD_LEVELS]),
  codes: Type.Array(Type.String()),
  message: Type.String(),
  state: Type.Enum([...OPEN_RECORD_STATES]),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
  runId: Nullable(Type.Integer({ description: 'the run that last saw the record or resolved it' })),
  resolvedBy: Nullable(
    Type.String({ description: 'who confirmed or ignored it (null: an import, or open)' }),
  ),
  resolvedAt: Nullable(Timestamp),
  candidates: Type.Array(Type.String(), {
    description: 'MATCH_AMBIGUOUS: the partner numbers it could be linked to (POST /api/records/link)',
  }),
});

export const OpenRecordQuery = Type.Object({
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  state: Type.Optional(Type.Enum([...OPEN_RECORD_STATES])),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_INTEGER, default: 0 })),
});

export const OpenRecordPage = Type.Object({ total: Type.Integer(), records: Type.Array(OpenRecordSchema) });

export const RecordActionBody = Type.Object({
  channel: Type.String({ minLength: 1, maxLength: 200 }),
  externalIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    minItems: 1,
    maxItems: MAX_ACTION_IDS,
  }),
});

/** POST /api/records/link: one kept record onto a chosen existing partner. */
export const RecordLinkBody = Type.Object({
  channel: Type.String({ minLength: 1, maxLength: 200 }),
  externalId: Type.String({ minLength: 1, maxLength: 200 }),
  partner: Type.String({
    minLength: 1,
    maxLength: 40,
    description: 'the number of the partner to link it to',
  }),
});

export const RecordActionResultSchema = Type.Object({
  handled: Type.Array(Type.String()),
  failed: Type.Array(Type.Object({ externalId: Type.String(), message: Type.String() })),
  runId: Nullable(Type.Integer({ description: 'the import run the action ran as' })),
});

/** An import run with its log (an action's run, which no batch job links). */
export const ImportRunLogResult = Type.Object({
  importRun: RunLogResult.properties.importRun,
  log: RunLogResult.properties.log,
});
