/**
 * Metrics scrape benchmark: what GET /metrics costs the database with a long history. Fills PGlite (in
 * memory) and, when reachable, the PostgreSQL server with 20 channels, 4 queues and N batch jobs, each with
 * one batch run and one import run, then times readMetricsSnapshot (the figures read at every scrape).
 *
 *   node --import tsx bench/metrics-scrape.ts      (BENCH_RUNS=100000 by default)
 */
import pg from 'pg';
import type { Db } from '../src/storage/db.ts';
import { readMetricsSnapshot } from '../src/storage/metrics-store.ts';
import { openBenchDb } from './support/open-bench-db.ts';

const runs = Number(process.env.BENCH_RUNS ?? 100_000);
const pgUrl = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function freshPostgres(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query('drop database if exists kontor_bench_metrics with (force)');
    await admin.query('create database kontor_bench_metrics');
    const url = new URL(pgUrl);
    url.pathname = '/kontor_bench_metrics';
    return url.toString();
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

async function fill(db: Db): Promise<void> {
  await db.query(
    `insert into sales_channel (name, adapter, channel_type, url)
     select 'shop-' || i, 'magento', 'b2c', 'https://shop' || i || '.example.com' from generate_series(1, 20) i`,
  );
  await db.query(`insert into processing_queue (name) select 'queue-' || i from generate_series(1, 3) i`);
  await db.query(
    `insert into batch_job (name, application, user_name, oltp_database, content_language, queue_id, start_mode,
       time_zone, notification, release_immediately, state, due_at)
     select 'job-' || i, 'import-customers', 'admin', 'db', 'en', 1 + i % 4, 'add-to-queue', 'UTC', 'none', true,
       case when i % 500 = 0 then 'ready' when i % 97 = 0 then 'failed' else 'finished' end, now() - interval '1 hour'
     from generate_series(1, $1::int) i`,
    [runs],
  );
  await db.query(
    `insert into import_run (channel_id, state, changed_since, finished_at, read_count, created_count,
       updated_count, unchanged_count, error_count)
     select 1 + i % 20, case when i % 97 = 0 then 'failed' else 'finished' end, 'last-transfer', now(),
       300, i % 7, i % 11, 300 - i % 7 - i % 11, i % 3
     from generate_series(1, $1::int) i`,
    [runs],
  );
  await db.query(
    `insert into batch_run (job_id, state, app_server, lease_token, lease_expires_at, finished_at, import_run_id)
     select j.id, case when j.state = 'failed' then 'failed' else 'finished' end, 'server-' || j.id % 3, 't',
       now(), now(), j.id
     from batch_job j where j.state <> 'ready'`,
  );
  await db.query(
    `insert into app_server (name, status, instance, host, pid)
     select 'server-' || i, 'running', 'x', 'host', i from generate_series(0, 2) i`,
  );
  await db.query('analyze');
}

for (const backend of [
  { name: 'pglite', spec: async () => 'memory:' },
  { name: 'postgres', spec: freshPostgres },
]) {
  const spec = await backend.spec();
  if (!spec) {
    console.log(`${backend.name}: skipped (no server at ${new URL(pgUrl).host})`);
    continue;
  }
  const db = await openBenchDb(spec);
  try {
    const started = performance.now();
    await fill(db);
    console.log(
      `${backend.name}: ${runs} jobs and runs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await readMetricsSnapshot(db); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await readMetricsSnapshot(db);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`  snapshot: median ${times[2]!.toFixed(0)} ms, max ${times[4]!.toFixed(0)} ms`);
  } finally {
    await db.close();
  }
}
