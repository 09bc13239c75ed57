/**
 * Test support for every test that needs a database: each backend (PGlite, PostgreSQL server) gives every
 * caller a fresh, migrated, isolated database in well under a second.
 *
 *   describeEachDb('partner store', (getDb) => {
 *     it('...', async () => { const db = getDb(); ... });
 *   });
 *
 * PostgreSQL: KONTOR_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test) names a database the tests
 * may use to create and drop others. It is probed once when this module loads. When it cannot be reached the
 * postgres suites are skipped and say so in their title, unless KONTOR_REQUIRE_PG=1: then loading this module
 * fails. KONTOR_TEST_DB=pglite (or postgres) runs only that backend.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { BugError } from '../../src/domain/errors.ts';
import type { Db, Transaction } from '../../src/storage/db.ts';
import { oltpSearchPath } from '../../src/storage/oltp-schema.ts';
import { openPgliteDb } from '../../src/storage/pglite-db.ts';
import { openPostgresDb } from '../../src/storage/postgres-db.ts';
import { describePostgresUrl } from '../../src/storage/postgres-errors.ts';
import { pgliteTemplate } from './test-pglite-template.ts';
import { probePostgres } from './test-postgres-probe.ts';
import { createTestDatabase, postgresTemplate } from './test-postgres-template.ts';

export type BackendName = 'pglite' | 'postgres';

export interface DatabaseBackend {
  name: BackendName;
  available: boolean;
  skipReason?: string;
}

export interface TestDbOptions {
  /** Migrations to apply (default: src/storage/migrations). */
  migrationsFolder?: string;
}

export interface DescribeEachDbOptions extends TestDbOptions {
  /**
   * 'test' (default): a fresh database for every test (beforeEach/afterEach).
   * 'suite': one database for all tests of the block (beforeAll/afterAll); tests must not depend on each
   * other's data. Use it for many small read-only tests.
   */
  per?: 'test' | 'suite';
}

export const TEST_PG_URL = process.env.KONTOR_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

const pgProblem = await probePostgres(TEST_PG_URL);
if (pgProblem && process.env.KONTOR_REQUIRE_PG === '1') {
  throw new Error(
    `KONTOR_REQUIRE_PG=1 but there is no PostgreSQL at ${describePostgresUrl(TEST_PG_URL)}: ${pgProblem}`,
  );
}

/** The backends to test, with the reason when one is skipped. */
export function databaseBackends(): DatabaseBackend[] {
  const only = process.env.KONTOR_TEST_DB;
  const skippedByEnv = (name: BackendName) => (only && only !== name ? `KONTOR_TEST_DB=${only}` : undefined);
  const pgliteSkip = skippedByEnv('pglite');
  const pgHost = new URL(TEST_PG_URL).host || 'localhost';
  const postgresSkip =
    skippedByEnv('postgres') ?? (pgProblem ? `no PostgreSQL at ${pgHost}: ${pgProblem}` : undefined);
  return [
    pgliteSkip
      ? { name: 'pglite', available: false, skipReason: pgliteSkip }
      : { name: 'pglite', available: true },
    postgresSkip
      ? { name: 'postgres', available: false, skipReason: postgresSkip }
      : { name: 'postgres', available: true },
  ];
}

/**
 * A fresh, migrated database of its own; close() discards it (PostgreSQL: drops the database).
 * PGlite: loaded from a dumped, migrated data directory. PostgreSQL: CREATE DATABASE ... TEMPLATE.
 * The handle works on the OLTP database `default` (its schema first on the search_path, then public), as
 * the CLI does without --oltp; `db.withSearchPath(oltpSearchPath(name))` gives another one.
 */
export async function openTestDb(name: BackendName, options: TestDbOptions = {}): Promise<Db> {
  const db = await openBareTestDb(name, options);
  return withCleanup(db.withSearchPath(oltpSearchPath('default')), () => db.close());
}

async function openBareTestDb(name: BackendName, options: TestDbOptions): Promise<Db> {
  if (name === 'pglite') {
    return await openPgliteDb(null, { loadDataDir: await pgliteTemplate(options.migrationsFolder) });
  }
  if (pgProblem) throw new Error(`No PostgreSQL at ${describePostgresUrl(TEST_PG_URL)}: ${pgProblem}`);
  const template = await postgresTemplate(TEST_PG_URL, options.migrationsFolder);
  const database = await createTestDatabase(TEST_PG_URL, template);
  try {
    const db = await openPostgresDb(database.url, { max: 4, allowExitOnIdle: true });
    return withCleanup(db, database.drop);
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Runs `fn` once per backend, in a describe block named after it; getDb() is that block's current database. */
export function describeEachDb(
  title: string,
  fn: (getDb: () => Db) => void,
  options: DescribeEachDbOptions = {},
): void {
  describe(title, () => {
    for (const backend of databaseBackends()) {
      const label = backend.available ? backend.name : `${backend.name} (skipped: ${backend.skipReason})`;
      describe.skipIf(!backend.available)(label, () => {
        let db: Db | null = null;
        const open = async () => {
          db = await openTestDb(backend.name, options);
        };
        const close = async () => {
          const current = db;
          db = null;
          await current?.close();
        };
        if (options.per === 'suite') {
          beforeAll(open);
          afterAll(close);
        } else {
          beforeEach(open);
          afterEach(close);
        }
        fn(() => {
          if (!db) {
            throw new BugError(
              'TEST_DB_NOT_OPEN',
              `getDb() has no database here: it opens ${options.per === 'suite' ? 'in beforeAll' : 'for each test (beforeEach)'}.`,
            );
          }
          return db;
        });
      });
    }
  });
}

/** A Db whose close() also runs `cleanup` (drop the test database). */
function withCleanup(db: Db, cleanup: () => Promise<void>): Db {
  let cleaned: Promise<void> | null = null;
  return {
    kind: db.kind,
    location: db.location,
    query: <Row>(sql: string, params?: readonly unknown[]) => db.query<Row>(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) => db.transaction(fn),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    withSearchPath: (path) => db.withSearchPath(path),
    close: async () => {
      await db.close();
      cleaned ??= cleanup();
      await cleaned;
    },
  };
}
