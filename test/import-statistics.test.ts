/**
 * An import keeps the planner's statistics of `partner` fresh while it grows (storage/partner-statistics-store.ts),
 * on both databases: otherwise the foreign-key checks of its pages keep a plan made for an empty table.
 */
import { expect, it } from 'vitest';
import { measureWriteOnly } from '../bench/write-only.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('Import and planner statistics', (getDb) => {
  it('analyzes partner during a run that grows it', async () => {
    const db = getDb();
    await measureWriteOnly({ db, customers: 1200, pageSize: 100, channel: 'bench' });
    const { rows } = await db.query<{ manual: unknown; pages: unknown }>(
      `select s.analyze_count as manual, pg_relation_size('partner') / current_setting('block_size')::int as pages
       from pg_stat_user_tables s where s.relid = 'partner'::regclass`,
    );
    // Below 100 pages the end-of-run refresh (PGlite) leaves the table alone, and autovacuum is not counted here.
    expect(Number(rows[0]?.pages)).toBeLessThan(100);
    expect(Number(rows[0]?.manual)).toBeGreaterThanOrEqual(1);
  });
});
