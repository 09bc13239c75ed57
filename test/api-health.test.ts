/**
 * Liveness and readiness: GET /api/health answers while the process does and never touches the database
 * (not even for a session cookie); GET /api/ready says whether the database answers with every migration;
 * /metrics stays readable without the database and says so (kontor_database_up 0).
 */
import { expect, it } from 'vitest';
import type { Db } from '../src/storage/db.ts';
import { testApi } from './support/api-fixtures.ts';
import { sampleValue } from './support/prometheus-text.ts';
import { describeEachDb } from './support/test-databases.ts';

/** The database as seen while its server is down: every statement fails; `calls` counts the attempts. */
function unreachable(db: Db): { db: Db; calls: () => number } {
  let calls = 0;
  const fail = async () => {
    calls++;
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  };
  const down = (handle: Db): Db =>
    new Proxy(handle, {
      get(target, property) {
        if (property === 'query' || property === 'transaction' || property === 'exec') return fail;
        // A handle of an OLTP database (its search_path) is on the same unreachable server.
        if (property === 'withSearchPath')
          return (...args: Parameters<Db['withSearchPath']>) => down(target.withSearchPath(...args));
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return { db: down(db), calls: () => calls };
}

describeEachDb('GET /api/health and /api/ready', (getDb) => {
  it('health answers without the database; ready says it cannot be reached', async () => {
    const down = unreachable(getDb());
    const api = testApi(down.db);
    const health = await api.anonymous().get('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true, version: '0.0.0-test' });
    const withCookie = await api.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { cookie: `kontor_session=${'a'.repeat(43)}` },
    });
    expect(withCookie.statusCode).toBe(200);
    expect(down.calls()).toBe(0);

    const ready = await api.anonymous().get('/api/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ready: false, reason: 'The database cannot be reached.' });
    expect(down.calls()).toBeGreaterThan(0);

    const metrics = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(sampleValue(metrics.body, 'kontor_database_up')).toBe(0);
    expect(sampleValue(metrics.body, 'kontor_batch_runs', { state: 'active' })).toBeUndefined();
  });

  it('both answer 200 on a reachable, migrated database', async () => {
    const api = testApi(getDb());
    expect((await api.anonymous().get('/api/health')).statusCode).toBe(200);
    const ready = await api.anonymous().get('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true, pendingMigrations: 0 });
  });
});
