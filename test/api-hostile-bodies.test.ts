/**
 * Hostile bodies on every public route that takes one (from the API's own OpenAPI document, so a new route is
 * covered the day it is added): nesting far beyond the bound, a body beyond the size limit, NUL characters,
 * and every wrong JSON type, sent without a session and as an administrator. Each is answered with a client
 * error (or accepted as valid), never a server error, each without stalling the server (a frozen event
 * loop shows as an answer taking seconds; the bound is generous, a hang detector rather than a speed goal),
 * and the server still answers afterwards.
 */
import { expect, it } from 'vitest';
import { testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const HANG_MS = 5_000;
const DEEP = 200_000;

const BODIES: Record<string, string> = {
  'nested 200,000 levels': `{"name":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
  'objects nested 200,000 levels': `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`,
  'beyond the size limit': `{"name":"${'x'.repeat(1_100_000)}"}`,
  'a NUL in a value': '{"name":"a\\u0000b","channel":"\\u0000","application":{"channel":"\\u0000"}}',
  'a NUL in a key': '{"na\\u0000me":"x"}',
  'an array': '[1,2,3]',
  'a string': '"text"',
  'a number': '12345678901234567890',
  null: 'null',
  'operators as values': '{"name":{"$gt":""},"password":{"$ne":null},"application":[],"batch":"x"}',
  'cut-off JSON': '{"name":"x',
};

describeEachDb('HTTP API: hostile bodies on every route', (getDb) => {
  it('answers every hostile body on every route with a client error, promptly, and stays up', async () => {
    const api = testApi(getDb());
    await api.app.ready();
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    const anonymous = api.anonymous();
    const document = api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => ['post', 'put', 'patch'].includes(method))
        .map((method) => ({
          method: method as 'post' | 'put' | 'patch',
          url: path.replace(/\{[^}]+\}/g, '1'),
        })),
    );
    expect(routes.length).toBeGreaterThan(15);

    const failures: string[] = [];
    for (const { method, url } of routes) {
      for (const [name, body] of Object.entries(BODIES)) {
        for (const [who, caller] of [
          ['anonymous', anonymous],
          ['alice', alice],
        ] as const) {
          const started = performance.now();
          const response = await caller[method](url, body);
          const ms = performance.now() - started;
          if (response.statusCode >= 500 || ms > HANG_MS)
            failures.push(
              `${method.toUpperCase()} ${url} (${name}, ${who}): ${response.statusCode} in ${Math.round(ms)} ms`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    // (a hostile body on POST /api/auth/logout still logs out: a new login and a read show the server is up)
    expect((await (await api.as('alice')).get('/api/system')).statusCode).toBe(200);
  });
});
