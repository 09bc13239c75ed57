/**
 * Batch benchmark: the time from release to start of a job, with two application servers (each with its own
 * connection pool and LISTEN connection, as two processes would have) on the PostgreSQL server. Jobs are
 * released one at a time over four queues and do nothing; latency = run started_at - job released_at, both on
 * the database clock. Once with NOTIFY wake-ups, once with polling only (the fallback).
 * `npm run bench:batch` (BENCH_JOBS=400 for more).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { AppServer } from '../src/batch/app-server.ts';
import { BatchApplications, defineApplication } from '../src/batch/batch-application.ts';
import { JobService } from '../src/batch/job-service.ts';
import { addQueue } from '../src/batch/queue-service.ts';
import type { Db } from '../src/storage/db.ts';
import { openDb } from '../src/storage/open-db.ts';

const jobs = Number(process.env.BENCH_JOBS ?? 200);
const gapMs = 25;
const asJson = process.env.BENCH_JSON === '1';
/** With BENCH_JSON=1 (as bench/run.ts runs it) the lines go to stderr and one JSON document to stdout. */
const say = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);
const figures: Record<string, { p50Ms: number; p95Ms: number; maxMs: number }> = {};
const pgUrl = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

const noop = defineApplication<null>({
  name: 'bench-noop',
  label: 'Benchmark: does nothing',
  developmentObject: 'com.kontor.bench.Noop',
  parseSettings: async () => null,
  run: async () => ({
    state: 'finished',
    hasErrors: false,
    counts: null,
    error: null,
    needsUser: false,
    summary: 'ok',
  }),
});
const applications = new BatchApplications([noop]);

async function freshDatabase(name: string): Promise<string | null> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    return url.toString();
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(url: string, listen: boolean, pollMs: number): Promise<number[]> {
  const control = await openDb(url);
  const servers: Array<{ db: Db; server: AppServer }> = [];
  try {
    await control.query('truncate batch_job cascade');
    for (const name of ['A', 'B']) {
      const db = await openDb(url);
      const server = await AppServer.start({
        db,
        name,
        applications,
        listen,
        timing: { pollMs, heartbeatMs: 1_000 },
      });
      servers.push({ db, server });
    }
    const service = new JobService(control, applications);
    for (let i = 0; i < jobs; i++) {
      await service.file({
        application: 'bench-noop',
        settings: null,
        batch: { user: 'bench', oltpDatabase: 'default', queue: `q${i % 4}`, timeZone: 'UTC' },
      });
      await sleep(gapMs);
    }
    for (;;) {
      const open = await control.query<{ n: string }>(
        `select count(*) as n from batch_job where state <> 'finished'`,
      );
      if (open.rows[0]?.n === '0') break;
      await sleep(50);
    }
    const result = await control.query<{ ms: number }>(
      `select extract(epoch from (r.started_at - j.released_at)) * 1000 as ms
       from batch_run r join batch_job j on j.id = r.job_id`,
    );
    return result.rows.map((row) => Number(row.ms)).sort((a, b) => a - b);
  } finally {
    for (const { db, server } of servers) {
      await server.stop();
      await db.close();
    }
    await control.close();
  }
}

const url = await freshDatabase('kontor_bench_batch');
say(`\nBatch benchmark: ${jobs} jobs released ${gapMs} ms apart over 4 queues, 2 application servers\n`);
if (!url) {
  say(`skipped: no PostgreSQL at ${new URL(pgUrl).host}`);
} else {
  const db = await openDb(url);
  for (let i = 0; i < 4; i++) await addQueue(db, `q${i}`);
  await db.close();
  say('wake-up                     release -> start p50   p95      max');
  for (const [label, listen, pollMs] of [
    ['NOTIFY (poll 5 s fallback)', true, 5_000],
    ['polling only, every 1 s', false, 1_000],
  ] as const) {
    const latencies = await measure(url, listen, pollMs);
    figures[label] = {
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.at(-1) ?? Number.NaN,
    };
    const f = (ms: number) => `${ms.toFixed(1)} ms`.padEnd(9);
    say(
      `${label.padEnd(28)}${f(percentile(latencies, 50))}          ${f(percentile(latencies, 95))}${f(latencies.at(-1) ?? Number.NaN)}`,
    );
  }
}
if (asJson) process.stdout.write(`${JSON.stringify({ jobs, skipped: !url, ...figures })}\n`);
