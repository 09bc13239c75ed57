import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBackends, describeEachDb, TEST_PG_URL } from '../../test/support/test-databases.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-postgres-template.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { readMigrations } from './migration-files.ts';
import { openPostgresDb } from './postgres-db.ts';

const emptyFolder = await mkdtemp(join(tmpdir(), 'kontor-migrations-empty-'));
let folder = '';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-migrations-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, sql] of Object.entries(files)) await writeFile(join(folder, name), sql);
}

const FIRST = {
  '0001_things.sql': 'CREATE TABLE thing (id int PRIMARY KEY);\nCREATE TABLE applied (n int);',
  '0002_more.sql': 'ALTER TABLE thing ADD COLUMN name text;\nINSERT INTO applied VALUES (2);',
};

async function tables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

describe('migration files', () => {
  it('reads NNNN_name.sql files in numeric order and ignores other files', async () => {
    await write({ '0010_late.sql': 'SELECT 1', '0002_early.sql': 'SELECT 2', 'README.md': '#' });
    const migrations = await readMigrations(folder);
    expect(migrations.map((m) => [m.version, m.name])).toEqual([
      [2, 'early'],
      [10, 'late'],
    ]);
  });

  it('refuses badly named and duplicate numbers', async () => {
    await write({ 'init.sql': '' });
    await expect(readMigrations(folder)).rejects.toMatchObject({ code: 'MIGRATION_NAME_INVALID' });
    await rm(join(folder, 'init.sql'));
    await write({ '0001_a.sql': '', '001_b.sql': '' });
    await expect(readMigrations(folder)).rejects.toMatchObject({ code: 'MIGRATION_DUPLICATE' });
  });
});

// Every database starts with no migrations applied (an empty migrations folder).
describeEachDb(
  'migrate',
  (getDb) => {
    it('applies pending migrations in order, once', async () => {
      const db = getDb();
      await write(FIRST);
      const first = await migrate(db, { folder });
      expect(first.applied.map((m) => m.version)).toEqual([1, 2]);
      expect(first.version).toBe(2);
      const again = await migrate(db, { folder });
      expect(again).toEqual({ applied: [], version: 2 });

      await write({ '0003_last.sql': 'INSERT INTO applied VALUES (3);' });
      expect((await migrate(db, { folder })).applied.map((m) => m.name)).toEqual(['last']);
      expect((await db.query('SELECT n FROM applied ORDER BY n')).rows).toEqual([{ n: 2 }, { n: 3 }]);
      const recorded = await db.query<{ version: number; name: string; applied_at: Date }>(
        'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
      );
      expect(recorded.rows.map((r) => [r.version, r.name])).toEqual([
        [1, 'things'],
        [2, 'more'],
        [3, 'last'],
      ]);
      expect(recorded.rows[0]?.applied_at).toBeInstanceOf(Date);
    });

    it('checks an up-to-date database without a transaction or a lock, and still applies a new migration', async () => {
      const db = getDb();
      await write(FIRST);
      await migrate(db, { folder });
      const statements: string[] = [];
      let transactions = 0;
      const watched: Db = Object.assign(Object.create(db) as Db, {
        query: (sql: string, params?: readonly unknown[]) => {
          statements.push(sql);
          return db.query(sql, params);
        },
        transaction: <T>(fn: Parameters<Db['transaction']>[0]) => {
          transactions++;
          return db.transaction(fn) as Promise<T>;
        },
      });
      expect(await migrate(watched, { folder })).toEqual({ applied: [], version: 2 });
      expect(transactions).toBe(0);
      expect(statements.join('\n')).not.toMatch(/advisory|CREATE/i);

      await write({ '0003_last.sql': 'INSERT INTO applied VALUES (3);' });
      expect((await migrate(watched, { folder })).applied.map((m) => m.version)).toEqual([3]);
      expect(transactions).toBeGreaterThan(0);
    });

    it('rolls back a failing migration completely and names its file', async () => {
      const db = getDb();
      await write({
        ...FIRST,
        '0003_broken.sql': 'CREATE TABLE half (a int);\nSELECT no_such_column FROM thing;',
      });
      await expect(migrate(db, { folder })).rejects.toMatchObject({
        code: 'MIGRATION_FAILED',
        message: expect.stringContaining('0003_broken.sql'),
      });
      expect(await tables(db)).toEqual(['applied', 'schema_migrations', 'thing']);
      expect((await db.query('SELECT max(version) AS v FROM schema_migrations')).rows[0]).toEqual({ v: 2 });
    });

    it('refuses a database migrated by a newer or different build', async () => {
      const db = getDb();
      await write(FIRST);
      await migrate(db, { folder });
      await rm(join(folder, '0002_more.sql'));
      await expect(migrate(db, { folder })).rejects.toMatchObject({
        code: 'DB_SCHEMA_TOO_NEW',
        kind: 'config',
      });
      await write({ '0002_other.sql': 'SELECT 1' });
      await expect(migrate(db, { folder })).rejects.toMatchObject({
        code: 'DB_SCHEMA_MISMATCH',
        kind: 'config',
      });
    });
  },
  { migrationsFolder: emptyFolder },
);

const postgres = databaseBackends().find((b) => b.name === 'postgres')!;

describe.skipIf(!postgres.available)(
  `migrate: two processes at once on one PostgreSQL${postgres.available ? '' : ` (skipped: ${postgres.skipReason})`}`,
  () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await createTestDatabase(TEST_PG_URL, 'template0');
    });
    afterEach(async () => {
      await database.drop();
    });

    it('applies each migration exactly once and neither runner fails', async () => {
      await write({
        ...FIRST,
        '0003_slow.sql': 'SELECT pg_sleep(0.2);\nINSERT INTO applied VALUES (3);',
        '0004_enum.sql': `CREATE TYPE colour AS ENUM ('red');\nINSERT INTO applied VALUES (4);`,
      });
      const runners = await Promise.all(
        [1, 2, 3].map(() => openPostgresDb(database.url, { max: 2, allowExitOnIdle: true })),
      );
      try {
        const results = await Promise.all(runners.map((db) => migrate(db, { folder })));
        const appliedBy = results.flatMap((r) => r.applied.map((m) => m.version)).sort();
        expect(appliedBy).toEqual([1, 2, 3, 4]);
        expect(results.every((r) => r.version === 4)).toBe(true);
        expect((await runners[0]!.query('SELECT n FROM applied ORDER BY n')).rows).toEqual([
          { n: 2 },
          { n: 3 },
          { n: 4 },
        ]);
      } finally {
        await Promise.all(runners.map((db) => db.close()));
      }
    });
  },
);
