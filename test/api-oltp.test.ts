/**
 * The OLTP database of a session: the login picks it (the form offers them all), every call works on it, one
 * call switches it; jobs filed through the API belong to it.
 */
import { expect, it } from 'vitest';
import { OltpService, oltpDb } from '../src/oltp/oltp-service.ts';
import { importBody, testApi } from './support/api-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const SHOP = { url: 'http://127.0.0.1:9', token: 'token-of-a-shop' };

describeEachDb('HTTP API: OLTP databases', (getDb) => {
  it('logs in to an OLTP database, works on it and switches with one call', async () => {
    const db = getDb();
    const oltp = new OltpService(db);
    await oltp.add('PROD');
    await oltp.add('TEST', 'de');
    await addMagentoChannel(oltpDb(db, 'PROD'), SHOP, 'prod-shop');
    await addMagentoChannel(oltpDb(db, 'TEST'), SHOP, 'test-shop');
    await addMagentoChannel(oltpDb(db, 'TEST'), SHOP, 'shop');
    const api = testApi(db);
    await api.addUser('anna');

    // The login form offers them before anyone is logged in.
    const offered = await api.anonymous().get('/api/oltp-databases');
    expect(offered.statusCode).toBe(200);
    expect(offered.json()).toEqual([
      { name: 'default', language: 'en', default: true },
      { name: 'PROD', language: 'en', default: false },
      { name: 'TEST', language: 'de', default: false },
    ]);

    const login = await api
      .anonymous()
      .post('/api/auth/login', { name: 'anna', password: 'correct horse battery', oltp: 'prod' });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'kontor_session')!.value;
    const { client } = await import('./support/api-fixtures.ts');
    const anna = client(api.app, cookie);
    const channels = async () =>
      (await anna.get('/api/channels')).json().map((c: { name: string }) => c.name);
    expect((await anna.get('/api/system')).json().oltpDatabase).toBe('PROD');
    expect(await channels()).toEqual(['prod-shop']);

    const switched = await anna.put('/api/session/oltp', { name: 'TEST' });
    expect(switched.json()).toEqual({ oltp: 'TEST' });
    expect((await anna.get('/api/system')).json().oltpDatabase).toBe('TEST');
    expect(await channels()).toEqual(['shop', 'test-shop']);

    // A job filed now belongs to TEST; naming another OLTP database is refused, naming the session's is fine.
    const filed = await anna.post('/api/import-customers', importBody());
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ oltpDatabase: 'TEST' });
    const other = await anna.post('/api/import-customers', importBody({}, { oltpDatabase: 'PROD' }));
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ field: 'batch.oltpDatabase' });

    const unknown = await anna.put('/api/session/oltp', { name: 'NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe(
      'OLTP database "NOPE" does not exist. The OLTP databases are: default, PROD, TEST.',
    );
    expect((await anna.get('/api/system')).json().oltpDatabase).toBe('TEST');

    // Without a choice the session works on the default one.
    const bob = await api.as('anna');
    expect((await bob.get('/api/system')).json().oltpDatabase).toBe('default');
    expect(await (await bob.get('/api/channels')).json()).toEqual([]);
    const refused = await api
      .anonymous()
      .post('/api/auth/login', { name: 'anna', password: 'correct horse battery', oltp: 'NOPE' });
    expect(refused.statusCode).toBe(404);
  });

  it('keeps a session whose OLTP database was removed working, on the default one', async () => {
    const db = getDb();
    await new OltpService(db).add('TEST');
    const api = testApi(db);
    await api.addUser('anna');
    const anna = await api.as('anna');
    await anna.put('/api/session/oltp', { name: 'TEST' });
    await new OltpService(db).remove('TEST');
    expect((await anna.get('/api/system')).json().oltpDatabase).toBe('default');
  });
});
