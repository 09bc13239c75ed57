/** The home page (GET /api/home): every sales channel's health at a glance. */
import { Type } from 'typebox';
import { IMPORT_RUN_STATES } from '../../domain/import-run.ts';
import { Nullable, Timestamp } from './common.ts';

export const HealthRunSchema = Type.Object({
  importRunId: Type.Integer(),
  state: Type.Enum([...IMPORT_RUN_STATES]),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  read: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  errors: Type.Integer(),
  awaiting: Type.Integer(),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  jobId: Nullable(Type.Integer({ description: 'the batch job it ran under; null: outside a job' })),
  batchRunId: Nullable(Type.Integer()),
});

export const ChannelHealthSchema = Type.Object({
  name: Type.String(),
  adapter: Type.String(),
  adapterLabel: Type.String(),
  type: Type.String(),
  outcome: Type.Enum(['never-run', 'running', 'finished', 'finished-with-errors', 'failed']),
  lastRun: Nullable(HealthRunSchema),
  recentRuns: Type.Array(HealthRunSchema, { description: 'the latest runs, newest first (at most 10)' }),
  nextRun: Nullable(
    Type.Object(
      {
        jobId: Type.Integer(),
        jobName: Type.String(),
        startMode: Type.String(),
        dueAt: Timestamp,
      },
      { description: 'the released or ready Import customers job of this channel that is due first' },
    ),
  ),
});

export const HomeResult = Type.Object({
  channels: Type.Array(ChannelHealthSchema),
});
