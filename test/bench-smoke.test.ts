/**
 * The benchmark runs end to end (it was once broken for weeks without anyone noticing: every database-backed
 * measurement failed). `npm run bench` at a tiny N, Magento only, with the CLI import section at a tiny N too:
 * the JSON has its rows, every figure is a positive number and the ratios are there. Speed is never asserted.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { databaseBackends, TEST_PG_URL } from './support/test-databases.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const customers = 300;
const databases = databaseBackends()
  .filter((backend) => backend.available)
  .map((backend) => backend.name);

/** Runs bench/run.ts with these arguments; its JSON document (stdout). */
function bench(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
      cwd: root,
      env: { ...process.env, KONTOR_BENCH_PG_URL: TEST_PG_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench/run.ts exited ${code}:\n${stderr.slice(-4000)}`));
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

const positive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

it(`npm run bench at ${customers} customers (${databases.join(', ')}) prints every figure`, async () => {
  const result = await bench([
    '--customers',
    String(customers),
    '--cli-customers',
    String(customers),
    '--adapters',
    'magento',
    '--db',
    databases.join(','),
    '--skip',
    'search,batch,cli',
    '--json',
  ]);
  expect(result.databases).toEqual(databases);
  const rows = result.import as Array<Record<string, unknown>>;
  expect(rows.map((row) => [row.customers, row.adapter, row.db])).toEqual(
    databases.map((db) => [customers, 'magento', db]),
  );
  for (const row of rows) {
    for (const figure of ['readOnlySeconds', 'writeOnlySeconds', 'firstImportSeconds', 'reimportSeconds']) {
      expect(positive(row[figure]), `${row.db} ${figure}: ${row[figure]}`).toBe(true);
    }
    expect(positive(row.lastTransferSeconds)).toBe(true);
    expect(row.lastTransferRead).toBeGreaterThanOrEqual(customers / 100);
    expect(positive(row.peakRssMiB)).toBe(true);
    expect(positive(row.ratio)).toBe(true);
  }
  if (!databases.includes('postgres')) {
    expect(result.skipped).toContain('cli-import: PostgreSQL only');
    return;
  }
  type Command = {
    wallSeconds?: unknown;
    runSeconds?: unknown;
    beforeRunSeconds?: unknown;
    peakRssBytes?: unknown;
  };
  const cli = result.cliImport as Record<string, unknown> &
    Record<'channelAdd' | 'firstImport' | 'reimport', Command | undefined>;
  expect(cli).toMatchObject({ customers, partners: customers, links: customers, db: 'postgres' });
  expect(positive(cli.minimalReadSeconds)).toBe(true);
  for (const command of ['channelAdd', 'firstImport', 'reimport'] as const) {
    expect(positive(cli[command]?.wallSeconds), `${command} wallSeconds`).toBe(true);
  }
  for (const command of ['firstImport', 'reimport'] as const) {
    expect(positive(cli[command]?.runSeconds), `${command} runSeconds`).toBe(true);
    expect(positive(cli[command]?.beforeRunSeconds), `${command} beforeRunSeconds`).toBe(true);
    // The importing command's own peak RSS (/proc, which every machine this runs on has).
    expect(positive(cli[command]?.peakRssBytes), `${command} peakRssBytes`).toBe(true);
  }
  expect(positive(cli.firstOverMinimalRead)).toBe(true);
  expect(positive(cli.reimportOverFirst)).toBe(true);
}, 180_000);
