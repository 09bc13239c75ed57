/**
 * Messages of the server name fields by their labels and show times as the user reads them: a Magento
 * setting out of range names "Page size" and its range; "Begin ... lies in the past" is in the time zone the
 * web UI names (X-Kontor-Time-Zone) and the format of its language (Accept-Language), else in the job's zone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { importBody, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: messages with labels and local times', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 2, seed: 5, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function setUp() {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    const channel = (settings: Record<string, string>) =>
      alice.post('/api/channels', {
        name: 'shop',
        adapter: 'magento',
        type: 'b2c',
        url: sim.url,
        settings: { token: sim.token, ...settings },
        customerApproval: false,
        pseudoPartnerNumber: null,
      });
    return { api, alice, channel };
  }

  it('names a setting by its label, with its key and the allowed range', async () => {
    const { channel } = await setUp();
    const tooBig = await channel({ pageSize: '1000000' });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json()).toEqual({
      code: 'INVALID_INPUT',
      field: 'settings.pageSize',
      message: expect.stringMatching(
        /^The Magento setting Page size \("pageSize"\) is "1000000"; expected a whole number from 1 to \d+\.$/,
      ),
    });
    const notNumber = await channel({ pageSize: 'many' });
    expect(notNumber.json().message).toBe('The setting Page size ("pageSize") must be a number, not "many".');
  });

  it("shows Begin in the user's time zone and format", async () => {
    const { api, alice, channel } = await setUp();
    expect((await channel({})).statusCode).toBe(201);
    const file = (headers: Record<string, string>, batch: Record<string, unknown> = {}) =>
      api.app.inject({
        method: 'POST',
        url: '/api/import-customers',
        headers: { 'x-kontor-request': '1', cookie: `kontor_session=${alice.cookie}`, ...headers },
        payload: importBody({}, { startMode: 'once', begin: '2001-01-01T00:00:00.000Z', ...batch }),
      });
    const berlin = await file({ 'x-kontor-time-zone': 'Europe/Berlin', 'accept-language': 'de-DE,de;q=0.9' });
    expect(berlin.statusCode).toBe(400);
    expect(berlin.json()).toMatchObject({
      field: 'batch.begin',
      message: 'Begin 1. Jan. 2001, 01:00 MEZ lies in the past.',
    });
    const utc = await file({ 'x-kontor-time-zone': 'UTC', 'accept-language': 'en-US' });
    expect(utc.json().message).toBe('Begin Jan 1, 2001, 12:00 AM UTC lies in the past.');
    // No zone named (or an unknown one): the job's time zone.
    const jobZone = await file(
      { 'x-kontor-time-zone': 'Mars/Olympus', 'accept-language': 'en-US' },
      { timeZone: 'America/New_York' },
    );
    expect(jobZone.json().message).toBe('Begin Dec 31, 2000, 7:00 PM EST lies in the past.');
  });
});
