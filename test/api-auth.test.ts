/** /api/auth: login, sessions (cookie, expiry, logout), the login throttle, passwords, the CSRF header. */
import { afterEach, expect, it, vi } from 'vitest';
import { DEFAULT_HASH_COST, hashingLimit, PasswordHasher } from '../src/users/password-hasher.ts';
import { hashSessionId } from '../src/users/session-service.ts';
import { client, PASSWORD, sessionCookie, type TestApi, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const HOUR = 3600_000;

/** A login from this address, with a known-client cookie if given. */
function loginFrom(api: TestApi, address: string, name: string, password: string, knownClient?: string) {
  return api.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    headers: { 'x-kontor-request': '1', ...(knownClient ? { cookie: `kontor_client=${knownClient}` } : {}) },
    payload: { name, password },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describeEachDb('HTTP API: login and sessions', (getDb) => {
  it('logs in with a session cookie (HttpOnly, SameSite=Strict, Path=/) that only the SHA-256 of is stored', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const response = await api.anonymous().post('/api/auth/login', { name: 'alice', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { name: 'alice', role: 'user', mustChangePassword: false },
    });
    expect(response.body).not.toContain('hash');
    const cookie = response.cookies.find((c) => c.name === 'kontor_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Plain HTTP from loopback (inject): not Secure, or the browser would not send it back.
    expect(cookie.secure).toBeUndefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await getDb().query<{ id_hash: string }>('select id_hash from user_session');
    expect(stored.rows).toEqual([{ id_hash: hashSessionId(cookie.value) }]);

    const me = await client(api.app, cookie.value).get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { name: 'alice', lastLoginAt: expect.any(String) } });
  });

  it('sets Secure on the cookie for a request from another host', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.1.2.3',
      headers: { 'x-kontor-request': '1' },
      payload: { name: 'alice', password: PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'kontor_session')!.secure).toBe(true);
  });

  it('answers LOGIN_FAILED alike for a wrong password, an unknown name and a disabled user', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    await api.addUser('bob');
    await api.users.update('alice', 'bob', { disabled: true });
    const anon = api.anonymous();
    const answers = await Promise.all([
      anon.post('/api/auth/login', { name: 'alice', password: 'wrong password' }),
      anon.post('/api/auth/login', { name: 'nobody', password: PASSWORD }),
      anon.post('/api/auth/login', { name: 'bob', password: PASSWORD }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual({ code: 'LOGIN_FAILED', message: 'Wrong user name or password.' });
      expect(sessionCookie(answer)).toBeNull();
    }
  });

  it('throttles a name at one client (address) after 5 failures in 5 minutes (known or not), then lets it in again', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const anon = api.anonymous();
    for (const name of ['alice', 'ghost']) {
      for (let i = 0; i < 5; i++)
        expect((await anon.post('/api/auth/login', { name, password: 'wrong password' })).statusCode).toBe(
          401,
        );
      const throttled = await anon.post('/api/auth/login', { name, password: PASSWORD });
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json()).toMatchObject({ code: 'LOGIN_THROTTLED' });
    }
    // Another case of the same name is the same name.
    expect((await anon.post('/api/auth/login', { name: 'ALICE', password: PASSWORD })).statusCode).toBe(429);
    // The throttle counts per name and client: at another address the name is not locked out.
    expect((await loginFrom(api, '10.0.0.2', 'alice', PASSWORD)).statusCode).toBe(200);
    expect((await anon.post('/api/auth/login', { name: 'alice', password: PASSWORD })).statusCode).toBe(429);
    api.clock.advance(5 * 60_000 + 1);
    expect((await anon.post('/api/auth/login', { name: 'alice', password: PASSWORD })).statusCode).toBe(200);
  });

  it('does not lock the administrator out everywhere: 5 wrong passwords from one address, admin logs in from another', async () => {
    const api = testApi(getDb());
    await api.addUser('admin', 'administrator');
    for (let i = 0; i < 5; i++)
      expect((await loginFrom(api, '203.0.113.9', 'admin', 'guess')).statusCode).toBe(401);
    const attacker = await loginFrom(api, '203.0.113.9', 'admin', PASSWORD);
    expect(attacker.statusCode).toBe(429);
    expect(attacker.json()).toMatchObject({ code: 'LOGIN_THROTTLED' });
    expect((await loginFrom(api, '10.0.0.7', 'admin', PASSWORD)).statusCode).toBe(200);
    // And the attacker's address stays throttled after the administrator's success elsewhere.
    expect((await loginFrom(api, '203.0.113.9', 'admin', PASSWORD)).statusCode).toBe(429);
  });

  it('slows a known client (its kontor_client cookie) down after 5 failures instead of refusing it', async () => {
    const sleeps: number[] = [];
    const api = testApi(getDb(), {
      loginSleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await api.addUser('admin', 'administrator');
    const first = await loginFrom(api, '10.0.0.7', 'admin', PASSWORD);
    const known = first.cookies.find((c) => c.name === 'kontor_client')!;
    expect(known).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(known.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Someone else at the same address (no cookie) is refused after 5 failures ...
    for (let i = 0; i < 5; i++) await loginFrom(api, '10.0.0.7', 'admin', 'guess');
    expect((await loginFrom(api, '10.0.0.7', 'admin', PASSWORD)).statusCode).toBe(429);
    // ... the known browser has a count of its own, and over the limit it waits (1, 2, 4, 8, 10, 10 s).
    for (let i = 0; i < 10; i++)
      expect((await loginFrom(api, '10.0.0.7', 'admin', 'typo', known.value)).statusCode).toBe(401);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 10_000]);
    const right = await loginFrom(api, '10.0.0.7', 'admin', PASSWORD, known.value);
    expect(right.statusCode).toBe(200);
    expect(sleeps).toHaveLength(6);
    expect(right.cookies.find((c) => c.name === 'kontor_client')?.value).toBe(known.value);
    // A cookie of another user, or a made-up one, makes no known client.
    await api.addUser('bob');
    for (let i = 0; i < 5; i++) await loginFrom(api, '10.0.0.8', 'bob', 'guess', known.value);
    expect((await loginFrom(api, '10.0.0.8', 'bob', PASSWORD, known.value)).statusCode).toBe(429);
    // Known for 30 days after the last login.
    api.clock.advance(31 * 24 * HOUR);
    for (let i = 0; i < 5; i++) await loginFrom(api, '10.0.0.7', 'admin', 'guess', known.value);
    expect((await loginFrom(api, '10.0.0.7', 'admin', PASSWORD, known.value)).statusCode).toBe(429);
  });

  it('bounds the password-hash queue: a flood of made-up names gets 503 LOGIN_BUSY at once, a known client gets in', async () => {
    // The production argon2id cost (64 MiB, t=3, p=4: about 0.1 s per verification on 2 cores).
    const api = testApi(getDb(), { hashCost: DEFAULT_HASH_COST });
    await api.addUser('admin', 'administrator');
    const known = (await loginFrom(api, '10.0.0.7', 'admin', PASSWORD)).cookies.find(
      (c) => c.name === 'kontor_client',
    )!.value;
    const refusedBefore = hashingLimit.refused;
    const flood = Array.from({ length: 300 }, (_, i) =>
      loginFrom(api, `198.51.100.${i % 250}`, `made-up-${i}`, 'whatever'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const valid = loginFrom(api, '10.0.0.7', 'admin', PASSWORD, known);
    const answers = await Promise.all(flood);
    const statuses = answers.map((answer) => answer.statusCode);
    expect(new Set(statuses)).toEqual(new Set([401, 503]));
    const busy = answers.find((answer) => answer.statusCode === 503)!;
    expect(busy.json()).toEqual({
      code: 'LOGIN_BUSY',
      message: 'The server is busy with other logins. Try again in a moment.',
    });
    expect(hashingLimit.refused - refusedBefore).toBe(statuses.filter((s) => s === 503).length);
    expect((await valid).statusCode).toBe(200);
    expect(hashingLimit.waiting).toBe(0);
  });

  it('counts parallel logins before verifying: a burst of 30 gets 5 verifies, then 429, even for the right password', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const verify = vi.spyOn(PasswordHasher.prototype, 'verify');
    const anon = api.anonymous();
    const burst = await Promise.all(
      Array.from({ length: 30 }, () =>
        anon.post('/api/auth/login', { name: 'alice', password: 'wrong password' }),
      ),
    );
    const statuses = burst.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    expect(verify).toHaveBeenCalledTimes(5);
    const right = await anon.post('/api/auth/login', { name: 'alice', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(verify).toHaveBeenCalledTimes(5);
    api.clock.advance(5 * 60_000 + 1);
    expect((await anon.post('/api/auth/login', { name: 'alice', password: PASSWORD })).statusCode).toBe(200);
  });

  it('counts parallel password changes with a wrong current password alike', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const alice = await api.as('alice');
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        alice.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'new secret 1' }),
      ),
    );
    const statuses = burst.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    const right = await alice.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'new secret 1',
    });
    expect(right.statusCode).toBe(429);
  });

  it('ends a session 12 hours after its last use, and 7 days after the login however it is used', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const idle = await api.as('alice');
    const busy = await api.as('alice');
    api.clock.advance(11 * HOUR);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(200);
    api.clock.advance(2 * HOUR);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(200);
    const expired = await idle.get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(expired.cookies.find((c) => c.name === 'kontor_session')?.value).toBe('');

    for (let hours = 13; hours < 7 * 24 - 11; hours += 11) {
      api.clock.advance(11 * HOUR);
      expect((await busy.get('/api/auth/me')).statusCode, `after ${hours + 11} h`).toBe(200);
    }
    api.clock.advance(11 * HOUR);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logs out: 204, the cookie cleared, the session gone', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const alice = await api.as('alice');
    const out = await alice.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'kontor_session')?.value).toBe('');
    expect((await alice.get('/api/auth/me')).statusCode).toBe(401);
    expect((await api.anonymous().post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('refuses state-changing requests without the X-Kontor-Request header (CSRF)', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    for (const [method, url] of [
      ['POST', '/api/auth/login'],
      ['POST', '/api/queues'],
      ['PATCH', '/api/users/alice'],
      ['PUT', '/api/channels/x'],
    ] as const) {
      const response = await api.app.inject({
        method,
        url,
        headers: { cookie: `kontor_session=${alice.cookie}` },
        payload: {},
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ code: 'CSRF_HEADER_MISSING' });
    }
    expect((await alice.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('lets a user with a one-time password do nothing but /api/auth/* until they chose a password', async () => {
    const api = testApi(getDb());
    const { oneTimePassword } = await api.users.add({ name: 'carol', role: 'user' });
    expect(oneTimePassword).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    const carol = await api.as('carol', oneTimePassword!);
    expect((await carol.get('/api/auth/me')).json()).toMatchObject({ user: { mustChangePassword: true } });
    for (const url of ['/api/jobs', '/api/users', '/api/events', '/api/system']) {
      const response = await carol.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const weak = await carol.post('/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'carol',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'newPassword' });
    const changed = await carol.post('/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'a much better one',
    });
    expect(changed.statusCode).toBe(204);
    expect((await carol.get('/api/jobs')).statusCode).toBe(200);
    expect((await api.as('carol', 'a much better one')).cookie).not.toBeNull();
  });

  it('changes the password: checks the current one and the rules, ends the other sessions', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const here = await api.as('alice');
    const there = await api.as('alice');
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'new secret 1',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'currentPassword' });
    for (const newPassword of ['short', 'ALICE', PASSWORD]) {
      const refused = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'newPassword' });
    }
    expect(
      (await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new secret 1' }))
        .statusCode,
    ).toBe(204);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await there.get('/api/auth/me')).statusCode).toBe(401);
    await expect(api.as('alice')).rejects.toThrow('401');
    expect((await api.as('alice', 'new secret 1')).cookie).not.toBeNull();
  });

  it('answers 400 with the field for login bodies that do not fit the schema', async () => {
    const api = testApi(getDb());
    const missing = await api.anonymous().post('/api/auth/login', { name: 'alice' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
    const wrongType = await api
      .anonymous()
      .post('/api/auth/login', { name: 'alice', password: { text: 'x' } });
    expect(wrongType.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
    const notJson = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-kontor-request': '1', 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
