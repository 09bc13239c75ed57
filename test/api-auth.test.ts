/** /api/auth: login, sessions (cookie, expiry, logout), the login throttle, passwords, the CSRF header. */
import { afterEach, expect, it, vi } from 'vitest';
import { PasswordHasher } from '../src/users/password-hasher.ts';
import { hashSessionId } from '../src/users/session-service.ts';
import { client, PASSWORD, sessionCookie, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const HOUR = 3600_000;

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

  it('throttles a name after 5 failures in 5 minutes (known or not), then lets it in again', async () => {
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
    api.clock.advance(5 * 60_000 + 1);
    expect((await anon.post('/api/auth/login', { name: 'alice', password: PASSWORD })).statusCode).toBe(200);
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
