/**
 * Import benchmark: imports N generated Magento customers from the simulator over HTTP into PGlite and
 * (when reachable) the PostgreSQL server, then imports them again (all unchanged), and reports wall time,
 * customers per second and peak memory. `npm run bench` (BENCH_CUSTOMERS=20000 npm run bench for more).
 */
import pg from 'pg';
import { createMagentoAdapter } from '../src/adapters/magento/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import { type ImportRequest, runImport } from '../src/import/import-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { openDb } from '../src/storage/open-db.ts';

const customers = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const pageSizes = (process.env.BENCH_PAGE_SIZES ?? '100,300').split(',').map(Number);
const pgUrl = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const adapters = createAdapterRegistry([createMagentoAdapter()]);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
/** Heap still in use after a full GC: flat across runs means the import keeps nothing per record. */
function heapAfterGc(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'n/a (run with --expose-gc)';
  gc();
  return mib(process.memoryUsage().heapUsed);
}

async function freshPostgres(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query('drop database if exists kontor_bench with (force)');
    await admin.query('create database kontor_bench');
    const url = new URL(pgUrl);
    url.pathname = '/kontor_bench';
    return url.toString();
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

async function measure(db: Db, channel: string, request: ImportRequest) {
  const started = performance.now();
  const run = await runImport({ db, adapters }, { ...request, channel });
  const seconds = (performance.now() - started) / 1000;
  if (run.state !== 'finished') throw new Error(`run ${run.id} ${run.state}: ${run.error?.message}`);
  return { seconds, run };
}

const anytime: ImportRequest = {
  channel: '',
  changedSince: 'anytime',
  timestamp: null,
  emails: null,
  deactivateDeleted: false,
  confirmAllWarnings: true, // every customer is written, warnings or not
};

const sim = await startMagentoSimulator({ customers, seed: 42, brokenShare: 0.01 });
console.log(`Import benchmark: ${customers} Magento customers over HTTP (node ${process.version})\n`);
console.log(
  'database  page size  first import               re-import (unchanged)    peak RSS  heap after GC',
);
try {
  // Every measurement starts from an empty database, so that one page size's partners do not become the
  // next one's "another partner already has this e-mail".
  const targets: Array<{ name: string; spec: () => Promise<string | null> }> = [
    { name: 'pglite', spec: async () => 'memory:' },
    { name: 'postgres', spec: freshPostgres },
  ];
  for (const target of targets) {
    for (const pageSize of pageSizes) {
      const spec = await target.spec();
      if (!spec) {
        console.log(`${target.name.padEnd(9)} skipped: no PostgreSQL at ${new URL(pgUrl).host}`);
        break;
      }
      const db = await openDb(spec);
      try {
        const channel = `bench-${pageSize}`;
        await new ChannelService(db, adapters).add({
          name: channel,
          adapter: 'magento',
          type: 'b2b-b2c',
          url: sim.url,
          settings: { token: sim.token, pageSize: String(pageSize) },
          customerApproval: false,
          pseudoPartnerNumber: null,
        });
        peakRss = 0;
        const first = await measure(db, channel, anytime);
        const again = await measure(db, channel, anytime);
        const rate = (m: { seconds: number; run: { counts: { read: number } } }) =>
          `${m.seconds.toFixed(2)} s (${Math.round(m.run.counts.read / m.seconds)}/s)`.padEnd(25);
        console.log(
          `${target.name.padEnd(9)} ${String(pageSize).padEnd(10)} ${rate(first)}${rate(again)}${mib(peakRss).padEnd(10)}${heapAfterGc()}`,
        );
      } finally {
        await db.close();
      }
    }
  }
} finally {
  clearInterval(sampler);
  await sim.close();
}
