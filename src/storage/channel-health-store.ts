/**
 * Every channel's health at a glance (the web UI's home page): its latest import runs with their counts and
 * the batch job each ran under, and the next scheduled Import customers job of each channel. Two set-based
 * queries for all channels, whatever their number (no query per channel).
 */
import type { ImportRunState } from '../domain/import-run.ts';
import { JOBS_OF_THIS_OLTP } from './batch-job-store.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

export interface HealthRun {
  importRunId: number;
  state: ImportRunState;
  startedAt: string;
  finishedAt: string | null;
  read: number;
  created: number;
  updated: number;
  errors: number;
  awaiting: number;
  error: { code: string; message: string } | null;
  /** The batch job and run it ran under; null for an import outside a job. */
  jobId: number | null;
  batchRunId: number | null;
}

export interface NextScheduledRun {
  jobId: number;
  jobName: string;
  startMode: string;
  dueAt: string;
}

export interface ChannelHealthRow {
  name: string;
  adapter: string;
  type: string;
  /** Newest first, at most the number asked for. */
  runs: HealthRun[];
  nextRun: NextScheduledRun | null;
}

interface RunRow {
  name: string;
  adapter: string;
  channel_type: string;
  id: unknown;
  state: ImportRunState | null;
  started_at: unknown;
  finished_at: unknown;
  read_count: unknown;
  created_count: unknown;
  updated_count: unknown;
  error_count: unknown;
  awaiting_count: unknown;
  error_code: string | null;
  error_message: string | null;
  job_id: unknown;
  batch_run_id: unknown;
}

export async function channelHealth(
  db: Queryable,
  options: { runsPerChannel: number; application: string },
): Promise<ChannelHealthRow[]> {
  const runs = await db.query<RunRow>(
    `select c.name, c.adapter, c.channel_type, r.id, r.state, r.started_at, r.finished_at, r.read_count,
       r.created_count, r.updated_count, r.error_count, r.awaiting_count, r.error_code, r.error_message,
       b.job_id, b.id as batch_run_id
     from sales_channel c
     left join lateral (
       select * from import_run ir where ir.channel_id = c.id order by ir.id desc limit $1
     ) r on true
     left join batch_run b on b.import_run_id = r.id
     order by c.name, r.id desc`,
    [options.runsPerChannel],
  );
  const next = await db.query<{
    channel: string;
    id: unknown;
    name: string;
    start_mode: string;
    due_at: unknown;
  }>(
    `select distinct on (j.settings->>'channel') j.settings->>'channel' as channel, j.id, j.name,
       j.start_mode, j.due_at
     from batch_job j
     where j.application = $1 and j.state in ('released', 'ready') and j.due_at is not null
       and ${JOBS_OF_THIS_OLTP.replaceAll('batch_job.', 'j.')}
     order by j.settings->>'channel', j.due_at, j.id`,
    [options.application],
  );
  const nextByChannel = new Map(
    next.rows.map((row) => [
      row.channel,
      { jobId: num(row.id), jobName: row.name, startMode: row.start_mode, dueAt: iso(row.due_at) },
    ]),
  );
  const channels = new Map<string, ChannelHealthRow>();
  for (const row of runs.rows) {
    let channel = channels.get(row.name);
    if (!channel) {
      channel = {
        name: row.name,
        adapter: row.adapter,
        type: row.channel_type,
        runs: [],
        nextRun: nextByChannel.get(row.name) ?? null,
      };
      channels.set(row.name, channel);
    }
    if (row.id === null || row.state === null) continue;
    // A run linked twice (never: one batch run per import run) would be listed once.
    if (channel.runs.some((run) => run.importRunId === num(row.id))) continue;
    channel.runs.push({
      importRunId: num(row.id),
      state: row.state,
      startedAt: iso(row.started_at),
      finishedAt: isoOrNull(row.finished_at),
      read: num(row.read_count),
      created: num(row.created_count),
      updated: num(row.updated_count),
      errors: num(row.error_count),
      awaiting: num(row.awaiting_count),
      error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
      jobId: row.job_id === null ? null : num(row.job_id),
      batchRunId: row.batch_run_id === null ? null : num(row.batch_run_id),
    });
  }
  return [...channels.values()];
}
