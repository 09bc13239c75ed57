/**
 * What `/metrics` reads from the database at each scrape: the state shared by every process on it (jobs and
 * runs by state, queue depth and wait, application servers, the records imported per channel), so that any
 * one `kontor serve` gives the right figures however many workers run the jobs. Times are on the database's
 * clock. Five small aggregate queries; the ones over all runs use no index and grow with the run history
 * (docs/observability.md has the cost).
 */
import type { MetricsSnapshot } from '../domain/metrics-snapshot.ts';
import type { Db } from './db.ts';
import { oltpSearchPath } from './oltp-schema.ts';
import { listOltpDatabases } from './oltp-store.ts';
import { num } from './sql-values.ts';

const COUNT_BY_STATE = (table: string) => `select state, count(*) as n from ${table} group by state`;

const QUEUES = `select q.name,
    count(j.id) filter (where j.state = 'ready') as ready,
    count(j.id) filter (where j.state = 'active') as active,
    coalesce(extract(epoch from now() - min(coalesce(j.due_at, j.released_at, j.created_at))
      filter (where j.state = 'ready')), 0) as oldest_wait
  from processing_queue q left join batch_job j on j.queue_id = q.id and j.state in ('ready', 'active')
  group by q.name order by q.name`;

const CHANNELS = `select c.name,
    count(r.id) filter (where r.state = 'running') as running,
    count(r.id) filter (where r.state = 'finished') as finished,
    count(r.id) filter (where r.state = 'failed') as failed,
    coalesce(sum(r.read_count), 0) as read, coalesce(sum(r.created_count), 0) as created,
    coalesce(sum(r.updated_count), 0) as updated, coalesce(sum(r.unchanged_count), 0) as unchanged,
    coalesce(sum(r.skipped_count), 0) as skipped, coalesce(sum(r.warning_count), 0) as warnings,
    coalesce(sum(r.error_count), 0) as errors, coalesce(sum(r.awaiting_count), 0) as awaiting,
    coalesce(sum(r.deactivated_count), 0) as deactivated
  from sales_channel c left join import_run r on r.channel_id = c.id
  group by c.name order by c.name`;

const SERVERS = `select name, status,
    status = 'running' and heartbeat_at > now() - make_interval(secs => $1) as alive,
    greatest(extract(epoch from now() - heartbeat_at), 0) as age
  from app_server order by name`;

function byState(rows: Array<{ state: string; n: unknown }>): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.state, num(row.n)]));
}

/** The channels of every OLTP database: those of the default one by name, the others' as `OLTP/name`. */
async function channelsOfAll(db: Db): Promise<Array<Record<string, unknown> & { name: string }>> {
  const rows: Array<Record<string, unknown> & { name: string }> = [];
  for (const oltp of await listOltpDatabases(db)) {
    const result = await db
      .withSearchPath(oltpSearchPath(oltp.name))
      .query<Record<string, unknown> & { name: string }>(CHANNELS);
    for (const row of result.rows)
      rows.push(oltp.default ? row : { ...row, name: `${oltp.name}/${row.name}` });
  }
  return rows;
}

/** `leaseSeconds`: a server whose heartbeat is older counts as not alive (the dispatcher's default: 30). */
export async function readMetricsSnapshot(db: Db, leaseSeconds = 30): Promise<MetricsSnapshot> {
  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite runs them one by one).
  const [jobs, runs, queues, channelRows, servers] = await Promise.all([
    db.query<{ state: string; n: unknown }>(COUNT_BY_STATE('batch_job')),
    db.query<{ state: string; n: unknown }>(COUNT_BY_STATE('batch_run')),
    db.query<{ name: string; ready: unknown; active: unknown; oldest_wait: unknown }>(QUEUES),
    channelsOfAll(db),
    db.query<{ name: string; status: string; alive: boolean; age: unknown }>(SERVERS, [leaseSeconds]),
  ]);
  const channels = { rows: channelRows };
  return {
    jobsByState: byState(jobs.rows),
    runsByState: byState(runs.rows),
    queues: queues.rows.map((row) => ({
      queue: row.name,
      ready: num(row.ready),
      active: num(row.active),
      oldestWaitSeconds: Math.max(0, num(row.oldest_wait)),
    })),
    channels: channels.rows.map((row) => ({
      channel: row.name,
      runs: { running: num(row.running), finished: num(row.finished), failed: num(row.failed) },
      records: {
        read: num(row.read),
        created: num(row.created),
        updated: num(row.updated),
        unchanged: num(row.unchanged),
        skipped: num(row.skipped),
        warnings: num(row.warnings),
        errors: num(row.errors),
        awaiting: num(row.awaiting),
        deactivated: num(row.deactivated),
      },
    })),
    servers: servers.rows.map((row) => ({
      server: row.name,
      status: row.status,
      alive: row.alive === true,
      heartbeatAgeSeconds: num(row.age),
    })),
  };
}
