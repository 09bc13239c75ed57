/**
 * Partner search benchmark: fills PGlite (in memory) and, when reachable, the PostgreSQL server with N
 * partners (an address each, a link to one of two channels, every 20th link deleted), then times the
 * cockpit's searches: a first page, a text search, filters, and a page far back, by offset and by keyset (after
 * the number of the partner before that page: the same page).
 *
 *   node --import tsx bench/partner-search.ts      (BENCH_PARTNERS=100000 by default; 1000000 for 1M)
 *
 * The fill is set-based (generate_series) with the secondary indexes of the filled tables dropped and made
 * again afterwards from their own definitions (one index build instead of a million index inserts).
 *
 * Each search runs once to warm up, then BENCH_RUNS times (10): mean and p95. BENCH_DB=pglite or postgres runs
 * one database only. With BENCH_JSON=1 (as bench/run.ts runs
 * it) the lines go to stderr and one JSON document to stdout.
 */
import pg from 'pg';
import type { Db } from '../src/storage/db.ts';
import { type PartnerSearch, searchPartners } from '../src/storage/partner-search-store.ts';
import { openBenchDb } from './support/open-bench-db.ts';

const partners = Number(process.env.BENCH_PARTNERS ?? 100_000);
const asJson = process.env.BENCH_JSON === '1';
const runs = Number(process.env.BENCH_RUNS ?? 10);
const only = process.env.BENCH_DB;
const say = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);
const figures: Record<
  string,
  | { fillSeconds: number; searches: Record<string, { meanMs: number; p95Ms: number; total: number }> }
  | 'skipped'
> = {};
const pgUrl = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The PostgreSQL database the benchmark makes anew (BENCH_PG_DB: two checkouts side by side). */
const pgDatabase = process.env.BENCH_PG_DB || 'kontor_bench_search';

async function freshPostgres(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${pgDatabase} with (force)`);
    await admin.query(`create database ${pgDatabase}`);
    const url = new URL(pgUrl);
    url.pathname = `/${pgDatabase}`;
    return url.toString();
  } catch {
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

/** The secondary indexes (not keys) of the filled tables: dropped for the fill, made again after it. */
async function dropIndexes(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid in ('partner'::regclass, 'partner_address'::regclass, 'channel_link'::regclass)
       and not i.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  for (const { name } of rows) await db.query(`drop index ${name}`);
  return rows.map((row) => row.definition);
}

async function fill(db: Db): Promise<void> {
  const indexes = await dropIndexes(db);
  await db.query(
    `insert into sales_channel (name, adapter, channel_type, url) values
       ('shop-a', 'magento', 'b2b-b2c', 'https://a.example.com'), ('shop-b', 'shopware', 'b2c', 'https://b.example.com')`,
  );
  await db.query(
    `insert into partner (number, partner_type, status, name, email, company, tax_id)
     select (100000 + i)::text, case when i % 3 = 0 then 'B2B' else 'B2C' end,
       case when i % 3 = 0 then 'Blocked' else 'Released' end, 'Person ' || md5(i::text),
       'user' || i || '@example.com', case when i % 3 = 0 then 'Company ' || i end,
       case when i % 3 = 0 then 'DE' || (100000000 + i) end
     from generate_series(1, $1::int) i`,
    [partners],
  );
  await db.query(
    `insert into partner_address (partner_id, position, street, postal_code, city, country)
     select id, 0, 'Street ' || id, '10115', (array['Berlin', 'Hamburg', 'München', 'Köln', 'Wrocław'])[1 + id % 5]
       || ' ' || (id % 997), 'DE'
     from partner`,
  );
  await db.query(
    `insert into channel_link (channel_id, external_id, partner_id, imported_at, deleted_at, active, fingerprint)
     select 1 + p.id % 2, p.id::text, p.id, now(), case when p.id % 19 = 0 then now() end, p.id % 19 <> 0, 'f'
     from partner p`,
  );
  await db.query("set maintenance_work_mem = '256MB'");
  for (const definition of indexes) await db.query(definition);
  await db.query('analyze');
}

const searches: Array<[string, PartnerSearch]> = [
  ['first page', {}],
  ['text (rare)', { q: 'user4242@' }],
  ['text (city, common)', { q: 'münchen 5' }],
  ['channel + type + status', { channel: 'shop-a', type: 'B2B', status: 'Blocked' }],
  ['deleted=yes of a channel', { channel: 'shop-b', deleted: 'yes' }],
  ['deleted=no', { deleted: 'no' }],
  ['page far back', { offset: partners - 100, limit: 50 }],
];

/**
 * The page far back by keyset: after the number of the partner just before it (looked up once, untimed), so
 * the same 50 partners as by offset; refuses to time it if they are not.
 */
async function farBackByKeyset(db: Db): Promise<[string, PartnerSearch]> {
  const { rows } = await db.query<{ number: string }>(
    'select number from partner order by number offset $1 limit 1',
    [partners - 101],
  );
  const search: PartnerSearch = { after: rows[0]?.number ?? '', limit: 50 };
  const numbers = async (s: PartnerSearch) => (await searchPartners(db, s)).items.map((p) => p.number);
  if (
    JSON.stringify(await numbers(search)) !==
    JSON.stringify(await numbers({ offset: partners - 100, limit: 50 }))
  )
    throw new Error('The page by keyset is not the page by offset.');
  return ['page far back by keyset', search];
}

for (const backend of [
  { name: 'pglite', spec: async () => 'memory:' },
  { name: 'postgres', spec: freshPostgres },
]) {
  if (only && only !== backend.name) continue;
  const spec = await backend.spec();
  if (!spec) {
    say(`${backend.name}: skipped (no server at ${new URL(pgUrl).host})`);
    figures[backend.name] = 'skipped';
    continue;
  }
  const db = await openBenchDb(spec);
  try {
    const started = performance.now();
    await fill(db);
    const fillSeconds = (performance.now() - started) / 1000;
    say(`${backend.name}: ${partners} partners in ${fillSeconds.toFixed(1)} s`);
    const measured: Record<string, { meanMs: number; p95Ms: number; total: number }> = {};
    for (const [label, search] of [...searches, await farBackByKeyset(db)]) {
      await searchPartners(db, search); // warm-up
      const times: number[] = [];
      let total = 0;
      let exact = true;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const result = await searchPartners(db, search);
        total = result.total;
        exact = result.totalExact ?? true;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const meanMs = times.reduce((sum, ms) => sum + ms, 0) / times.length;
      const p95Ms = times[Math.ceil(0.95 * times.length) - 1] as number;
      measured[label] = { meanMs, p95Ms, total };
      say(
        `  ${label.padEnd(28)} mean ${meanMs.toFixed(0).padStart(5)} ms  p95 ${p95Ms.toFixed(0).padStart(5)} ms  (total ${exact ? '' : 'more than '}${total})`,
      );
    }
    figures[backend.name] = { fillSeconds, searches: measured };
  } finally {
    await db.close();
  }
}
if (asJson) process.stdout.write(`${JSON.stringify({ partners, ...figures })}\n`);
