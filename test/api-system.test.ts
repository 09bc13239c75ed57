/**
 * System routes, the access rules of every route (401 without a session), the OpenAPI document and the web UI
 * (static files with cache headers, SPA fallback, the page shown while the UI is not built).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../src/api/server.ts';
import { AppServer } from '../src/batch/app-server.ts';
import { testApi } from './support/api-fixtures.ts';
import { FAST_TIMING, testApplications } from './support/batch-fixtures.ts';
import { testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

/** Every route of docs/api.md that needs a login, with a body where it has one. */
const PROTECTED_ROUTES: Array<[string, string]> = [
  ['GET', '/api/auth/me'],
  ['POST', '/api/auth/password'],
  ['GET', '/api/users'],
  ['POST', '/api/users'],
  ['PATCH', '/api/users/alice'],
  ['GET', '/api/system'],
  ['GET', '/api/applications'],
  ['GET', '/api/adapters'],
  ['GET', '/api/queues'],
  ['POST', '/api/queues'],
  ['PATCH', '/api/queues/default'],
  ['GET', '/api/app-servers'],
  ['GET', '/api/channels'],
  ['GET', '/api/channels/shop'],
  ['POST', '/api/channels'],
  ['PUT', '/api/channels/shop'],
  ['POST', '/api/channels/shop/test'],
  ['POST', '/api/import-customers'],
  ['POST', '/api/import-customers/preview'],
  ['POST', '/api/import-customers/preview/x/next'],
  ['DELETE', '/api/import-customers/preview/x'],
  ['GET', '/api/jobs'],
  ['GET', '/api/jobs/1'],
  ['PATCH', '/api/jobs/1'],
  ['POST', '/api/jobs/1/release'],
  ['POST', '/api/jobs/1/cancel'],
  ['POST', '/api/jobs/1/trigger'],
  ['POST', '/api/jobs/1/rerun'],
  ['GET', '/api/jobs/1/runs/1/log'],
  ['GET', '/api/jobs/1/runs/1/log.csv'],
  ['GET', '/api/home'],
  ['GET', '/api/partners'],
  ['GET', '/api/partners/P-1'],
  ['GET', '/api/partners/P-1/history'],
  ['POST', '/api/partners/P-1/release'],
  ['POST', '/api/partners/P-1/block'],
  ['GET', '/api/partners/merges'],
  ['POST', '/api/partners/merges'],
  ['GET', '/api/records'],
  ['POST', '/api/records/confirm'],
  ['POST', '/api/records/ignore'],
  ['POST', '/api/records/retry'],
  ['POST', '/api/records/link'],
  ['POST', '/api/records/create-new'],
  ['GET', '/api/import-runs/1/log'],
  ['GET', '/api/notifications/dialogs'],
  ['GET', '/api/notifications/inbox'],
  ['POST', '/api/notifications/1/acknowledge'],
  ['GET', '/api/events'],
];

describeEachDb('HTTP API: system', (getDb) => {
  it('answers /api/ready without a session: 200 with every migration, 503 saying what is missing', async () => {
    const api = testApi(getDb());
    const ready = await api.anonymous().get('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, schemaVersion: expect.any(Number), pendingMigrations: 0 });
    const newest = ready.json().schemaVersion as number;
    await getDb().query('delete from schema_migrations where version = $1', [newest]);
    // The one before (migration numbers may have gaps while branches are merged).
    const before = await getDb().query<{ v: number }>('select max(version)::int as v from schema_migrations');
    const lacking = await api.anonymous().get('/api/ready');
    expect(lacking.statusCode).toBe(503);
    expect(lacking.json()).toEqual({
      ready: false,
      schemaVersion: before.rows[0]?.v,
      pendingMigrations: 1,
      reason: 'The database lacks 1 migration(s) of this Kontor.',
    });
  });

  it('answers 401 AUTH_REQUIRED on every route but login, health and the docs without a session', async () => {
    const api = testApi(getDb());
    for (const [method, url] of PROTECTED_ROUTES) {
      const response = await api.app.inject({
        method: method as 'GET',
        url,
        headers: { 'x-kontor-request': '1' },
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json(), `${method} ${url}`).toMatchObject({ code: 'AUTH_REQUIRED' });
    }
    expect((await api.anonymous().get('/api/health')).json()).toEqual({ ok: true, version: '0.0.0-test' });
    expect((await api.anonymous().get('/api/openapi.json')).statusCode).toBe(200);
    expect((await api.anonymous().get('/api/docs')).statusCode).toBe(200);
    const unknown = await api.anonymous().get('/api/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives the Batch settings defaults, applications, adapters and application servers', async () => {
    const db = getDb();
    const api = testApi(db, { appServer: 'web-1' });
    await api.addUser('bob');
    const bob = await api.as('bob');
    const system = (await bob.get('/api/system')).json();
    expect(system).toMatchObject({
      version: '0.0.0-test',
      database: db.kind === 'postgres' ? 'postgres' : 'embedded',
      oltpDatabase: 'default',
      contentLanguage: 'en', // the default OLTP database's language
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      appServer: 'web-1',
    });
    expect(system.timeZones).toContain('Europe/Berlin');
    expect(system.languages).toContainEqual({ code: 'de', label: 'German' });

    const applications = (await bob.get('/api/applications')).json();
    expect(applications).toContainEqual(
      expect.objectContaining({ name: 'import-customers', label: 'Import customers' }),
    );
    const adapters = (await bob.get('/api/adapters')).json();
    expect(adapters.map((a: { kind: string }) => a.kind)).toEqual(testAdapters.list().map((a) => a.kind));
    expect(adapters[0].settings).toContainEqual(expect.objectContaining({ key: 'token', type: 'secret' }));

    const server = await AppServer.start({
      db,
      name: 'batch-1',
      applications: testApplications,
      timing: FAST_TIMING,
    });
    try {
      expect((await bob.get('/api/app-servers')).json()).toEqual([
        expect.objectContaining({ name: 'batch-1', status: 'running', pid: process.pid }),
      ]);
    } finally {
      await server.stop();
    }
    expect((await bob.get('/api/app-servers')).json()[0]).toMatchObject({ status: 'stopped' });
  });

  it('lists processing queues; administrators create them (409 for a taken name, 400 for a bad one)', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const bob = await api.as('bob');
    const created = await alice.post('/api/queues', { name: 'nightly', description: 'Imports at night' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'nightly',
      description: 'Imports at night',
      ready: 0,
      active: 0,
    });
    expect((await bob.get('/api/queues')).json().map((q: { name: string }) => q.name)).toEqual([
      'default',
      'nightly',
    ]);
    expect((await alice.post('/api/queues', { name: 'nightly' })).json()).toMatchObject({
      code: 'NAME_TAKEN',
    });
    expect((await alice.post('/api/queues', { name: 'nightly' })).statusCode).toBe(409);
    const bad = await alice.post('/api/queues', { name: 'no spaces' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    const forbidden = await bob.post('/api/queues', { name: 'mine' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });

    const edited = await alice.patch('/api/queues/nightly', { description: 'From 2 a.m.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'nightly', description: 'From 2 a.m.' });
    expect((await alice.patch('/api/queues/nightly', { description: null })).json()).toMatchObject({
      description: null,
    });
    const tooLong = await alice.patch('/api/queues/nightly', { description: 'x'.repeat(201) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'description' });
    expect((await alice.patch('/api/queues/nope', { description: 'x' })).statusCode).toBe(404);
    expect((await bob.patch('/api/queues/nightly', { description: 'mine' })).statusCode).toBe(403);
  });

  it('publishes an OpenAPI document of every route, with schemas that hold no password or secret', async () => {
    const api = testApi(getDb());
    const doc = (await api.anonymous().get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.0.3');
    const paths = Object.keys(doc.paths);
    for (const [method, url] of PROTECTED_ROUTES) {
      const path = url
        .replace(/\/jobs\/1\/runs\/1\//, '/jobs/{id}/runs/{runId}/')
        .replace(/\/(jobs|notifications|import-runs)\/1/, '/$1/{id}')
        .replace(/\/users\/alice/, '/users/{name}')
        .replace(/\/queues\/default/, '/queues/{name}')
        .replace(/\/channels\/shop/, '/channels/{name}')
        .replace(/\/partners\/P-1/, '/partners/{number}')
        .replace(/\/preview\/x/, '/preview/{id}');
      expect(paths, path).toContain(path);
      expect(doc.paths[path][method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
    // Every property name any response can carry: none is a password, hash, session id or channel secret.
    const names = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const properties = (value as { properties?: Record<string, unknown> }).properties;
        if (properties) for (const name of Object.keys(properties)) names.add(name);
        Object.values(value).forEach(walk);
      }
    };
    for (const item of Object.values(doc.paths) as Array<Record<string, { responses: unknown }>>)
      for (const operation of Object.values(item)) walk(operation.responses);
    expect(names).toContain('mustChangePassword');
    const leaks = [...names].filter((name) => /^(password.*|.*hash|token|.*secret|session.*)$/i.test(name));
    expect(leaks).toEqual([]);
  });
});

describe('HTTP API: the web UI', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kontor-web-'));
    await mkdir(join(folder, 'assets'));
    await writeFile(join(folder, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(folder, 'assets', 'index-4f3a9c.js'), 'console.log(1)');
    await writeFile(join(folder, 'favicon.svg'), '<svg/>');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const build = (webRoot: string | null) =>
    buildApi({
      db: { kind: 'pglite', location: 'memory', withSearchPath: () => ({}) } as never,
      adapters: testAdapters,
      applications: testApplications,
      options: { secureCookies: true, webRoot, version: 'x', appServer: null },
    });

  it('serves the built UI: hashed assets cached for a year, index.html revalidated, SPA routes fall back to it', async () => {
    const app = build(folder);
    const asset = await app.inject('/assets/index-4f3a9c.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/jobs/12', '/partners?q=x']) {
      const page = await app.inject(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<div id="root">');
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject('/favicon.svg')).headers['cache-control']).toBe('no-cache');
    const api = await app.inject('/api/unknown');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
    await app.close();
  });

  it('says how to build the UI while it is not built', async () => {
    const app = build(join(folder, 'missing'));
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('npm run build:web');
    expect((await app.inject('/jobs')).body).toContain('npm run build:web');
    await app.close();
  });
});
