/**
 * Soak run (not in CI): series jobs of three shops on three application servers (`kontor worker` processes)
 * on a fresh PostgreSQL database, for SOAK_MINUTES (default 60), while the shops change and fail (429, 503,
 * dropped connections, malformed answers, slow answers, revoked tokens, change times in 2099) and a random
 * server is killed (SIGKILL) and started again. At the end every shop is read once more without faults and
 * every customer of every shop must be linked to a partner or refused with a reason: the lost count must be 0.
 *
 *   npm run soak                                  # an hour
 *   SOAK_MINUTES=10 SOAK_PG_URL=postgres://postgres@127.0.0.1:5432/test npm run soak
 *
 * Prints the figures as a Markdown table (docs/reliability.md holds the recorded ones).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defaultAdapters } from '../src/adapters/registry.ts';
import { IMPORT_CUSTOMERS } from '../src/batch/applications/import-customers-app.ts';
import { runImport } from '../src/import/import-service.ts';
import { createServices } from '../src/services.ts';
import { harnessOf } from '../src/simulators/harnesses.ts';
import type { SimulatorHarness } from '../src/simulators/kit/harness.ts';
import { openBenchDb } from './support/open-bench-db.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MINUTES = Number(process.env.SOAK_MINUTES ?? 60);
const BASE_URL = process.env.SOAK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const KINDS = ['magento', 'shopware', 'webshop'] as const;
const SERVERS = ['soak-a', 'soak-b', 'soak-c'];
const CUSTOMERS = Number(process.env.SOAK_CUSTOMERS ?? 2000);

interface Tally {
  faults: Record<string, number>;
  kills: number;
  changes: number;
}

async function createDatabase(): Promise<string> {
  const name = `kontor_soak_${Date.now()}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts `kontor worker`; one started again right after a kill is refused until the killed one's lease
 * (10 s) expired, so it is started again until it runs.
 */
function startServer(dbUrl: string, name: string, servers: Map<string, ChildProcess>): ChildProcess {
  const child = spawn(
    'node',
    ['bin/kontor.js', '--db', dbUrl, 'worker', '--app-server', name, '--lease-seconds', '10'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk) => {
    if (!String(chunk).includes('is already running')) process.stderr.write(`[${name}] ${chunk}`);
  });
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0 && !stopping && servers.get(name) === child)
      setTimeout(() => servers.set(name, startServer(dbUrl, name, servers)), 2000);
  });
  servers.set(name, child);
  return child;
}

let stopping = false;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** One fault, change or kill, chosen at random. */
async function disturb(
  shops: ReadonlyArray<{ kind: string; sim: SimulatorHarness }>,
  servers: Map<string, ChildProcess>,
  dbUrl: string,
  tally: Tally,
): Promise<void> {
  const { kind, sim } = pick(shops);
  const roll = Math.random();
  const fault = (name: string) => {
    tally.faults[name] = (tally.faults[name] ?? 0) + 1;
  };
  if (roll < 0.4) {
    tally.changes += (await sim.change(1 + Math.floor(Math.random() * 20))).length;
  } else if (roll < 0.5) {
    sim.faults.injectFailure({ status: 429, retryAfter: '1', times: 3 });
    fault('429 (3 requests)');
  } else if (roll < 0.6) {
    sim.faults.injectFailure({ status: 503, times: 2 });
    fault('503 (2 requests)');
  } else if (roll < 0.67) {
    sim.faults.injectFailure({ drop: true, times: 2 });
    fault('dropped connection (2 requests)');
  } else if (roll < 0.72) {
    sim.faults.injectFailure({ status: 200, body: '{"items": [', times: 1 });
    fault('malformed answer');
  } else if (roll < 0.77) {
    sim.faults.injectFailure({ delayMs: 3000, times: 1 });
    fault('slow answer (3 s)');
  } else if (roll < 0.82) {
    if (sim.faults.revokeTokens()) fault(`revoked tokens (${kind})`);
  } else if (roll < 0.87) {
    await sim.faults.futureChange(1);
    fault('change time in 2099');
  } else {
    const name = pick(SERVERS);
    servers.get(name)?.kill('SIGKILL');
    tally.kills += 1;
    await sleep(2000 + Math.random() * 8000);
    startServer(dbUrl, name, servers);
  }
}

async function main(): Promise<void> {
  const dbUrl = await createDatabase();
  const db = await openBenchDb(dbUrl);
  const services = createServices(db, defaultAdapters);
  const shops = await Promise.all(
    KINDS.map(async (kind) => {
      const harness = harnessOf(kind);
      if (!harness) throw new Error(`no simulator ${kind}`);
      return { kind, sim: await harness.start({ customers: CUSTOMERS, seed: 11, pageSize: 100 }) };
    }),
  );
  for (const { kind, sim } of shops) {
    await services.channels.add({
      name: `soak-${kind}`,
      adapter: kind,
      type: harnessOf(kind)?.channelType ?? 'b2c',
      url: sim.connection.url,
      settings: sim.connection.settings,
      customerApproval: false,
      pseudoPartnerNumber: null,
    });
    await services.queues.add(`soak-${kind}`, null).catch(() => undefined);
    const job = await services.jobs.file({
      application: IMPORT_CUSTOMERS,
      settings: {
        channel: `soak-${kind}`,
        changedSince: 'last-transfer',
        timestamp: null,
        emails: null,
        deactivateDeleted: false,
        confirmAllWarnings: true,
      },
      batch: {
        name: `soak ${kind}`,
        user: 'soak',
        oltpDatabase: 'soak',
        queue: `soak-${kind}`,
        startMode: 'series',
        pattern: '*/20 * * * * *',
        notification: 'none',
      },
    });
    await services.jobs.release(String(job.id));
  }
  const servers = new Map<string, ChildProcess>();
  for (const name of SERVERS) startServer(dbUrl, name, servers);
  const tally: Tally = { faults: {}, kills: 0, changes: 0 };
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  while (Date.now() < end) {
    await disturb(shops, servers, dbUrl, tally);
    await sleep(3000 + Math.random() * 7000);
  }
  stopping = true;
  for (const child of servers.values()) child.kill('SIGTERM');
  await sleep(3000);

  // The final read, without faults: Anytime, so every customer of every shop is read once more.
  const lost: Record<string, number> = {};
  for (const { kind, sim } of shops) {
    const run = await runImport(
      { db, adapters: defaultAdapters },
      {
        channel: `soak-${kind}`,
        changedSince: 'anytime',
        timestamp: null,
        emails: null,
        deactivateDeleted: false,
        confirmAllWarnings: true,
      },
    );
    const linked = await db.query<{ external_id: string }>(
      'select l.external_id from channel_link l join sales_channel c on c.id = l.channel_id where c.name = $1',
      [`soak-${kind}`],
    );
    const refused = (await services.runs.log(run.id))
      .filter((line) => line.level === 'error')
      .map((line) => line.externalId);
    const accounted = new Set([...linked.rows.map((row) => row.external_id), ...refused]);
    lost[kind] = sim.allIds().filter((id) => !accounted.has(id)).length;
  }
  const figures = await db.query<{ what: string; n: string }>(
    `select 'batch runs ' || state as what, count(*)::text as n from batch_run group by state
     union all select 'import runs ' || state, count(*)::text from import_run group by state
     union all select 'records read', coalesce(sum(read_count), 0)::text from import_run
     union all select 'partners created', coalesce(sum(created_count), 0)::text from import_run
     union all select 'partners updated', coalesce(sum(updated_count), 0)::text from import_run
     union all select 'records refused (errors)', coalesce(sum(error_count), 0)::text from import_run
     union all select 'partners', count(*)::text from partner
     order by what`,
  );
  const rows: Array<[string, string]> = [
    ['duration', `${Math.round((Date.now() - started) / 60_000)} min`],
    ['shops', `${KINDS.join(', ')} (${CUSTOMERS} customers each)`],
    ['application servers', `${SERVERS.length}`],
    ['series jobs', `${KINDS.length} (every 20 s)`],
    ...figures.rows.map((row): [string, string] => [row.what, row.n]),
    ['customers changed in the shops', String(tally.changes)],
    ...Object.entries(tally.faults).map(([name, n]): [string, string] => [`fault: ${name}`, String(n)]),
    ['servers killed (SIGKILL)', String(tally.kills)],
    ...Object.entries(lost).map(([kind, n]): [string, string] => [`lost (${kind})`, String(n)]),
  ];
  console.log('| figure | value |\n|---|---|');
  for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
  await db.close();
  await Promise.all(shops.map(({ sim }) => sim.close()));
  const totalLost = Object.values(lost).reduce((a, b) => a + b, 0);
  process.exitCode = totalLost === 0 ? 0 : 1;
}

await main();
