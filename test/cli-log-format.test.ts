/**
 * `kontor serve --log-format json` as a process: stdout holds only JSON lines (start, requests with reqId,
 * stop), the first administrator's one-time password goes to stderr as text and never into the JSON log,
 * and GET /metrics answers on loopback.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleValue } from './support/prometheus-text.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-log-format-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('kontor serve --log-format json: JSON lines on stdout, the one-time password only on stderr', async () => {
  const child = spawn(
    'node',
    [
      'bin/kontor.js',
      '--db',
      join(folder, 'db'),
      'serve',
      '--port',
      '0',
      '--app-server',
      'web-j',
      '--log-format',
      'json',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KONTOR_LOG_FORMAT: '' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  let password: string | undefined;
  try {
    const deadline = Date.now() + 45_000;
    while (!stderr.includes('One-time password') && Date.now() < deadline && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 100));
    password = /One-time password:\s+(\S+)/.exec(stderr)?.[1];
    expect(password, stderr).toBeDefined();
    const started = lines().find((line) => typeof line.url === 'string' && line.appServer === 'web-j');
    expect(started, stdout).toMatchObject({
      level: 'info',
      msg: expect.stringContaining('Kontor is running at'),
    });
    const url = started?.url as string;

    const health = await fetch(`${url}/api/health`, { headers: { 'x-request-id': 'not-trusted-1' } });
    expect(health.status).toBe(200);
    const reqId = health.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/); // no --trust-proxy: the caller's id is not taken
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(sampleValue(await metrics.text(), 'kontor_app_server_up', { server: 'web-j' })).toBe(1);
    for (let i = 0; i < 50 && !stdout.includes('/metrics'); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines().find((line) => line.url === '/api/health')).toMatchObject({
      event: 'request',
      reqId,
      status: 200,
      user: null,
    });
    expect(lines().find((line) => line.event === 'first-administrator')).toMatchObject({ user: 'admin' });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(lines().at(-1)).toMatchObject({ msg: 'Kontor stopped.' });
  expect(stdout).not.toContain(password!);
  expect(stderr.split(password!)).toHaveLength(2);
}, 90_000);

it('kontor worker with KONTOR_LOG_FORMAT=json: its start and stop are JSON lines with appServer', async () => {
  const child = spawn(
    'node',
    ['bin/kontor.js', '--db', join(folder, 'worker-db'), 'worker', '--app-server', 'w-json'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KONTOR_LOG_FORMAT: 'json' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 45_000;
    while (!stdout.includes('running on') && Date.now() < deadline && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited, stderr).toBe(0);
  const lines = stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({
    level: 'info',
    appServer: 'w-json',
    msg: expect.stringContaining('running on'),
  });
  expect(lines.at(-1)).toMatchObject({ appServer: 'w-json', msg: 'Application server "w-json" stopped.' });
  expect(stderr).toBe('');
}, 90_000);
