/** The simulator's routes, auth and failure injection, over HTTP. */
import { describe, expect, it } from 'vitest';
import { call, useSimulators } from '../../../test/support/magento-simulator.ts';
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';

const start = useSimulators({ customers: 12, seed: 5, brokenShare: 0 });

const SEARCH = '/customers/search?searchCriteria[pageSize]=3';

describe('authentication', () => {
  it("answers 401 with Magento's body for a missing or wrong token", async () => {
    const sim = await start();
    const expected = {
      status: 401,
      body: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Customer::customer' },
      },
    };
    expect(await call(sim, 'GET', `/rest/V1${SEARCH}`, { token: null })).toMatchObject(expected);
    expect(await call(sim, 'GET', `/rest/V1${SEARCH}`, { token: 'wrong' })).toMatchObject(expected);
    expect((await call(sim, 'GET', `/rest/V1${SEARCH}`)).status).toBe(200);
  });

  it('issues admin tokens for the admin credentials; they expire after 4 hours of shop time', async () => {
    let now = new Date('2025-07-01T08:00:00Z');
    const sim = await start({ clock: () => now, admin: { username: 'kontor', password: 's3cret!' } });
    const refused = await call(sim, 'POST', '/rest/V1/integration/admin/token', {
      token: null,
      body: { username: 'kontor', password: 'nope' },
    });
    expect(refused).toMatchObject({
      status: 401,
      body: {
        message:
          'The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.',
      },
    });
    const issued = await call(sim, 'POST', '/rest/V1/integration/admin/token', {
      token: null,
      body: { username: 'kontor', password: 's3cret!' },
    });
    expect(issued.status).toBe(200);
    expect(typeof issued.body).toBe('string');
    const token = issued.body as string;
    expect(token.split('.')).toHaveLength(3);
    expect((await call(sim, 'GET', `/rest/V1${SEARCH}`, { token })).status).toBe(200);
    now = new Date('2025-07-01T12:00:01Z');
    expect((await call(sim, 'GET', `/rest/V1${SEARCH}`, { token })).status).toBe(401);
  });

  it('refuses a token without the resource the route needs', async () => {
    const sim = await start({ tokenResources: ['Magento_Sales::sales'] });
    const { status, body } = await call(sim, 'GET', `/rest/V1${SEARCH}`);
    expect(status).toBe(401);
    expect(body).toMatchObject({ parameters: { resources: 'Magento_Customer::customer' } });
  });
});

describe('paths and routes', () => {
  it('serves /rest/V1, /rest/default/V1 and /rest/all/V1; an unknown store code matches no route', async () => {
    const sim = await start({ storeCodes: ['default', 'de_de'] });
    for (const prefix of ['/rest/V1', '/rest/default/V1', '/rest/all/V1', '/rest/de_de/V1']) {
      expect((await call(sim, 'GET', `${prefix}${SEARCH}`)).status).toBe(200);
    }
    expect(await call(sim, 'GET', `/rest/fr_fr/V1${SEARCH}`)).toEqual(
      expect.objectContaining({ status: 404, body: { message: 'Request does not match any route.' } }),
    );
    expect((await call(sim, 'GET', `/V1${SEARCH}`)).status).toBe(404);
    expect((await call(sim, 'PATCH', '/rest/V1/customers/1')).status).toBe(404);
  });

  it('answers application/json and logs every request', async () => {
    const sim = await start();
    const response = await call(sim, 'GET', `/rest/all/V1${SEARCH}`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/rest/all/V1/customers/search',
      query: 'searchCriteria[pageSize]=3',
      status: 200,
    });
  });

  it("gets a customer by id, with Magento's 404 body for a missing one", async () => {
    const sim = await start();
    const first = sim.store.list()[0] as MagentoCustomer;
    expect(await call(sim, 'GET', `/rest/V1/customers/${first.id}`)).toMatchObject({
      status: 200,
      body: first,
    });
    expect(await call(sim, 'GET', '/rest/V1/customers/99999')).toMatchObject({
      status: 404,
      body: {
        message: 'No such entity with %fieldName = %fieldValue',
        parameters: { fieldName: 'customerId', fieldValue: 99999 },
      },
    });
  });
});

describe('B2B', () => {
  it('adds company_attributes and serves companies only when B2B is installed', async () => {
    const sim = await start({ b2b: true, customers: 60 });
    const customers = sim.store.list();
    for (const customer of customers)
      expect(customer.extension_attributes?.company_attributes?.customer_id).toBe(customer.id);
    const user = customers.find(
      (c) => (c.extension_attributes?.company_attributes?.company_id ?? 0) > 0,
    ) as MagentoCustomer;
    const companyId = user.extension_attributes?.company_attributes?.company_id as number;
    const company = await call(sim, 'GET', `/rest/V1/company/${companyId}`);
    expect(company).toMatchObject({
      status: 200,
      body: { id: companyId, super_user_id: user.id, company_email: user.email },
    });
    expect((await call(sim, 'GET', '/rest/V1/company/999')).status).toBe(404);
    const plain = await start();
    expect(await call(plain, 'GET', '/rest/V1/company/1')).toMatchObject({
      status: 404,
      body: { message: 'Request does not match any route.' },
    });
  });
});

describe('failure injection', () => {
  it('fails n times with 503 (a maintenance page), then answers', async () => {
    const sim = await start({ failures: [{ path: '/V1/customers/search', times: 2 }] });
    const first = await call(sim, 'GET', `/rest/V1${SEARCH}`);
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect((await call(sim, 'GET', `/rest/V1${SEARCH}`)).status).toBe(503);
    expect((await call(sim, 'GET', `/rest/V1${SEARCH}`)).status).toBe(200);
  });

  it('sends 429 with Retry-After, and only for matching paths', async () => {
    const sim = await start();
    sim.injectFailure({ path: '/V1/customers/search', times: 1, status: 429, retryAfter: '2' });
    expect((await call(sim, 'GET', '/rest/V1/customers/1')).status).not.toBe(429);
    const limited = await call(sim, 'GET', `/rest/V1${SEARCH}`);
    expect(limited).toMatchObject({ status: 429, body: { message: 'Too Many Requests' } });
    expect(limited.headers.get('retry-after')).toBe('2');
  });

  it('drops connections and rate-limits per second when asked', async () => {
    const sim = await start({ requestsPerSecond: 2, failures: [{ times: 1, drop: true }] });
    await expect(fetch(`${sim.url}/rest/V1${SEARCH}`)).rejects.toThrow();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sim, 'GET', `/rest/V1${SEARCH}`)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});
