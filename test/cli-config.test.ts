/**
 * The configuration file (kontor.json): found by --config, KONTOR_CONFIG or ./kontor.json; options win over
 * the environment, the environment over the file, the file over the defaults; errors name the file and key.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOptionsFrom } from '../src/cli/commands/worker.ts';
import { effectiveEnv, loadConfig } from '../src/cli/config-file.ts';
import { main } from '../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-config-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function kontor(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'kontor', ...args],
    {
      out: (text) => {
        stdout += `${text}\n`;
      },
      err: (text) => {
        stderr += `${text}\n`;
      },
    },
    { env: { KONTOR_SECRET_KEY_FILE: process.env.KONTOR_SECRET_KEY_FILE, ...env } },
  );
  return { code, stdout, stderr };
}

async function configFile(name: string, content: unknown): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function channelNames(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const result = await kontor([...args, 'channel', 'list', '--json'], env);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as Array<{ name: string }>).map((channel) => channel.name);
}

describe('kontor.json', () => {
  it('gives the database (relative to the file); KONTOR_DB overrides it, --db overrides both', async () => {
    await mkdir(join(folder, 'site'), { recursive: true });
    const file = await configFile('site/kontor.json', { database: 'data' });
    for (const [db, name] of [
      [join(folder, 'site', 'data'), 'from-file'],
      [join(folder, 'env-db'), 'from-env'],
      [join(folder, 'option-db'), 'from-option'],
    ] as const) {
      const add = await kontor(
        ['--db', db, 'channel', 'add', name, '--adapter', 'magento', '--type', 'b2c'].concat([
          '--url',
          'http://127.0.0.1:9',
          '--setting',
          'token=t',
        ]),
      );
      expect(add.stderr).toBe('');
    }
    expect(await channelNames(['--config', file])).toEqual(['from-file']);
    expect(await channelNames([], { KONTOR_CONFIG: file })).toEqual(['from-file']);
    expect(await channelNames(['--config', file], { KONTOR_DB: join(folder, 'env-db') })).toEqual([
      'from-env',
    ]);
    expect(
      await channelNames(['--config', file, '--db', join(folder, 'option-db')], {
        KONTOR_DB: join(folder, 'env-db'),
      }),
    ).toEqual(['from-option']);
  }, 180_000);

  it('is read from ./kontor.json when no file is named', async () => {
    const site = join(folder, 'cwd-site');
    await mkdir(site, { recursive: true });
    await writeFile(join(site, 'kontor.json'), JSON.stringify({ port: 0 }));
    const failed = await run('node', [join(ROOT, 'bin', 'kontor.js'), 'channel', 'list'], {
      cwd: site,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 2,
      stderr: 'kontor: kontor.json: "port" must be a number from 1 to 65535.\n',
    });
  });

  it('refuses wrong values, unknown keys, bad JSON and a missing named file, naming file and key', async () => {
    const cases: Array<[unknown, string]> = [
      [{ port: 'eighty' }, '"port" must be a number from 1 to 65535.'],
      [{ port: 70000 }, '"port" must be a number from 1 to 65535.'],
      [{ trustProxy: 'yes' }, '"trustProxy" must be true or false.'],
      [{ logFormat: 'xml' }, '"logFormat" must be one of "human", "json".'],
      [{ database: '' }, '"database" must be a non-empty string.'],
      [
        { prot: 8080 },
        'unknown key "prot" (known keys: database, oltp, host, port, trustProxy, logFormat, keyFile, user, knownUsersOnly).',
      ],
      [[1, 2], 'must hold one JSON object, e.g. { "database": "/var/lib/kontor" }.'],
      ['{ "port": 80,', 'is not valid JSON'],
    ];
    for (const [content, message] of cases) {
      const file = await configFile('bad.json', content);
      const result = await kontor(['--config', file, 'channel', 'list']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`kontor: ${file}: ${message}`);
    }
    const missing = await kontor(['--config', join(folder, 'nope.json'), 'jobs', 'list']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain(`kontor: ${join(folder, 'nope.json')}: cannot be read (no such file).`);
    // Help needs no configuration, so a broken one does not hide it.
    expect((await kontor(['--config', join(folder, 'nope.json'), '--help'])).code).toBe(0);
    expect((await kontor(['--config', join(folder, 'nope.json'), 'jobs', 'list', '--help'])).code).toBe(0);
  });

  it('sets the server port, host and proxy trust: option > environment > file > default', async () => {
    const file = await configFile('serve.json', {
      port: 9090,
      host: '0.0.0.0',
      trustProxy: true,
      keyFile: 'k',
    });
    const fromFile = effectiveEnv(loadConfig(file, {}), {});
    expect(fromFile.KONTOR_SECRET_KEY_FILE).toBe(join(folder, 'k'));
    expect(serveOptionsFrom({}, '--port', fromFile)).toMatchObject({
      port: 9090,
      host: '0.0.0.0',
      trustProxy: true,
    });
    const env = effectiveEnv(loadConfig(file, {}), { KONTOR_PORT: '7070', KONTOR_TRUST_PROXY: 'false' });
    expect(serveOptionsFrom({}, '--port', env)).toMatchObject({ port: 7070, trustProxy: false });
    expect(serveOptionsFrom({ port: '6060', trustProxy: true }, '--port', env)).toMatchObject({
      port: 6060,
      trustProxy: true,
    });
    expect(serveOptionsFrom({}, '--port', {})).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      trustProxy: false,
    });
    expect(() => serveOptionsFrom({}, '--port', { KONTOR_PORT: 'x' })).toThrow(
      'KONTOR_PORT "x" is not a port number.',
    );
  });
});
