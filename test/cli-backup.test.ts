/**
 * `kontor backup` and `kontor restore` of a PGlite folder: a restored backup has every partner, channel and
 * job; a backup taken while `kontor serve` runs on the folder is taken by that process and is as complete.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { kontor } from './support/cli-runner.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function json(db: string, ...args: string[]): Promise<unknown> {
  const result = await kontor(db, ...args, '--json');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

/** Everything a restore must bring back, as the CLI lists it. */
async function contents(db: string) {
  return {
    partners: await json(db, 'partners', 'list'),
    channels: await json(db, 'channel', 'list'),
    jobs: await json(db, 'jobs', 'list'),
    users: await json(db, 'user', 'list'),
  };
}

describe('kontor backup and restore (PGlite)', () => {
  let sim: MagentoSimulator;
  let folder: string;
  let db: string;
  let before: Awaited<ReturnType<typeof contents>>;

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 25, seed: 5, brokenShare: 0 });
    folder = await mkdtemp(join(tmpdir(), 'kontor-backup-'));
    db = join(folder, 'db');
    const steps = [
      ['user', 'add', 'anna'],
      ['channel', 'add', 'shop', '--adapter', 'magento', '--type', 'b2c', '--url', sim.url, '--setting'],
      ['channel', 'add', 'outlet', '--adapter', 'magento', '--type', 'b2b', '--url', sim.url, '--setting'],
      ['import-customers', '--channel', 'shop', '--user', 'anna', '--confirm-all-warnings', '--wait'],
      ['import-customers', '--channel', 'shop', '--user', 'anna', '--no-release', '--job-name', 'later'],
      ['import-customers', '--channel', 'outlet', '--user', 'anna', '--start', 'external'],
    ];
    steps[1]!.push(`token=${sim.token}`);
    steps[2]!.push(`token=${sim.token}`);
    for (const step of steps) expect(await kontor(db, ...step)).toMatchObject({ code: 0, stderr: '' });
    before = await contents(db);
    expect(before.partners).toHaveLength(25);
    expect(before.jobs).toHaveLength(3);
  }, 120_000);
  afterAll(async () => {
    await sim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('restores every partner, channel, job and user; the backup file is private', async () => {
    const file = join(folder, 'kontor.tar.gz');
    const backup = await kontor(db, 'backup', file);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/^Backup of .*db written to .*kontor\.tar\.gz, [\d.]+ MiB\.\n$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const restored = join(folder, 'restored');
    const restore = await kontor(restored, 'restore', file);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toContain(`into ${restored} (schema version`);
    expect(await contents(restored)).toEqual(before);
    // The channel's sealed secret came along and still opens: the channel test reaches the shop.
    expect(await kontor(restored, 'channel', 'test', 'shop')).toMatchObject({ code: 0 });
  });

  it('takes the backup through the running kontor serve, which keeps running', async () => {
    const child: ChildProcess = spawn('node', ['bin/kontor.js', '--db', db, 'serve', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    try {
      for (let i = 0; i < 600 && !output.includes('Kontor is running at'); i++) {
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain('Kontor is running at');
      // The folder is the server's: another process cannot open it ...
      expect((await kontor(db, 'channel', 'list')).stderr).toContain('is in use by another Kontor process');
      // ... but a backup is taken by the server, which answers on a socket only its user may use.
      expect((await stat(`${db}.sock`)).mode & 0o777).toBe(0o600);
      const file = join(folder, 'while-serving.tar.gz');
      const backup = await kontor(db, 'backup', file);
      expect(backup).toMatchObject({ code: 0, stderr: '' });
      expect(backup.stdout).toContain(`(taken by the running Kontor process ${child.pid})`);
      const url = /running at (http:\/\/[\d.:]+)/.exec(output)?.[1];
      expect((await fetch(`${url}/api/health`)).status).toBe(200);

      // Restored while the server still runs: the backup holds no lock of the running server.
      const restored = join(folder, 'restored-while-serving');
      expect(await kontor(restored, 'restore', file)).toMatchObject({ code: 0, stderr: '' });
      expect(await contents(restored)).toEqual(before);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 120_000);

  it('refuses a restore over a folder with data, a file that is no backup, and PostgreSQL (naming pg_dump)', async () => {
    const file = join(folder, 'kontor.tar.gz');
    const over = await kontor(db, 'restore', file);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain(`kontor: The folder ${db} is not empty: restore into a new folder`);

    const junk = join(folder, 'junk.tar.gz');
    await writeFile(junk, 'not a backup');
    const empty = join(folder, 'empty');
    await mkdir(empty);
    expect(await kontor(empty, 'restore', junk)).toMatchObject({
      code: 2,
      stderr: `kontor: ${junk} is not a Kontor backup (made by kontor backup of a PGlite folder).\n`,
    });

    const pg = await kontor('postgres://kontor@127.0.0.1:5432/kontor', 'backup', join(folder, 'pg.dump'));
    expect(pg.code).toBe(2);
    expect(pg.stderr).toContain('pg_dump --format=custom');
    const none = await kontor(join(folder, 'no-such-db'), 'backup', join(folder, 'none.tar.gz'));
    expect(none).toMatchObject({ code: 2 });
    expect(none.stderr).toContain('holds no Kontor database');
  });
});
