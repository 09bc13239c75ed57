/** `kontor user add|list|passwd` and `kontor serve` (HTTP API + application server, first administrator, SIGTERM). */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../src/cli/app-context.ts';
import { startServe } from '../src/cli/serve-runner.ts';
import { listServers } from '../src/storage/app-server-store.ts';
import { UserService } from '../src/users/user-service.ts';
import { kontor } from './support/cli-runner.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Runs bin/kontor.js with `input` on standard input; resolves with exit code and output. */
function kontorProcess(args: string[], input: string) {
  const child = spawn('node', ['bin/kontor.js', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stdin.end(input);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Listens on the port and closes again; rejects when it is taken. */
async function listenOnce(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  await new Promise((resolve) => server.close(resolve));
}

describe('kontor user and kontor serve', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kontor-serve-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('adds users with a one-time password or one from standard input, lists them, resets passwords', async () => {
    const db = join(folder, 'users');
    const added = await kontor(
      db,
      'user',
      'add',
      'alice',
      '--role',
      'administrator',
      '--display-name',
      'Alice A.',
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('User "alice" (administrator) created.');
    expect(added.stdout).toMatch(/One-time password: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\n/);
    const taken = await kontor(db, 'user', 'add', 'Alice');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('already exists');
    expect((await kontor(db, 'user', 'add', 'bad name')).code).toBe(2);

    const fromStdin = await kontorProcess(
      ['--db', db, 'user', 'add', 'bob', '--password-stdin'],
      'bobs long password\n',
    );
    expect(fromStdin.output).toContain('User "bob" (user) created.');
    expect(fromStdin.output).not.toContain('One-time password');
    expect(fromStdin.code).toBe(0);
    const short = await kontorProcess(['--db', db, 'user', 'add', 'carl', '--password-stdin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.output).toContain('at least 10 characters');

    const list = await kontor(db, 'user', 'list', '--json');
    const users = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(users).toEqual([
      expect.objectContaining({
        name: 'alice',
        displayName: 'Alice A.',
        role: 'administrator',
        mustChangePassword: true,
      }),
      expect.objectContaining({ name: 'bob', role: 'user', mustChangePassword: false }),
    ]);
    expect(list.stdout).not.toMatch(/argon2|hash/i);
    const passwd = await kontor(db, 'user', 'passwd', 'bob');
    expect(passwd.stdout).toMatch(/New one-time password of "bob": \S{19}\n/);
    expect((await kontor(db, 'user', 'passwd', 'nobody')).code).toBe(2);
  }, 60_000);

  it('stops the API and the application server when creating the first administrator fails', async () => {
    const port = await freePort();
    vi.spyOn(UserService.prototype, 'ensureFirstAdministrator').mockRejectedValue(new Error('disk full'));
    const lines: string[] = [];
    const app = new AppContext(join(folder, 'first-admin-fails'), {
      out: (text) => lines.push(text),
      err: (text) => lines.push(text),
    });
    try {
      await expect(
        startServe(app, {
          host: '127.0.0.1',
          port,
          portOption: '--port',
          appServer: 'web-2',
          timing: {},
          secureCookies: true,
          logFormat: 'pretty',
        }),
      ).rejects.toThrow('disk full');
      expect(await listServers(await app.database())).toEqual([
        expect.objectContaining({ name: 'web-2', status: 'stopped' }),
      ]);
      // The port is free again: the HTTP server was closed.
      await expect(listenOnce(port)).resolves.toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('serves: prints the URL and the first administrator once, answers /api/health, stops on SIGTERM', async () => {
    const db = join(folder, 'serve');
    const child = spawn(
      'node',
      ['bin/kontor.js', '--db', db, 'serve', '--port', '0', '--app-server', 'web-1'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 45_000;
      while (!output.includes('One-time password') && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const password = /One-time password:\s+(\S+)/.exec(output)?.[1];
      expect(url, output).toBeDefined();
      expect(output).toMatch(/User:\s+admin/);

      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({
        ok: true,
        version: expect.any(String),
      });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kontor-request': '1' },
        body: JSON.stringify({ name: 'admin', password }),
      });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({
        user: { name: 'admin', role: 'administrator', mustChangePassword: true },
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const servers = await fetch(`${url}/api/app-servers`, { headers: { cookie } });
      expect(servers.status).toBe(403); // one-time password: change it first
      // The request log: one line per request, without the password or the session cookie.
      for (let i = 0; i < 50 && !output.includes('/api/app-servers'); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output).toMatch(/ GET \/api\/health 200 \d+ms - 127\.0\.0\.1\n/);
      expect(output).toMatch(/ GET \/api\/app-servers 403 \d+ms admin 127\.0\.0\.1\n/);
      expect(output.split(password!)).toHaveLength(2); // shown once, at the first start; never logged
      expect(output).not.toContain(cookie.split('=')[1]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Kontor stopped.');
    const servers = await kontor(db, 'app-server', 'list', '--json');
    expect(JSON.parse(servers.stdout)).toEqual([
      expect.objectContaining({ name: 'web-1', status: 'stopped' }),
    ]);
  }, 90_000);
});
