import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, TEST_PG_URL } from '../../test/support/test-databases.ts';
import { createTestDatabase } from '../../test/support/test-postgres-template.ts';
import type { Db } from './db.ts';
import { LOCK_FILE } from './folder-lock.ts';
import { openDb, parseDbSpec } from './open-db.ts';

const migrationsFolder = fileURLToPath(new URL('../../test/support/test-migrations/', import.meta.url));
let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kontor-open-db-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function schemaVersion(db: Db): Promise<unknown> {
  return (await db.query('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v;
}

describe('parseDbSpec', () => {
  it('reads --db values', () => {
    expect(parseDbSpec(undefined)).toEqual({ kind: 'pglite', folder: './.kontor' });
    expect(parseDbSpec('  ')).toEqual({ kind: 'pglite', folder: './.kontor' });
    expect(parseDbSpec('memory:')).toEqual({ kind: 'pglite', folder: null });
    expect(parseDbSpec('data/kontor')).toEqual({ kind: 'pglite', folder: 'data/kontor' });
    expect(parseDbSpec('postgres://u:p@h/db')).toEqual({ kind: 'postgres', url: 'postgres://u:p@h/db' });
    expect(parseDbSpec('postgresql://h/db')).toEqual({ kind: 'postgres', url: 'postgresql://h/db' });
  });
});

describe('openDb', () => {
  it('opens and migrates an in-memory database', async () => {
    const db = await openDb('memory:', { migrationsFolder });
    expect(db.kind).toBe('pglite');
    expect(await schemaVersion(db)).toBe(2);
    await db.close();
  });

  it('opens and migrates a folder, and releases it when migrating fails', async () => {
    const folder = join(root, 'db');
    const db = await openDb(folder, { migrationsFolder });
    expect(db.location).toBe(folder);
    expect(await schemaVersion(db)).toBe(2);
    await db.close();

    const broken = await mkdtemp(join(root, 'migrations-'));
    await writeFile(join(broken, '0001_items.sql'), 'SELECT 1');
    await expect(openDb(folder, { migrationsFolder: broken })).rejects.toMatchObject({
      code: 'DB_SCHEMA_TOO_NEW',
    });
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  const postgres = databaseBackends().find((b) => b.name === 'postgres')!;
  it.skipIf(!postgres.available)('opens and migrates a PostgreSQL database', async () => {
    const database = await createTestDatabase(TEST_PG_URL, 'template0');
    try {
      const db = await openDb(database.url, { migrationsFolder, postgres: { allowExitOnIdle: true } });
      expect(db.kind).toBe('postgres');
      expect(await schemaVersion(db)).toBe(2);
      await db.close();
    } finally {
      await database.drop();
    }
  });
});
