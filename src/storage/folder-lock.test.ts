import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHolder } from '../../test/support/test-lock-holder.ts';
import { isProcessAlive, LOCK_FILE, lockFolder } from './folder-lock.ts';

let folder = '';
let lockFile = '';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-lock-'));
  lockFile = join(folder, LOCK_FILE);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  expect(isProcessAlive(pid!)).toBe(false);
  return pid!;
}

describe('folder lock', () => {
  it('holds a lock file with our pid until released', async () => {
    const lock = await lockFolder(folder);
    expect(await readFile(lockFile, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
    (await lockFolder(folder)).release();
  });

  it('refuses a second lock in the same process', async () => {
    const lock = await lockFolder(folder);
    await expect(lockFolder(folder)).rejects.toMatchObject({ code: 'DB_IN_USE' });
    lock.release();
  });

  it('refuses a folder locked by another live process, naming it', async () => {
    const holder = await startHolder('lock', folder, 30_000);
    try {
      expect(holder.line).toBe(`held ${holder.child.pid}`);
      await expect(lockFolder(folder)).rejects.toMatchObject({
        code: 'DB_IN_USE',
        kind: 'config',
        message: `The database folder ${folder} is in use by another Kontor process (pid ${holder.child.pid}). Stop it, or point this command at a PostgreSQL server with --db postgres://...`,
      });
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    // killed without cleanup: its lock is stale now and is taken over
    expect(await readFile(lockFile, 'utf8')).toBe(`${holder.child.pid}\n`);
    const lock = await lockFolder(folder);
    expect(await readFile(lockFile, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });

  it('takes over a stale lock of a dead process, and one with unreadable content', async () => {
    await writeFile(lockFile, `${deadPid()}\n`);
    (await lockFolder(folder)).release();
    await writeFile(lockFile, '');
    (await lockFolder(folder)).release();
  });

  it('is released when the holding process exits normally', async () => {
    const holder = await startHolder('lock', folder, 0);
    expect(holder.line).toMatch(/^held /);
    expect(await holder.exited).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('lets exactly one of several processes take over a stale lock at once', async () => {
    await writeFile(lockFile, `${deadPid()}\n`);
    const holders = await Promise.all([1, 2, 3, 4].map(() => startHolder('lock', folder, 1_500)));
    const lines = holders.map((h) => h.line);
    expect(lines.filter((line) => line.startsWith('held'))).toHaveLength(1);
    expect(lines.filter((line) => line === 'refused DB_IN_USE')).toHaveLength(3);
    await Promise.all(holders.map((h) => h.exited));
  });
});

describe('folder lock within one process', () => {
  it('grants one of several concurrent calls, also when taking over a stale lock', async () => {
    for (const stale of [false, true]) {
      if (stale) await writeFile(lockFile, `${deadPid()}\n`);
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => lockFolder(folder)));
      const granted = results.filter((r) => r.status === 'fulfilled');
      expect(granted).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason.code)).toEqual([
        'DB_IN_USE',
        'DB_IN_USE',
        'DB_IN_USE',
        'DB_IN_USE',
      ]);
      (granted[0] as PromiseFulfilledResult<{ release(): void }>).value.release();
    }
  });
});
