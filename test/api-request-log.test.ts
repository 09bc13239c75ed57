/**
 * Operations of the HTTP API: `trustProxy` (kontor serve --trust-proxy) behind a TLS-terminating proxy, the
 * request log (one line per request, no query values, cookies or bodies) and the server log of 500s.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { loggedUrl } from '../src/api/request-log.ts';
import { JobService } from '../src/batch/job-service.ts';
import { PASSWORD, testApi } from './support/api-fixtures.ts';
import { captureLogger } from './support/capture-logger.ts';
import { describeEachDb } from './support/test-databases.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const viaProxy = {
  'x-kontor-request': '1',
  'x-forwarded-proto': 'https',
  'x-forwarded-for': '203.0.113.7',
};

it('logs the path with the names of the query parameters only', () => {
  expect(loggedUrl('/api/partners?q=secret&limit=5')).toBe('/api/partners?q=&limit=');
  expect(loggedUrl('/api/jobs?')).toBe('/api/jobs');
  expect(loggedUrl('/api/jobs')).toBe('/api/jobs');
});

describeEachDb('HTTP API: behind a proxy, request log, server log', (getDb) => {
  it('with trustProxy, X-Forwarded-Proto: https makes the cookie Secure and the client address the forwarded one', async () => {
    const { logger, lines } = captureLogger();
    const api = testApi(getDb(), { trustProxy: true, logger, requestLog: true });
    await api.addUser('alice');
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: viaProxy,
      payload: { name: 'alice', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.cookies.find((c) => c.name === 'kontor_session')!.secure).toBe(true);
    expect(lines.map((line) => line.message)).toEqual([
      expect.stringMatching(/^POST \/api\/auth\/login 200 \d+ms - 203\.0\.113\.7$/),
    ]);
    expect(lines[0]?.fields).toMatchObject({ ip: '203.0.113.7', status: 200, route: '/api/auth/login' });
  });

  it('without trustProxy, the forwarded headers are ignored (plain HTTP on loopback: no Secure)', async () => {
    const { logger, lines } = captureLogger();
    const api = testApi(getDb(), { logger, requestLog: true });
    await api.addUser('alice');
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: viaProxy,
      payload: { name: 'alice', password: PASSWORD },
    });
    expect(login.cookies.find((c) => c.name === 'kontor_session')!.secure).toBeUndefined();
    expect(lines[0]?.message).toMatch(/ 127\.0\.0\.1$/);
  });

  it('logs one line per request with the user, never query values, cookies or bodies', async () => {
    const { logger, lines } = captureLogger();
    const api = testApi(getDb(), { logger, requestLog: true });
    await api.addUser('alice');
    const alice = await api.as('alice');
    await alice.get('/api/partners?q=findme&limit=5');
    await api.anonymous().get('/api/jobs');
    expect(lines.map((line) => line.message)).toEqual([
      expect.stringMatching(/^POST \/api\/auth\/login 200 \d+ms - /),
      expect.stringMatching(/^GET \/api\/partners\?q=&limit= 200 \d+ms alice /),
      expect.stringMatching(/^GET \/api\/jobs 401 \d+ms - /),
    ]);
    const all = JSON.stringify(lines);
    for (const secret of ['findme', PASSWORD, alice.cookie!]) expect(all).not.toContain(secret);
  });

  it('answers a bug with a generic 500 and logs its detail and stack on the server only', async () => {
    const { logger, lines: errors } = captureLogger();
    const api = testApi(getDb(), { logger });
    await api.addUser('alice');
    const alice = await api.as('alice');
    vi.spyOn(JobService.prototype, 'list').mockRejectedValue(new TypeError('boom in the job list'));
    const response = await alice.get('/api/jobs?name=x');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: 'INTERNAL',
      message: 'An internal error occurred; see the server log for details.',
    });
    expect(response.body).not.toContain('boom');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      level: 'error',
      message: 'GET /api/jobs?name= -> 500: TypeError: boom in the job list',
      fields: { user: 'alice', status: 500, reqId: expect.any(String) },
    });
    expect(errors[0]?.fields.stack).toMatch(/^TypeError: boom in the job list\n\s+at /);
    expect(response.headers['x-request-id']).toBe(errors[0]?.fields.reqId);
  });
});
