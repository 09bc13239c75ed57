/**
 * Planner statistics of the partner tables where nothing else keeps them: PGlite runs no autovacuum, so without
 * this a million partners are planned as if they were a handful (the partner search then sorts them all for a
 * page instead of walking the number index). After an import, when a table has grown by a fifth since its last
 * ANALYZE (or never had one) and holds more than a few thousand rows' worth of pages, it is analyzed: ANALYZE
 * reads a sample (30,000 rows), about a second at a million partners. PostgreSQL's autovacuum does this itself.
 */
import type { Db } from './db.ts';

/** The tables the partner search joins. */
const TABLES = ['partner', 'partner_address', 'channel_link'] as const;

/** Below this many pages (8 kB each) plans hardly differ: no ANALYZE. */
const MIN_PAGES = 100;

/** Analyzes the partner tables of `db`'s OLTP database that grew since their statistics; returns them. */
export async function refreshPartnerStatistics(db: Db): Promise<string[]> {
  if (db.kind !== 'pglite') return [];
  const { rows } = await db.query<{ name: string; analyzed: unknown; pages: unknown }>(
    `select t.name, c.relpages as analyzed, pg_relation_size(c.oid) / current_setting('block_size')::int as pages
     from unnest($1::text[]) as t(name) join pg_class c on c.oid = t.name::regclass
     where c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2`,
    [TABLES],
  );
  const stale = rows.filter((row) => Number(row.pages) >= MIN_PAGES).map((row) => row.name);
  if (stale.length) await db.query(`analyze ${stale.join(', ')}`);
  return stale;
}
