/** PUT /api/auth/language: one's own web UI language, kept per user and returned with the session's user. */
import { expect, it } from 'vitest';
import { testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: web UI language', (getDb) => {
  it('stores the language per user, returns it from /api/auth/me and goes back to the browser with null', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const bob = await api.as('bob');
    expect((await alice.get('/api/auth/me')).json()).toMatchObject({ user: { uiLanguage: null } });

    const set = await alice.put('/api/auth/language', { language: 'pl' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ user: { name: 'alice', uiLanguage: 'pl' } });
    expect((await alice.get('/api/auth/me')).json()).toMatchObject({ user: { uiLanguage: 'pl' } });
    // Another user's choice is their own.
    expect((await bob.get('/api/auth/me')).json()).toMatchObject({ user: { uiLanguage: null } });
    // A new session (another browser) starts in the chosen language.
    const again = await api.as('alice');
    expect((await again.get('/api/auth/me')).json()).toMatchObject({ user: { uiLanguage: 'pl' } });

    await alice.put('/api/auth/language', { language: 'de' });
    expect((await alice.get('/api/auth/me')).json()).toMatchObject({ user: { uiLanguage: 'de' } });
    const back = await alice.put('/api/auth/language', { language: null });
    expect(back.json()).toMatchObject({ user: { uiLanguage: null } });
  });

  it('refuses a language the web UI does not have, naming the ones it has', async () => {
    const api = testApi(getDb());
    await api.addUser('alice');
    const alice = await api.as('alice');
    const wrong = await alice.put('/api/auth/language', { language: 'fr' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'language' });
    expect(wrong.json().message).toContain('en, de, pl');
    expect((await alice.get('/api/auth/me')).json()).toMatchObject({ user: { uiLanguage: null } });
    expect((await api.anonymous().put('/api/auth/language', { language: 'de' })).statusCode).toBe(401);
  });
});
