import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { prepared, preparedName } from './prepared-sql.ts';

const migrationsFolder = fileURLToPath(new URL('../../test/support/test-migrations/', import.meta.url));

const COUNT_NAMED = prepared('test-count-named', 'select count(*)::int as n from item where name like $1');

describe('prepared statements', () => {
  it('names a marked statement and nothing else', () => {
    expect(preparedName(COUNT_NAMED)).toBe('kontor-test-count-named');
    expect(preparedName('select count(*)::int as n from item where name = $1')).toBeUndefined();
  });

  it('refuses one name for two statements', () => {
    expect(() => prepared('test-count-named', 'select 2')).toThrow(/two statements/);
  });
});

describeEachDb(
  'prepared statements on the database',
  (getDb) => {
    it('give the same answers as unnamed ones, call after call, inside and outside transactions', async () => {
      const db = getDb();
      await db.query(`insert into item (name) values ('a'), ('b'), ('bb')`);
      for (let call = 0; call < 8; call += 1) {
        expect((await db.query<{ n: number }>(COUNT_NAMED, ['b%'])).rows).toEqual([{ n: 2 }]);
        const inTx = await db.transaction((tx) => tx.query<{ n: number }>(COUNT_NAMED, ['a%']));
        expect(inTx.rows).toEqual([{ n: 1 }]);
      }
    });

    it('are prepared on the PostgreSQL server under their name (PGlite runs them unnamed)', async () => {
      const db = getDb();
      const names = await db.transaction(async (tx) => {
        await tx.query(COUNT_NAMED, ['a']);
        return (await tx.query<{ name: string }>('select name from pg_prepared_statements')).rows;
      });
      expect(names.map((row) => row.name)).toEqual(db.kind === 'postgres' ? ['kontor-test-count-named'] : []);
    });
  },
  { migrationsFolder },
);
