/** The job input of the HTTP API takes the content language (issue 16); a tag that is none names its field. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { importBody, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: the content language of a job', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 3, seed: 8, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('stores the tag the job is filed with and refuses one that is no language tag', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    const channel = await alice.post('/api/channels', {
      ...{ name: 'shop', adapter: 'magento', type: 'b2b-b2c', url: sim.url, settings: { token: sim.token } },
      ...{ customerApproval: false, pseudoPartnerNumber: null },
    });
    expect(channel.statusCode).toBe(201);
    const filed = await alice.post(
      '/api/import-customers',
      importBody({}, { contentLanguage: 'pl-PL', releaseImmediately: false }),
    );
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ contentLanguage: 'pl-PL' });
    const refused = await alice.post(
      '/api/import-customers',
      importBody({}, { contentLanguage: 'xx_YY', releaseImmediately: false }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      field: 'batch.contentLanguage',
      message: 'Content language "xx_YY" is not a language tag (e.g. en, de, pl, de-AT).',
    });
  });
});
