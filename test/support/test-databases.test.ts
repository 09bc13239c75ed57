import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseBackends, describeEachDb, openTestDb, TEST_PG_URL } from './test-databases.ts';

const migrationsFolder = fileURLToPath(new URL('./test-migrations/', import.meta.url));

describe('test databases', () => {
  it('lists both backends, with a reason for a skipped one', () => {
    const backends = databaseBackends();
    expect(backends.map((b) => b.name)).toEqual(['pglite', 'postgres']);
    for (const backend of backends) expect(backend.available || Boolean(backend.skipReason)).toBe(true);
  });

  for (const backend of databaseBackends()) {
    it.skipIf(!backend.available)(`gives each caller its own migrated ${backend.name} database`, async () => {
      const [a, b] = await Promise.all([
        openTestDb(backend.name, { migrationsFolder }),
        openTestDb(backend.name, { migrationsFolder }),
      ]);
      try {
        await a!.query(`INSERT INTO item (name) VALUES ('only in a')`);
        expect((await b!.query('SELECT count(*) AS n FROM item')).rows).toEqual([{ n: '0' }]);
        expect((await b!.query('SELECT max(version) AS v FROM schema_migrations')).rows).toEqual([{ v: 2 }]);
      } finally {
        await Promise.all([a!.close(), b!.close()]);
      }
      if (backend.name === 'postgres') {
        const name = a!.location.split('/').pop();
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        await admin.end();
        expect(left.rowCount).toBe(0); // dropped on close
      }
    });
  }
});

describeEachDb(
  'describeEachDb per suite',
  (getDb) => {
    it('first test writes', async () => {
      await getDb().query(`INSERT INTO item (name) VALUES ('shared')`);
    });
    it('second test sees the same database', async () => {
      expect((await getDb().query('SELECT name FROM item')).rows).toEqual([{ name: 'shared' }]);
    });
  },
  { migrationsFolder, per: 'suite' },
);
