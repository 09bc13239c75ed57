/**
 * The production build and start-up of the CLI: bin/kontor.js runs the compiled dist/ only when it is fresh,
 * the compiled CLI finds its migrations, and commands load only what they need (`kontor --help` no database
 * driver, a PGlite command neither node-postgres nor Fastify nor argon2).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_STAMP, distIsFresh } from '../bin/dist-freshness.js';
import { COMMANDS, isShortCommand, selectedCommand } from '../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-build-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('dist freshness', () => {
  async function tree(name: string): Promise<string> {
    const root = join(folder, name);
    await mkdir(join(root, 'src', 'cli'), { recursive: true });
    await mkdir(join(root, 'dist'), { recursive: true });
    await writeFile(join(root, 'src', 'cli', 'main.ts'), 'export {};');
    await writeFile(join(root, 'src', 'cli', 'main.test.ts'), 'export {};');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(root, 'src', 'cli', 'main.ts'), old, old);
    await utimes(join(root, 'src', 'cli', 'main.test.ts'), old, old);
    return root;
  }

  it('is fresh only with a build stamp newer than every source file (tests do not count)', async () => {
    const root = await tree('fresh');
    expect(distIsFresh(root)).toBe(false); // never built
    await writeFile(join(root, 'dist', BUILD_STAMP), '{}');
    expect(distIsFresh(root)).toBe(true);
    const later = new Date(Date.now() + 5_000);
    await utimes(join(root, 'src', 'cli', 'main.test.ts'), later, later);
    expect(distIsFresh(root)).toBe(true);
    await writeFile(join(root, 'src', 'cli', 'new-module.ts'), 'export {};');
    await utimes(join(root, 'src', 'cli', 'new-module.ts'), later, later);
    expect(distIsFresh(root)).toBe(false); // edited after the build: bin/kontor.js runs the sources
  });

  it('bin/kontor.js refuses an unknown KONTOR_RUN with the kontor: prefix', async () => {
    const failed = await run('node', ['bin/kontor.js', '--version'], {
      cwd: ROOT,
      env: { ...process.env, KONTOR_RUN: 'fast' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: 'kontor: KONTOR_RUN "fast" must be "dist" or "tsx".\n' });
  });
});

describe('the compiled CLI', () => {
  beforeAll(async () => {
    // CI builds at `npm ci`; a developer's tree may be stale or unbuilt: build it, so this tests today's code.
    if (!distIsFresh(ROOT)) await run('node', ['bin/build-dist.js'], { cwd: ROOT });
  }, 180_000);

  async function kontor(args: string[], log: string) {
    return await run('node', ['--import', './test/support/module-log.mjs', 'bin/kontor.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, KONTOR_RUN: 'dist', KONTOR_MODULE_LOG: log },
    });
  }

  async function packagesIn(log: string): Promise<string[]> {
    const urls = (await readFile(log, 'utf8')).split('\n');
    const names = urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]);
    return [...new Set(names.filter((name): name is string => name !== undefined))].sort();
  }

  it('runs from dist/ and finds its migrations there; a PGlite command loads no other driver or server', async () => {
    const db = join(folder, 'db');
    const log = join(folder, 'channel-list.log');
    const { stdout } = await kontor(['--db', db, 'channel', 'list'], log);
    expect(stdout).toContain('No sales channels yet.');
    const urls = await readFile(log, 'utf8');
    expect(urls).toContain('/dist/cli/main.js');
    expect(urls).not.toContain('/src/cli/main.ts');
    const loaded = await packagesIn(log);
    expect(loaded).toContain('@electric-sql/pglite');
    for (const heavy of ['pg', 'fastify', '@node-rs/argon2', 'tsx', 'typebox'])
      expect(loaded).not.toContain(heavy);
  });

  it('kontor --help loads commander and no command module', async () => {
    const log = join(folder, 'help.log');
    const { stdout } = await kontor(['--help'], log);
    for (const entry of COMMANDS) expect(stdout).toContain(entry.name);
    expect(await packagesIn(log)).toEqual(['commander']);
    expect(await readFile(log, 'utf8')).not.toContain('/dist/cli/commands/');
  });
});

describe('command registration', () => {
  it('each command module registers the command its line names, with that summary', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('kontor');
      (await entry.load())(
        program,
        () => {
          throw new Error('not run');
        },
        () => undefined,
      );
      expect(program.commands.map((command) => command.name())).toEqual([entry.name]);
      expect(program.commands[0]?.description()).toBe(entry.summary);
    }
  });

  it('selects the command after the global options; servers and imports are not short commands', () => {
    expect(selectedCommand(['--db', 'x', '--config', 'k.json', 'channel', 'list'])).toBe('channel');
    expect(selectedCommand(['help', 'jobs'])).toBe('jobs');
    expect(selectedCommand(['--help'])).toBeNull();
    expect(isShortCommand(['node', 'kontor', '--db', 'x', 'jobs', 'list'])).toBe(true);
    for (const command of ['serve', 'worker', 'demo', 'import-customers', 'simulator'])
      expect(isShortCommand(['node', 'kontor', command])).toBe(false);
  });
});
