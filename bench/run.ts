/**
 * The benchmark (`npm run bench`; docs/performance.md). For each N (default 10,000 and 100,000; 1,000,000 with
 * `--customers 1000000` or BENCH_1M=1), each adapter (Magento, Shopware) and each database (PGlite in
 * memory, PostgreSQL: a fresh database per measurement), with the simulator in a process of its own and every
 * measurement in a child process of its own (so peak RSS is the importing process's):
 *   read only       the adapter reads every page and discards it (bench/read-only.ts)
 *   write only      the same pages from memory written into the database (bench/write-only-pages.ts)
 *   first import, unchanged re-import, Last transfer after 1% of the customers changed
 *   peak RSS of the importing process, and first import / max(read only, write only)
 * Then the import through the CLI on PostgreSQL (bench/cli-import.ts: `kontor import-customers --wait` as a
 * process of its own against a minimal client's read of the same simulator, 30,000 customers), partner search
 * (bench/partner-search.ts, at 1M partners with the 1M option, else 100k), release-to-start latency with two
 * application servers (bench/batch-latency.ts), and the CLI start-up (bench/cli-startup.ts).
 * `npm run bench -- --json` prints one JSON document with the same figures instead of tables.
 *
 * Options: --customers 10000,100000  --db pglite,postgres  --adapters magento,shopware  --json
 *          --cli-customers 30000  --skip cli-import,search,batch,cli
 *          (BENCH_CUSTOMERS, BENCH_DB, BENCH_ADAPTERS, BENCH_CLI_CUSTOMERS, BENCH_1M=1 do the same)
 */
import { parseArgs } from 'node:util';
import { postgresReachable } from './support/fresh-database.ts';
import { type MeasureResult, measureInChild } from './support/measure.ts';
import { runScript } from './support/run-script.ts';
import { startSimulatorProcess } from './support/simulator-process.ts';

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string' },
    db: { type: 'string' },
    adapters: { type: 'string' },
    'cli-customers': { type: 'string' },
    json: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
  },
});
const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);
const sizes = list(args.customers ?? process.env.BENCH_CUSTOMERS, '10000,100000').map(Number);
if (process.env.BENCH_1M === '1' && !sizes.includes(1_000_000)) sizes.push(1_000_000);
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error('--customers: whole numbers, comma-separated');
const cliCustomers = Number(args['cli-customers'] ?? process.env.BENCH_CLI_CUSTOMERS ?? 30_000);
if (!Number.isInteger(cliCustomers) || cliCustomers < 1) throw new Error('--cli-customers: a whole number');
const million = sizes.some((n) => n >= 1_000_000);
const adapters = list(args.adapters ?? process.env.BENCH_ADAPTERS, 'magento,shopware');
const skip = new Set(list(args.skip, ''));
let databases = list(args.db ?? process.env.BENCH_DB, 'pglite,postgres') as Array<'pglite' | 'postgres'>;
const json = args.json === true;
/** Progress and tables: stdout, or stderr with --json (stdout is then only the JSON document). */
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const skipped: string[] = [];
if (databases.includes('postgres') && !(await postgresReachable())) {
  databases = databases.filter((db) => db !== 'postgres');
  skipped.push('postgres: no server reachable');
}

interface Row {
  customers: number;
  adapter: string;
  db: string;
  readOnlySeconds: number;
  writeOnlySeconds: number;
  /** CPU time of the write-only process during the write (with PGlite: the database's too). */
  writeOnlyCpuSeconds: number | null;
  firstImportSeconds: number;
  reimportSeconds: number;
  lastTransferSeconds: number;
  lastTransferRead: number;
  peakRssMiB: number;
  /** first import / max(read only, write only). */
  ratio: number;
  writeOnlyModule: string;
}
interface SimulatorFigures {
  customers: number;
  adapter: string;
  generatedSeconds: number;
  simulatorRssMiB: number;
  readOnlySeconds: number;
  readOnlyPerSecond: number;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const started = performance.now();
const rows: Row[] = [];
const simulators: SimulatorFigures[] = [];

say(
  `Kontor benchmark: N = ${sizes.join(', ')}; ${adapters.join(', ')}; ${databases.join(', ')} (node ${process.version})`,
);
for (const customers of sizes) {
  for (const kind of adapters) {
    // No broken records: a record that fails holds the Last transfer watermark back (by design), so the
    // Last transfer would read from the oldest failed record instead of 1%.
    const sim = await startSimulatorProcess({ kind, customers, seed: 42, brokenShare: 0 });
    try {
      const base = { kind, customers, connection: sim.connection, db: 'pglite' as const };
      const read = await measureInChild({ ...base, task: 'read-only' }, sim.change);
      const readOnly = read.seconds.readOnly as number;
      simulators.push({
        customers,
        adapter: kind,
        generatedSeconds: sim.generatedSeconds,
        simulatorRssMiB: mib(sim.rss),
        readOnlySeconds: readOnly,
        readOnlyPerSecond: Math.round(read.records / readOnly),
      });
      say(
        `${kind} ${customers}: simulator generated in ${sim.generatedSeconds.toFixed(1)} s (${mib(sim.rss)} MiB); read only ${readOnly.toFixed(2)} s (${Math.round(read.records / readOnly)}/s)`,
      );
      for (const db of databases) {
        const write: MeasureResult = await measureInChild({ ...base, db, task: 'write-only' }, sim.change);
        const imported = await measureInChild({ ...base, db, task: 'import' }, sim.change);
        const writeOnly = write.seconds.writeOnly as number;
        const first = imported.seconds.firstImport as number;
        const row: Row = {
          customers,
          adapter: kind,
          db,
          readOnlySeconds: readOnly,
          writeOnlySeconds: writeOnly,
          writeOnlyCpuSeconds: write.cpuSeconds?.writeOnly ?? null,
          firstImportSeconds: first,
          reimportSeconds: imported.seconds.reimport as number,
          lastTransferSeconds: imported.seconds.lastTransfer as number,
          lastTransferRead: imported.lastTransferRead ?? 0,
          peakRssMiB: mib(imported.maxRssBytes),
          ratio: first / Math.max(readOnly, writeOnly),
          writeOnlyModule: write.writeOnlyModule ?? '',
        };
        rows.push(row);
        say(
          `  ${db.padEnd(9)} write only ${writeOnly.toFixed(2)} s (${row.writeOnlyCpuSeconds?.toFixed(2) ?? '?'} s CPU), first import ${first.toFixed(2)} s, re-import ${row.reimportSeconds.toFixed(2)} s, Last transfer ${row.lastTransferSeconds.toFixed(2)} s (${row.lastTransferRead} read), peak RSS ${row.peakRssMiB} MiB, ratio ${row.ratio.toFixed(2)}`,
        );
      }
    } finally {
      await sim.close();
    }
  }
}

const rate = (n: number, s: number) => `${s.toFixed(2)} s (${Math.round(n / s).toLocaleString('en-US')}/s)`;
say('\nImport (seconds, customers per second)');
say(
  'N          adapter   db        read only              write only             first import           re-import              Last transfer 1%  peak RSS  first/max(r,w)',
);
for (const r of rows) {
  say(
    `${String(r.customers).padEnd(10)} ${r.adapter.padEnd(9)} ${r.db.padEnd(9)} ${rate(r.customers, r.readOnlySeconds).padEnd(22)} ${rate(r.customers, r.writeOnlySeconds).padEnd(22)} ${rate(r.customers, r.firstImportSeconds).padEnd(22)} ${rate(r.customers, r.reimportSeconds).padEnd(22)} ${`${r.lastTransferSeconds.toFixed(2)} s`.padEnd(17)} ${`${r.peakRssMiB} MiB`.padEnd(9)} ${r.ratio.toFixed(2)}`,
  );
}

// The CLI import, partner search, batch latency, CLI start-up: their own scripts, run as child processes that
// print JSON.
const extra: Record<string, unknown> = {};
if (!skip.has('cli-import') && !databases.includes('postgres')) skipped.push('cli-import: PostgreSQL only');
else if (!skip.has('cli-import')) {
  say(`\nImport through the CLI on PostgreSQL, Magento, ${cliCustomers.toLocaleString('en-US')} customers`);
  const env = { BENCH_CLI_CUSTOMERS: String(cliCustomers) };
  extra.cliImport = await runScript('bench/cli-import.ts', env, say);
}
if (!skip.has('search')) {
  const partners = million ? 1_000_000 : 100_000;
  say(`\nPartner search at ${partners.toLocaleString('en-US')} partners`);
  extra.partnerSearch = await runScript('bench/partner-search.ts', { BENCH_PARTNERS: String(partners) }, say);
}
if (!skip.has('batch')) {
  say('\nRelease-to-start latency, two application servers (PostgreSQL)');
  extra.batchLatency = await runScript('bench/batch-latency.ts', {}, say);
}
if (!skip.has('cli')) {
  say('\nCLI start-up (median of several runs; docs/performance.md)');
  extra.cliStartup = await runScript('bench/cli-startup.ts', {}, say);
}

const totalSeconds = (performance.now() - started) / 1000;
say(`\nBenchmark took ${(totalSeconds / 60).toFixed(1)} min.`);
if (skipped.length > 0) say(`Skipped: ${skipped.join('; ')}`);
if (json) {
  process.stdout.write(
    `${JSON.stringify(
      {
        node: process.version,
        cores: (await import('node:os')).availableParallelism(),
        customers: sizes,
        adapters,
        databases,
        skipped,
        simulators,
        import: rows,
        ...extra,
        totalSeconds,
      },
      null,
      2,
    )}\n`,
  );
}
