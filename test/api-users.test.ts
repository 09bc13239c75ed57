/** /api/users: everybody lists, administrators create and change; nobody locks themselves out. */
import { expect, it } from 'vitest';
import { testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: users', (getDb) => {
  it('lists users for any logged-in user, never with a password hash', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    const bob = await api.as('bob');
    const list = await bob.get('/api/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((u: { name: string }) => u.name)).toEqual(['alice', 'bob']);
    expect(Object.keys(list.json()[0]).sort()).toEqual(
      [
        'createdAt',
        'disabled',
        'displayName',
        'lastLoginAt',
        'mustChangePassword',
        'name',
        'role',
        'uiLanguage',
      ].sort(),
    );
    expect(list.body).not.toMatch(/argon2|hash/i);
  });

  it('lets an administrator create a user, who must change the password; refuses a user', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const created = await alice.post('/api/users', {
      name: 'dora',
      displayName: 'Dora D.',
      role: 'user',
      password: 'first password',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'dora', displayName: 'Dora D.', mustChangePassword: true });
    expect((await (await api.as('dora', 'first password')).get('/api/jobs')).statusCode).toBe(403);

    const bob = await api.as('bob');
    const refused = await bob.post('/api/users', {
      name: 'eve',
      role: 'administrator',
      password: 'first password',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await bob.patch('/api/users/bob', { role: 'administrator' })).statusCode).toBe(403);
  });

  it('refuses taken names (in any case) with 409 and invalid input with 400 naming the field', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    const taken = await alice.post('/api/users', { name: 'ALICE', role: 'user', password: 'first password' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'NAME_TAKEN' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'no spaces', role: 'user', password: 'first password' }, 'name'],
      [{ name: 'eve', role: 'boss', password: 'first password' }, 'role'],
      [{ name: 'eve', role: 'user', password: 'short' }, 'password'],
      [{ name: 'eve', role: 'user' }, 'password'],
      [{ name: 'eve1234567', role: 'user', password: 'EVE1234567' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const response = await alice.post('/api/users', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });

  it('changes users; a new password or disabling ends their sessions; no admin demotes or disables themselves', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const bob = await api.as('bob');

    const renamed = await alice.patch('/api/users/bob', { displayName: 'Robert', role: 'administrator' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'bob', displayName: 'Robert', role: 'administrator' });
    expect((await bob.get('/api/auth/me')).json()).toMatchObject({ user: { role: 'administrator' } });

    const reset = await alice.patch('/api/users/bob', { password: 'given by alice' });
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    expect((await bob.get('/api/auth/me')).statusCode).toBe(401);
    await api.as('bob', 'given by alice');

    expect((await alice.patch('/api/users/bob', { disabled: true })).json()).toMatchObject({
      disabled: true,
    });
    await expect(api.as('bob', 'given by alice')).rejects.toThrow('401');

    const demote = await alice.patch('/api/users/alice', { role: 'user' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'role' });
    const disable = await alice.patch('/api/users/alice', { disabled: true });
    expect(disable.json()).toMatchObject({ field: 'disabled' });
    expect((await alice.patch('/api/users/nobody', { displayName: 'x' })).statusCode).toBe(404);
    expect((await alice.patch('/api/users/bob', { password: 'short' })).json()).toMatchObject({
      field: 'password',
    });
  });
});
