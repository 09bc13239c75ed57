/**
 * Planner statistics of the partner tables, kept where nothing else keeps them in time.
 *
 * After an import: PGlite runs no autovacuum, so without this a million partners are planned as if they were a
 * handful (the partner search then sorts them all for a page instead of walking the number index). When a table
 * the search joins has grown by a fifth since its last ANALYZE (or never had one) and holds more than a few
 * thousand rows' worth of pages, it is analyzed: ANALYZE reads a sample (30,000 rows), about a second at a
 * million partners. PostgreSQL's autovacuum does this itself.
 *
 * During an import, on both databases: the foreign-key checks of addresses, contacts and links against `partner`
 * run a plan that each connection makes once and keeps until the table's statistics change. Made while `partner`
 * was nearly empty it is a sequential scan, and every address of a page then reads the whole partner table: at
 * 20,000 customers in pages of 100 the write ran at 600 partners/s instead of 7,000 (autovacuum comes too late,
 * PGlite has none). An ANALYZE of `partner` whenever it has doubled makes every connection plan them again, by
 * then as an index look-up; that is a dozen small ANALYZEs from empty to a million partners.
 */
import type { Db } from './db.ts';

interface Refresh {
  tables: readonly string[];
  /** Analyzed when its pages exceed the pages at its last ANALYZE by this factor. */
  growth: number;
  /** Below this many pages (8 kB each) no ANALYZE. */
  minPages: number;
}

/** After a run: the tables the partner search joins. */
const AFTER_RUN: Refresh = {
  tables: ['partner', 'partner_address', 'channel_link'],
  growth: 1.2,
  minPages: 100,
};

/** During a run: the table the page's foreign keys reference. */
const DURING_RUN: Refresh = { tables: ['partner'], growth: 2, minPages: 8 };

/** Partners a run creates before its first check, and the factor by which that grows from check to check. */
const FIRST_CHECK = 500;
const CHECK_GROWTH = 2;

/** Analyzes the partner tables of `db`'s OLTP database that grew since their statistics (PGlite); returns them. */
export async function refreshPartnerStatistics(db: Db): Promise<string[]> {
  return db.kind === 'pglite' ? analyzeGrown(db, AFTER_RUN) : [];
}

/**
 * For one import run: call with the partners it has created so far after each page. Now and then (after 500, 1,000,
 * 2,000, … created) `partner` is analyzed if it has doubled since its statistics; returns the tables analyzed.
 */
export function partnerGrowthWatch(db: Db): (created: number) => Promise<string[]> {
  let next = FIRST_CHECK;
  return async (created) => {
    if (created < next) return [];
    next = created * CHECK_GROWTH;
    return analyzeGrown(db, DURING_RUN);
  };
}

async function analyzeGrown(db: Db, refresh: Refresh): Promise<string[]> {
  const { rows } = await db.query<{ name: string; pages: unknown }>(
    `select t.name, pg_relation_size(c.oid) / current_setting('block_size')::int as pages
     from unnest($1::text[]) as t(name) join pg_class c on c.oid = t.name::regclass
     where c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * $2::float8`,
    [refresh.tables, refresh.growth],
  );
  const stale = rows.filter((row) => Number(row.pages) >= refresh.minPages).map((row) => row.name);
  if (stale.length) await db.query(`analyze ${stale.join(', ')}`);
  return stale;
}
