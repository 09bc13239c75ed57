/**
 * Odd inputs answer 400 INVALID_INPUT, never 500: numbers beyond what ids, limits and offsets can be, NUL
 * characters (which PostgreSQL text cannot hold) in any string, and as a safety net the database's own
 * "out of range / invalid text" errors.
 */
import { expect, it } from 'vitest';
import { errorResponse } from '../src/api/error-response.ts';
import { PASSWORD, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const HUGE = '99999999999999999999';

describeEachDb('HTTP API: odd inputs', (getDb) => {
  async function setUp() {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    return { api, alice: await api.as('alice') };
  }

  it('answers 400 for ids, limits and offsets beyond 2^53 - 1, and 404 for the largest one', async () => {
    const { alice } = await setUp();
    for (const url of [
      `/api/jobs/${HUGE}`,
      `/api/jobs/1/runs/${HUGE}/log`,
      `/api/jobs/${HUGE}/runs/1/log`,
      '/api/partners?offset=1e20',
      `/api/partners?offset=${HUGE}`,
      `/api/jobs?limit=${HUGE}`,
    ]) {
      const response = await alice.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'INVALID_INPUT' });
    }
    for (const url of [`/api/notifications/${HUGE}/acknowledge`, `/api/jobs/${HUGE}/release`]) {
      const response = await alice.post(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
    }
    expect((await alice.get(`/api/jobs/${Number.MAX_SAFE_INTEGER}`)).statusCode).toBe(404);
    expect((await alice.post(`/api/notifications/${Number.MAX_SAFE_INTEGER}/acknowledge`)).statusCode).toBe(
      404,
    );
  });

  it('answers 400 for a NUL character in a query, a path, a body or a key of a body', async () => {
    const { api, alice } = await setUp();
    const answers = [
      ['q', await alice.get('/api/partners?q=a%00b')],
      ['channel', await alice.get('/api/partners?channel=%00')],
      ['name', await alice.get('/api/channels/shop%00')],
      ['name', await alice.patch('/api/users/%00', { disabled: true })],
      ['name', await api.anonymous().post('/api/auth/login', { name: 'alice\u0000', password: PASSWORD })],
      ['name', await alice.post('/api/queues', { name: 'q\u0000' })],
      [
        'settings',
        await alice.post('/api/channels', {
          name: 'shop',
          adapter: 'magento',
          type: 'b2c',
          url: 'https://shop.example.com',
          settings: { 'tok\u0000en': 'x' },
          customerApproval: false,
          pseudoPartnerNumber: null,
        }),
      ],
      [
        'application.emails.1',
        await alice.post('/api/import-customers', {
          application: { channel: 'shop', byEmail: true, emails: ['a@example.com', 'b\u0000@example.com'] },
          batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none' },
        }),
      ],
    ] as const;
    for (const [field, response] of answers) {
      expect(response.statusCode, field).toBe(400);
      expect(response.json(), field).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    // Nothing was counted for the login with the NUL: the right login still works at once.
    expect((await api.as('alice')).cookie).not.toBeNull();
  });

  it('answers 400 for a body nested deeper than the bound, before parsing or walking it', async () => {
    const { api, alice } = await setUp();
    // 100,000 levels: the NUL check used to copy the path at every level (quadratic; minutes of a frozen loop).
    const deep = `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)},"password":"x"}`;
    const anonymous = api.anonymous();
    for (const response of [
      await anonymous.post('/api/auth/login', deep),
      await alice.post('/api/queues', `{"name":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/nest deeper/),
      });
    }
    // Brackets inside strings do not count, and a body at the bound still gets its field named.
    const inString = await alice.post('/api/queues', { name: `q${'['.repeat(1000)}\u0000` });
    expect(inString.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    const nested = await alice.post('/api/import-customers', {
      application: { channel: 'shop', emails: [['x', ['y\u0000']]] },
      batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none' },
    });
    expect(nested.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'application.emails.0.1.0' });
  });
});

it('maps the database errors of values out of range or not valid as text to 400 INVALID_INPUT', () => {
  for (const code of ['22003', '22021', '22P05', '22P02']) {
    const error = Object.assign(new Error(`a database error ${code}`), { code, severity: 'ERROR' });
    const { status, body, internal } = errorResponse(error);
    expect(status, code).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_INPUT' });
    expect(body.message).not.toContain(code);
    expect(internal).toContain(code);
  }
  expect(errorResponse(Object.assign(new Error('deadlock'), { code: '40P01' })).status).toBe(500);
});
