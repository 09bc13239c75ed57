/**
 * Write-only benchmark: N generated customers held in memory (deterministic, no HTTP, no simulator) are
 * imported through the real import (`runImport`: the run, its page transactions, the run log, the watermark)
 * by an in-memory adapter, so that the figure is what Kontor's write path costs. Optionally the same pages
 * are imported again (every record unchanged).
 *
 *   node --import tsx bench/write-only.ts --customers 100000 --db pglite|postgres [--page-size 300] [--reimport]
 *
 * `measureWriteOnly` is what `npm run bench` calls.
 */
import pg from 'pg';
import type { Adapter, CustomerPage } from '../src/adapters/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import type { ChannelCustomer } from '../src/domain/channel-customer.ts';
import { type ImportRequest, runImport } from '../src/import/import-service.ts';
import type { Db } from '../src/storage/db.ts';
import { openBenchDb } from './support/open-bench-db.ts';

export interface WriteOnlyOptions {
  /** An open database, or a spec for openDb ('memory:' = PGlite in memory, a postgres:// URL). */
  db: Db | string;
  customers: number;
  pageSize: number;
  /** Import the same pages a second time (all unchanged) and measure that too. */
  reimport?: boolean;
  /** The channel's name (default: a new one per call, so that one database can hold several measurements). */
  channel?: string;
  /** Called after each measured import, outside the measured time (e.g. to read the database's CPU time). */
  afterImport?: (phase: 'first' | 'unchanged') => Promise<void> | void;
}

export interface WriteOnlyResult {
  seconds: number;
  partnersPerSecond: number;
  /** CPU time of this process during the import (with PGlite: the database's too). */
  cpuSeconds: number;
  /** With `reimport`: the second import of the same pages, every record unchanged. */
  unchanged?: { seconds: number; recordsPerSecond: number; cpuSeconds: number };
}

const COUNTRIES = ['DE', 'AT', 'CH', 'FR', 'NL', 'IT', 'ES', 'PL', 'GB', 'US'];
const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hans', 'Ida', 'Jonas'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker'];

/** Customer number `i` (0-based): the same for the same i, every run; unique e-mails; 1-2 addresses. */
export function generatedCustomer(i: number): ChannelCustomer {
  const pick = <T>(list: readonly T[], salt: number): T => list[(i * 7919 + salt * 104729) % list.length]!;
  const b2b = i % 5 === 0;
  const country = pick(COUNTRIES, 3);
  const address = (position: number) => ({
    street: `${pick(LAST, position)}straße ${(i % 200) + 1}`,
    postalCode: String(10000 + ((i * 31 + position) % 89999)),
    city: `${pick(['Berlin', 'Wien', 'Zürich', 'Paris', 'Rom'], position)}`,
    country,
    region: null,
    defaultBilling: position === 0,
    defaultShipping: position === 0,
  });
  const updatedAt = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  return {
    externalId: String(i + 1),
    email: `customer${i + 1}@example.com`,
    firstName: pick(FIRST, 1),
    lastName: pick(LAST, 2),
    company: b2b ? `${pick(LAST, 4)} GmbH ${i}` : null,
    taxId: null,
    phones: [`+49 30 ${1000000 + i}`],
    websites: b2b ? [`https://company${i}.example.com`] : [],
    addresses: i % 3 === 0 ? [address(0), address(1)] : [address(0)],
    contacts: b2b
      ? [{ name: `${pick(FIRST, 5)} ${pick(LAST, 6)}`, function: 'Buyer', email: null, phone: null }]
      : [],
    salesTaxClassification: null,
    salesRepresentative: null,
    guest: false,
    createdAt: updatedAt,
    updatedAt,
  };
}

/** An adapter that reads N generated customers from memory, page by page, in ascending change time. */
function memoryAdapter(customers: number, pageSize: number): Adapter {
  return {
    kind: 'bench-memory',
    label: 'Benchmark (memory)',
    capabilities: {
      changedSince: false,
      byEmail: false,
      byId: false,
      deletions: 'none',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      guests: false,
      alwaysBlocked: false,
      pageSize,
      requestsPerSecond: null,
    },
    settings: [],
    validateSettings: () => {},
    check: async () => ({ ok: true, message: 'memory', customerCount: customers }),
    async *readCustomers(_connection, request): AsyncIterable<CustomerPage> {
      for (let start = 0; start < customers; start += pageSize) {
        request.signal?.throwIfAborted();
        const page: ChannelCustomer[] = [];
        for (let i = start; i < Math.min(customers, start + pageSize); i += 1)
          page.push(generatedCustomer(i));
        yield { customers: page, rejected: [], deleted: [], cursor: String(start + page.length) };
      }
    },
  };
}

/** A first import of everything, every warning confirmed (so every customer is written). */
export const anytime = (channel: string): ImportRequest => ({
  channel,
  changedSince: 'anytime',
  timestamp: null,
  emails: null,
  deactivateDeleted: false,
  confirmAllWarnings: true,
});

let channelCounter = 0;

export async function measureWriteOnly(options: WriteOnlyOptions): Promise<WriteOnlyResult> {
  const db = typeof options.db === 'string' ? await openBenchDb(options.db) : options.db;
  try {
    const adapters = createAdapterRegistry([memoryAdapter(options.customers, options.pageSize)]);
    channelCounter += 1;
    const channel = options.channel ?? `bench-write-${process.pid}-${Date.now()}-${channelCounter}`;
    await new ChannelService(db, adapters).add({
      name: channel,
      adapter: 'bench-memory',
      type: 'b2b-b2c',
      url: 'https://memory.invalid',
      settings: {},
      customerApproval: true,
      pseudoPartnerNumber: null,
    });
    const timed = async (expected: 'created' | 'unchanged') => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const run = await runImport({ db, adapters }, anytime(channel));
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      if (run.state !== 'finished') throw new Error(`run ${run.id} ${run.state}: ${run.error?.message}`);
      if (run.counts[expected] !== options.customers) {
        throw new Error(`run ${run.id}: ${expected} ${run.counts[expected]} of ${options.customers}`);
      }
      await options.afterImport?.(expected === 'created' ? 'first' : 'unchanged');
      return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
    };
    const first = await timed('created');
    const result: WriteOnlyResult = { ...first, partnersPerSecond: options.customers / first.seconds };
    if (options.reimport) {
      const again = await timed('unchanged');
      result.unchanged = { ...again, recordsPerSecond: options.customers / again.seconds };
    }
    return result;
  } finally {
    if (typeof options.db === 'string') await db.close();
  }
}

/** A fresh, empty PostgreSQL database for one measurement; its URL. */
export async function freshPostgresDatabase(adminUrl: string, name = 'kontor_bench_write'): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

async function main(): Promise<void> {
  const customers = Number(argument('customers', '10000'));
  const pageSize = Number(argument('page-size', '300'));
  const kinds = argument('db', 'pglite,postgres').split(',');
  const reimport = process.argv.includes('--reimport');
  const pgUrl = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
  for (const kind of kinds) {
    const spec = kind.startsWith('postgres://')
      ? kind
      : kind === 'postgres'
        ? await freshPostgresDatabase(pgUrl)
        : 'memory:';
    const result = await measureWriteOnly({ db: spec, customers, pageSize, reimport });
    const rate = (seconds: number, cpu: number, what: string) =>
      `${seconds.toFixed(2)} s (${Math.round(customers / seconds)} ${what}/s; this process ${cpu.toFixed(2)} s CPU)`;
    const unchanged = result.unchanged
      ? `; unchanged re-import ${rate(result.unchanged.seconds, result.unchanged.cpuSeconds, 'records')}`
      : '';
    console.log(
      `${kind.padEnd(8)} ${customers} customers, page ${pageSize}: write only ${rate(result.seconds, result.cpuSeconds, 'partners')}${unchanged}`,
    );
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
