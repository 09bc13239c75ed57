/** Import customers and batch jobs (docs/api.md "Import customers", "Batch jobs"). */
import { Type } from 'typebox';
import { JOB_STATES, NOTIFICATION_SETTINGS, START_MODES } from '../../domain/batch-job.ts';
import { BATCH_RUN_STATES } from '../../domain/batch-run.ts';
import { CHANGED_SINCE_MODES, IMPORT_RUN_STATES } from '../../domain/import-run.ts';
import { CHANGED_SINCE } from '../../import/selection.ts';
import { Id, MAX_INTEGER, Nullable, Timestamp } from './common.ts';

const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 with a zone (Z or +hh:mm)' });

export const ImportSettingsSchema = Type.Object({
  channel: Type.String({ minLength: 1, maxLength: 80 }),
  changedSince: Type.Optional(Type.Enum([...CHANGED_SINCE])),
  timestamp: Type.Optional(Nullable(DateTime)),
  byEmail: Type.Optional(Type.Boolean()),
  emails: Type.Optional(Type.Array(Type.String({ maxLength: 320 }), { maxItems: 10_000 })),
  deactivateDeleted: Type.Optional(Type.Boolean()),
  confirmAllWarnings: Type.Optional(Type.Boolean()),
});

const optional = <T extends Parameters<typeof Nullable>[0]>(schema: T) => Type.Optional(Nullable(schema));

export const BatchSettingsSchema = Type.Object({
  name: optional(Type.String({ maxLength: 80 })),
  user: optional(Type.String({ maxLength: 80 })),
  oltpDatabase: optional(Type.String({ maxLength: 200 })),
  contentLanguage: optional(Type.String({ maxLength: 35 })),
  queue: Type.String({ minLength: 1, maxLength: 63 }),
  appServer: optional(Type.String({ maxLength: 63 })),
  startMode: Type.Enum([...START_MODES]),
  begin: optional(DateTime),
  maxRunSeconds: optional(Type.Integer({ minimum: 1, maximum: MAX_INTEGER })),
  timeoutNotification: Type.Optional(Type.Boolean()),
  pattern: optional(Type.String({ maxLength: 200 })),
  timeZone: optional(Type.String({ maxLength: 64 })),
  end: optional(DateTime),
  seriesCanceledNotification: Type.Optional(Type.Boolean()),
  notification: Type.Enum([...NOTIFICATION_SETTINGS]),
  releaseImmediately: optional(Type.Boolean()),
});

export const ImportCustomersBody = Type.Object({
  application: ImportSettingsSchema,
  batch: BatchSettingsSchema,
});

export const JobPatchBody = Type.Object({
  application: Type.Optional(ImportSettingsSchema),
  batch: Type.Optional(BatchSettingsSchema),
});

const Counts = Nullable(Type.Record(Type.String(), Type.Number()));
const ErrorInfo = Nullable(Type.Object({ code: Type.String(), message: Type.String() }));

export const RunSchema = Type.Object({
  id: Type.Integer(),
  state: Type.Enum([...BATCH_RUN_STATES]),
  appServer: Type.String(),
  dueAt: Nullable(Timestamp),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  counts: Counts,
  progress: Nullable(
    Type.Object(
      {
        pages: Type.Integer({ minimum: 0 }),
        total: Nullable(
          Type.Integer({ minimum: 0, description: 'records the read delivers, where the shop tells' }),
        ),
      },
      { description: 'how far an active run is (written with the heartbeat); null: not reported' },
    ),
  ),
  hasErrors: Type.Boolean(),
  reason: Nullable(Type.String()),
  error: ErrorInfo,
  importRunId: Nullable(Type.Integer()),
});

export const JobSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  application: Type.String(),
  applicationLabel: Type.String(),
  settings: Type.Record(Type.String(), Type.Unknown(), {
    description: 'the Application tab; for import-customers an ImportSettings',
  }),
  state: Type.Enum([...JOB_STATES]),
  queue: Type.String(),
  appServer: Nullable(Type.String()),
  user: Type.String(),
  oltpDatabase: Type.String(),
  contentLanguage: Type.String(),
  startMode: Type.Enum([...START_MODES]),
  begin: Nullable(Timestamp),
  maxRunSeconds: Nullable(Type.Integer()),
  timeoutNotification: Type.Boolean(),
  pattern: Nullable(Type.String()),
  timeZone: Type.String(),
  end: Nullable(Timestamp),
  seriesCanceledNotification: Type.Boolean(),
  notification: Type.Enum([...NOTIFICATION_SETTINGS]),
  releaseImmediately: Type.Boolean(),
  dueAt: Nullable(Timestamp),
  releasedAt: Nullable(Timestamp),
  cancelRequested: Type.Boolean(),
  triggerPending: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  runs: Type.Array(RunSchema),
});

export const JobQuery = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 80 })),
  state: Type.Optional(Type.Array(Type.Enum([...JOB_STATES]))),
  queue: Type.Optional(Type.String({ maxLength: 63 })),
  user: Type.Optional(Type.String({ maxLength: 80 })),
  appServer: Type.Optional(Type.String({ maxLength: 63 })),
  application: Type.Optional(Type.String({ maxLength: 80 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
});

export const CancelResult = Type.Object({
  job: JobSchema,
  outcome: Type.Enum(['canceled', 'cancel-requested']),
});
export const TriggerResult = Type.Object({
  job: JobSchema,
  outcome: Type.Enum(['ready', 'pending', 'waiting']),
});

export const RunLogParams = Type.Object({ id: Id(), runId: Id('run id') });

export const RunLogResult = Type.Object({
  run: RunSchema,
  importRun: Nullable(
    Type.Object({
      id: Type.Integer(),
      channel: Type.String(),
      state: Type.Enum([...IMPORT_RUN_STATES]),
      changedSince: Type.Enum([...CHANGED_SINCE_MODES]),
      since: Nullable(Timestamp),
      emails: Nullable(Type.Array(Type.String())),
      startedAt: Timestamp,
      finishedAt: Nullable(Timestamp),
      counts: Type.Object({
        read: Type.Integer(),
        created: Type.Integer(),
        updated: Type.Integer(),
        unchanged: Type.Integer(),
        skipped: Type.Integer(),
        warnings: Type.Integer(),
        errors: Type.Integer(),
        awaiting: Type.Integer(),
        deactivated: Type.Integer(),
      }),
      watermarkBefore: Nullable(Timestamp),
      watermarkAfter: Nullable(Timestamp),
      error: ErrorInfo,
    }),
  ),
  log: Type.Array(
    Type.Object({
      level: Type.Enum(['error', 'warning', 'awaiting', 'skipped', 'info']),
      externalId: Nullable(Type.String()),
      code: Type.String(),
      message: Type.String(),
      partnerNumber: Type.Optional(
        Nullable(Type.String({ description: 'the partner this record is linked to now in the channel' })),
      ),
    }),
  ),
});

export const RunLogQuery = Type.Object({
  level: Type.Optional(Type.Enum(['error', 'warning', 'awaiting', 'skipped', 'info'])),
  code: Type.Optional(Type.String({ maxLength: 80 })),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'text in the external id, partner, code or message' }),
  ),
});
