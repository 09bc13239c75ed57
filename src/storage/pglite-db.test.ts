import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHolder } from '../../test/support/test-lock-holder.ts';
import { LOCK_FILE } from './folder-lock.ts';
import { openPgliteDb } from './pglite-db.ts';

let root = '';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kontor-pglite-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('PGlite in a folder', () => {
  it('creates the folder, keeps the data, and holds the folder lock while open', async () => {
    const folder = join(root, 'nested', 'db');
    const db = await openPgliteDb(folder);
    expect(db.location).toBe(folder);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);
    await expect(openPgliteDb(folder)).rejects.toMatchObject({ code: 'DB_IN_USE' });
    await db.exec('CREATE TABLE note (text text); INSERT INTO note VALUES ($$kept$$);');
    await db.close();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);

    const again = await openPgliteDb(folder);
    expect((await again.query('SELECT text FROM note')).rows).toEqual([{ text: 'kept' }]);
    await again.close();
  });

  it('keeps the folder to its owner: 0700, no file writable by group or others (PGlite makes them 0666)', async () => {
    const folder = join(root, 'db');
    const db = await openPgliteDb(folder);
    await db.close();
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    for (const name of ['PG_VERSION', 'postgresql.conf', 'pg_hba.conf']) {
      expect((await stat(join(folder, name))).mode & 0o077, name).toBe(0);
    }
    for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
      const mode = (await stat(join(entry.parentPath, entry.name))).mode;
      expect(mode & 0o022, entry.name).toBe(0);
    }
  });

  it('opens small for a short command: a 4 MB buffer pool instead of the default 128 MB', async () => {
    const folder = join(root, 'db');
    const usual = await openPgliteDb(folder);
    expect((await usual.query('SHOW shared_buffers')).rows).toEqual([{ shared_buffers: '128MB' }]);
    await usual.close();
    const small = await openPgliteDb(folder, { small: true });
    expect((await small.query('SHOW shared_buffers')).rows).toEqual([{ shared_buffers: '4MB' }]);
    await small.close();
  });

  it('refuses a folder that another process has open, and takes it over once that process is killed', async () => {
    const folder = join(root, 'db');
    const holder = await startHolder('open', folder, 60_000);
    try {
      expect(holder.line).toBe(`held ${holder.child.pid}`);
      await expect(openPgliteDb(folder)).rejects.toMatchObject({
        code: 'DB_IN_USE',
        message: expect.stringContaining(`is in use by another Kontor process (pid ${holder.child.pid})`),
      });
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    const db = await openPgliteDb(folder);
    expect((await db.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    await db.close();
  });

  it('refuses a folder that holds other things, and a file', async () => {
    const folder = join(root, 'src');
    await mkdir(folder);
    await writeFile(join(folder, 'main.ts'), '');
    await expect(openPgliteDb(folder)).rejects.toMatchObject({ code: 'DB_NOT_A_DATABASE', kind: 'config' });
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    await expect(openPgliteDb(join(folder, 'main.ts'))).rejects.toMatchObject({ code: 'DB_NOT_A_FOLDER' });
  });
});

describe('PGlite in memory', () => {
  it('serialises callers: a query issued during a transaction runs after it, never inside it', async () => {
    const db = await openPgliteDb(null);
    try {
      await db.exec('CREATE TABLE log (n int)');
      const events: string[] = [];
      const transaction = db.transaction(async (tx) => {
        await tx.query('INSERT INTO log VALUES (1)');
        events.push('tx: inserted');
        await sleep(50);
        events.push('tx: done');
        throw new Error('roll back');
      });
      await sleep(10);
      const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM log').then((result) => {
        events.push('outside: answered');
        return result.rows[0]!.n;
      });
      await expect(transaction).rejects.toThrow('roll back');
      expect(await outside).toBe(0);
      expect(events).toEqual(['tx: inserted', 'tx: done', 'outside: answered']);
    } finally {
      await db.close();
    }
  });

  it('creates WAL segments without filling them with zeros; a folder keeps the default', async () => {
    const memory = await openPgliteDb(null);
    expect((await memory.query('SHOW wal_init_zero')).rows).toEqual([{ wal_init_zero: 'off' }]);
    await memory.close();
    const folder = await openPgliteDb(join(root, 'db'));
    expect((await folder.query('SHOW wal_init_zero')).rows).toEqual([{ wal_init_zero: 'on' }]);
    expect((await folder.query('SHOW synchronous_commit')).rows).toEqual([{ synchronous_commit: 'on' }]);
    await folder.close();
  });

  it('dumps its data directory and loads it into a new instance', async () => {
    const db = await openPgliteDb(null);
    await db.exec(
      `CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (m mood[]); INSERT INTO t VALUES ('{ok}');`,
    );
    expect((await db.query('SELECT m FROM t')).rows).toEqual([{ m: ['ok'] }]);
    const dump = await db.dumpDataDir();
    await db.close();
    const copy = await openPgliteDb(null, { loadDataDir: dump });
    expect((await copy.query('SELECT m FROM t')).rows).toEqual([{ m: ['ok'] }]);
    await copy.close();
  });
});
