/**
 * The CLI import benchmark (issue 12: "through the CLI on PostgreSQL, importing 30k customers takes <= 1.5 x
 * what a minimal client needs just to read them from the same simulator, and the unchanged re-import <= 0.5 x
 * the first import"). With the Magento simulator in a process of its own (seed 42, no broken records):
 *   minimal read    plain fetch pages the simulator's REST API by searchCriteria[currentPage], the adapter's
 *                   page size, and discards the JSON (bench/support/minimal-read.ts)
 *   channel add     `kontor --db <fresh PostgreSQL database> channel add bench ...`, built as
 *                   `kontor simulator magento` prints it
 *   first import    `kontor import-customers --channel bench --changed-since anytime --confirm-all-warnings
 *                   --wait`, a process of its own: wall clock of the whole command, start-up included
 *   re-import       the same command again (every customer unchanged)
 * and the ratios first import / minimal read and re-import / first import. bin/kontor.js runs dist/ when it is
 * fresh (`npm run build`), else the sources through tsx: `mode` says which.
 *
 *   node --import tsx bench/cli-import.ts      (BENCH_CLI_CUSTOMERS=30000 by default)
 *
 * With BENCH_JSON=1 (as bench/run.ts runs it) the lines go to stderr and one JSON document to stdout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { defaultAdapters } from '../src/adapters/registry.ts';
import { oltpSchema } from '../src/storage/oltp-schema.ts';
import { type CliRun, cliMode, cliRoot, runCli } from './support/cli-process.ts';
import { freshDatabase, postgresReachable } from './support/fresh-database.ts';
import { minimalRead } from './support/minimal-read.ts';
import { startSimulatorProcess } from './support/simulator-process.ts';

const customers = Number(process.env.BENCH_CLI_CUSTOMERS ?? 30_000);
const asJson = process.env.BENCH_JSON === '1';
const say = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);
if (!Number.isInteger(customers) || customers < 1) throw new Error('BENCH_CLI_CUSTOMERS: a whole number');

/** A command's wall clock, CPU time and peak RSS, as bench/support/cli-process.ts measures them. */
type Timed = Pick<CliRun, 'wallSeconds' | 'cpuSeconds' | 'peakRssBytes'>;
/** An import command: the whole command, its import run (the database's timestamps), and the rest. */
interface TimedImport extends Timed {
  /** The import run, started_at to finished_at. */
  runSeconds: number;
  /** From spawning the command to the run's start: start-up, filing and claiming the job. */
  beforeRunSeconds: number;
  /** From the run's end to the command's exit: ending the job, the summary, closing. */
  afterRunSeconds: number;
}
const timed = ({ wallSeconds, cpuSeconds, peakRssBytes }: CliRun): Timed => ({
  wallSeconds,
  cpuSeconds,
  peakRssBytes,
});
function seconds(t: Timed): string {
  const cpu = t.cpuSeconds === null ? '' : ` (CPU ${t.cpuSeconds.toFixed(2)} s)`;
  const rss = t.peakRssBytes === null ? '' : `, peak RSS ${Math.round(t.peakRssBytes / 2 ** 20)} MiB`;
  return `${t.wallSeconds.toFixed(2)} s${cpu}${rss}`;
}

/** What the imports left in the database (the default OLTP database's schema): counts, the last run. */
async function inspect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const schema = `"${oltpSchema('default')}"`;
    const count = async (table: string) =>
      Number((await client.query(`select count(*) as n from ${schema}.${table}`)).rows[0].n);
    const run = await client.query<{ started: Date; finished: Date; state: string }>(
      `select started_at as started, finished_at as finished, state from ${schema}.import_run order by id desc limit 1`,
    );
    const last = run.rows[0];
    if (last?.state !== 'finished') throw new Error(`the last import run is ${last?.state ?? 'missing'}`);
    return { partners: await count('partner'), links: await count('channel_link'), run: last };
  } finally {
    await client.end();
  }
}

async function timedImport(command: Promise<CliRun>, url: string) {
  const cli = await command;
  const { partners, links, run } = await inspect(url);
  const importRun: TimedImport = {
    ...timed(cli),
    runSeconds: (run.finished.getTime() - run.started.getTime()) / 1000,
    beforeRunSeconds: (run.started.getTime() - cli.spawnedAt) / 1000,
    afterRunSeconds: (cli.exitedAt - run.finished.getTime()) / 1000,
  };
  return { importRun, partners, links };
}

const breakdown = (t: TimedImport) =>
  `${seconds(t)}: before the run ${t.beforeRunSeconds.toFixed(2)} s, run ${t.runSeconds.toFixed(2)} s, after ${t.afterRunSeconds.toFixed(2)} s`;

async function measure(): Promise<Record<string, unknown>> {
  const kind = 'magento';
  const adapter = defaultAdapters.get(kind);
  const pageSize = adapter.capabilities.pageSize;
  const sim = await startSimulatorProcess({ kind, customers, seed: 42, brokenShare: 0 });
  const folder = await mkdtemp(join(tmpdir(), 'kontor-bench-cli-import-'));
  const database = await freshDatabase('postgres');
  try {
    say(
      `${kind} ${customers}: simulator generated in ${sim.generatedSeconds.toFixed(1)} s; CLI runs ${cliMode()} (${cliRoot}bin/kontor.js)`,
    );
    const { url, settings } = sim.connection;
    const read = await minimalRead(url, String(settings.token), pageSize);
    if (read.records !== customers)
      throw new Error(`minimal read: ${read.records} of ${customers} customers`);
    say(`  minimal read ${read.seconds.toFixed(2)} s (${read.pages} pages of ${pageSize})`);

    const env = { KONTOR_SECRET_KEY: randomBytes(32).toString('hex'), KONTOR_USER: 'bench' };
    const kontor = (args: string[]) => runCli(['--db', database.spec, ...args], { cwd: folder, env });
    // As `kontor simulator magento` prints it (src/cli/commands/simulator-run.ts), named bench.
    const channelAdd = [
      'channel',
      'add',
      'bench',
      '--adapter',
      kind,
      '--type',
      sim.channelType,
      '--url',
      url,
    ];
    for (const [key, value] of Object.entries(settings)) channelAdd.push('--setting', `${key}=${value}`);
    const add = timed(await kontor(channelAdd));
    say(`  channel add ${seconds(add)}`);
    const importArgs = ['import-customers', '--channel', 'bench', '--changed-since', 'anytime'];
    importArgs.push('--confirm-all-warnings', '--wait');
    const first = await timedImport(kontor(importArgs), database.spec);
    say(`  first import ${breakdown(first.importRun)}; ${first.partners} partners`);
    const again = await timedImport(kontor(importArgs), database.spec);
    say(`  unchanged re-import ${breakdown(again.importRun)}`);
    if (first.links !== customers || again.links !== customers)
      throw new Error(`links after the imports: ${first.links}, ${again.links} (of ${customers})`);
    const ratios = {
      firstOverMinimalRead: first.importRun.wallSeconds / read.seconds,
      reimportOverFirst: again.importRun.wallSeconds / first.importRun.wallSeconds,
    };
    say(
      `  first import / minimal read ${ratios.firstOverMinimalRead.toFixed(2)} (goal <= 1.5), re-import / first ${ratios.reimportOverFirst.toFixed(2)} (goal <= 0.5); load ${loadavg()[0]?.toFixed(1)}`,
    );
    return {
      customers,
      adapter: kind,
      db: 'postgres',
      mode: cliMode(),
      checkout: cliRoot,
      pageSize,
      partners: first.partners,
      links: first.links,
      minimalReadSeconds: read.seconds,
      minimalReadPages: read.pages,
      channelAdd: add,
      firstImport: first.importRun,
      reimport: again.importRun,
      ...ratios,
      loadAverage: loadavg()[0],
    };
  } finally {
    await database.drop();
    await rm(folder, { recursive: true, force: true });
    await sim.close();
  }
}

const result = (await postgresReachable()) ? await measure() : { skipped: 'postgres: no server reachable' };
if ('skipped' in result) say(`  skipped: ${result.skipped}`);
if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
