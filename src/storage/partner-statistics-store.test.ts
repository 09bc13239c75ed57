import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { partnerGrowthWatch, refreshPartnerStatistics } from './partner-statistics-store.ts';

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

describeEachDb('Partner statistics during an import', (getDb) => {
  it('analyzes partner after 500, 1,000, 2,000 … created partners when the table has doubled since', async () => {
    const db = getDb();
    const insert = (from: number, to: number) =>
      db.query(
        `insert into partner (number, partner_type, status, name, email)
         select (400000 + i)::text, 'B2C', 'Released', 'Person ' || md5(i::text), 'user' || i || '@example.com'
         from generate_series($1::int, $2::int) i`,
        [from, to],
      );
    const tuples = async () =>
      Number(
        (
          await db.query<{ n: unknown }>(
            "select reltuples as n from pg_class where oid = 'partner'::regclass",
          )
        ).rows[0]?.n,
      );
    const watch = partnerGrowthWatch(db);
    await insert(1, 400);
    expect(await watch(400)).toEqual([]); // not yet due
    await insert(401, 600);
    expect(await watch(600)).toEqual(['partner']);
    expect(await tuples()).toBe(600);
    await insert(601, 1600);
    expect(await watch(1199)).toEqual([]); // the next check is due at twice 600 created
    expect(await watch(1600)).toEqual(['partner']);
    expect(await tuples()).toBe(1600);
    await insert(1601, 2000);
    expect(await watch(3200)).toEqual([]); // due, but 2,000 partners are not twice 1,600
    expect(await tuples()).toBe(1600);
  });
});
