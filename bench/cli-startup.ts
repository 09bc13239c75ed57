/**
 * CLI start-up benchmark: whole processes, as a shell starts them. `node -e 0` (the floor), `kontor --help`,
 * and `kontor channel list` on an existing database with one channel, PGlite folder and PostgreSQL server.
 * Each command runs BENCH_RUNS times (default 7) after one warm-up; the table shows the median wall time, the
 * median CPU time (user + system of the child) and the ratio to `node -e 0`. `--json` prints JSON instead.
 * bin/kontor.js runs dist/ when it is fresh (`npm run build` first), else tsx: the line "runs:" says which.
 * `npm run bench:cli` (BENCH_RUNS=15 for more).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { distIsFresh } from '../bin/dist-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 7);
const json = process.argv.includes('--json') || process.env.BENCH_JSON === '1';
const pgUrl = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const kontor = join(root, 'bin', 'kontor.js');

/** One whole process: wall time from spawn to exit, CPU time of the child from the kernel's accounting. */
function once(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      else resolve(wallMs);
    });
  });
}

/** CPU time (user + system) of one more run, from GNU time (`/usr/bin/time`) when there, else null. */
function cpuOnce(args: string[]): number | null {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) return null;
  const [user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return user === undefined || system === undefined ? null : (user + system) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(args: string[]): Promise<{ wallMs: number; cpuMs: number | null }> {
  await once(args);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    walls.push(await once(args));
    const cpu = cpuOnce(args);
    if (cpu !== null) cpus.push(cpu);
  }
  return { wallMs: median(walls), cpuMs: cpus.length === runs ? median(cpus) : null };
}

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
}

/** A database with one channel, created and migrated by the CLI itself. */
function prepare(db: string): void {
  run(
    [kontor, '--db', db, 'channel', 'add', 'bench', '--adapter', 'magento', '--type', 'b2c'].concat([
      '--url',
      'http://127.0.0.1:9/',
      '--setting',
      'token=bench',
    ]),
  );
}

async function freshPostgres(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query('drop database if exists kontor_bench_cli with (force)');
    await admin.query('create database kontor_bench_cli');
    const url = new URL(pgUrl);
    url.pathname = '/kontor_bench_cli';
    return url.toString();
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

const folder = await mkdtemp(join(tmpdir(), 'kontor-bench-cli-'));
try {
  const pgliteDb = join(folder, 'db');
  prepare(pgliteDb);
  const postgresDb = await freshPostgres();
  if (postgresDb) prepare(postgresDb);

  const cases: Array<{ name: string; args: string[] | null }> = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'kontor --help', args: [kontor, '--help'] },
    { name: 'kontor channel list (PGlite)', args: [kontor, '--db', pgliteDb, 'channel', 'list'] },
    {
      name: 'kontor channel list (PostgreSQL)',
      args: postgresDb ? [kontor, '--db', postgresDb, 'channel', 'list'] : null,
    },
  ];
  const results: Array<{ name: string; wallMs: number | null; cpuMs: number | null; ratio: number | null }> =
    [];
  for (const { name, args } of cases) {
    if (!args) {
      results.push({ name, wallMs: null, cpuMs: null, ratio: null });
      continue;
    }
    const { wallMs, cpuMs } = await measure(args);
    const floor = results[0]?.wallMs ?? wallMs;
    results.push({ name, wallMs, cpuMs, ratio: wallMs / floor });
  }
  const mode = process.env.KONTOR_RUN ?? (distIsFresh(root) ? 'dist' : 'tsx');
  if (json) {
    console.log(JSON.stringify({ runs, mode, results }, null, 2));
  } else {
    console.log(`CLI start-up, median of ${runs} runs; runs: ${mode} (bin/kontor.js)`);
    console.log('| command | wall | cpu | x node -e 0 |');
    console.log('|---|---|---|---|');
    const ms = (value: number | null) => (value === null ? '-' : `${Math.round(value)} ms`);
    for (const r of results) {
      const ratio = r.ratio === null ? 'skipped (no PostgreSQL)' : `${r.ratio.toFixed(1)}`;
      console.log(`| ${r.name} | ${ms(r.wallMs)} | ${ms(r.cpuMs)} | ${ratio} |`);
    }
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
