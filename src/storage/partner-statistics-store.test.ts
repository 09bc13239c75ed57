import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { refreshPartnerStatistics } from './partner-statistics-store.ts';

describeEachDb('Partner statistics', (getDb) => {
  it('analyzes grown partner tables on PGlite once, and leaves PostgreSQL to its autovacuum', async () => {
    const db = getDb();
    await db.query(
      `insert into partner (number, partner_type, status, name, email)
       select (300000 + i)::text, 'B2C', 'Released', 'Person ' || md5(i::text), 'user' || i || '@example.com'
       from generate_series(1, 6000) i`,
    );
    const tuples = async () =>
      Number(
        (
          await db.query<{ n: unknown }>(
            "select reltuples as n from pg_class where oid = 'partner'::regclass",
          )
        ).rows[0]?.n,
      );
    if (db.kind === 'postgres') {
      expect(await refreshPartnerStatistics(db)).toEqual([]);
      return;
    }
    expect(await tuples()).toBeLessThan(1); // never analyzed, or empty when migrated
    expect(await refreshPartnerStatistics(db)).toEqual(['partner']);
    expect(await tuples()).toBe(6000);
    expect(await refreshPartnerStatistics(db)).toEqual([]);
  });
});
