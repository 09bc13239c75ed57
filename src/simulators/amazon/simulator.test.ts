import { afterEach, describe, expect, it } from 'vitest';
import { amazonDate } from '../../adapters/amazon/dates.ts';
import type { OrdersList, SpOrder } from '../../adapters/amazon/sp-api-types.ts';
import { FAST_USAGE_PLANS } from './harness.ts';
import { generateAmazonOrders } from './seed.ts';
import { type AmazonSimulator, type AmazonSimulatorOptions, startAmazonSimulator } from './simulator.ts';

/** What the simulator answers, loosely: the parts the tests look at. */
interface Answer {
  payload: OrdersList;
  errors: Array<Record<string, unknown>>;
  restrictedDataToken?: string;
}

const sims: AmazonSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

const NOW = new Date('2025-07-01T12:00:00Z');

async function start(options: AmazonSimulatorOptions = {}): Promise<AmazonSimulator> {
  const sim = await startAmazonSimulator({
    buyers: 60,
    seed: 4,
    clock: () => NOW,
    seedUntil: new Date(NOW.getTime() - 3_600_000),
    usagePlans: FAST_USAGE_PLANS,
    ...options,
  });
  sims.push(sim);
  return sim;
}

async function lwa(sim: AmazonSimulator, params: Record<string, string>) {
  const response = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function accessToken(sim: AmazonSimulator): Promise<string> {
  const { body } = await lwa(sim, {
    grant_type: 'refresh_token',
    refresh_token: sim.credentials.refreshToken,
    client_id: sim.credentials.clientId,
    client_secret: sim.credentials.clientSecret,
  });
  return body.access_token as string;
}

async function call(sim: AmazonSimulator, path: string, token: string | null, init: RequestInit = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['x-amz-access-token'] = token;
  const response = await fetch(`${sim.url}${path}`, { ...init, headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer,
  };
}

async function restrictedToken(
  sim: AmazonSimulator,
  elements = ['buyerInfo', 'shippingAddress'],
): Promise<string> {
  const { body } = await call(sim, '/tokens/2021-03-01/restrictedDataToken', await accessToken(sim), {
    method: 'POST',
    body: JSON.stringify({
      restrictedResources: [{ method: 'GET', path: '/orders/v0/orders', dataElements: elements }],
    }),
  });
  return body.restrictedDataToken as string;
}

function ordersPath(query: Record<string, string>): string {
  return `/orders/v0/orders?${new URLSearchParams(query).toString()}`;
}

async function allOrders(
  sim: AmazonSimulator,
  token: string,
  query: Record<string, string>,
): Promise<SpOrder[]> {
  const orders: SpOrder[] = [];
  let page = await call(sim, ordersPath(query), token);
  for (;;) {
    expect(page.status).toBe(200);
    orders.push(...page.body.payload.Orders);
    const next = page.body.payload.NextToken as string | undefined;
    if (!next) return orders;
    page = await call(
      sim,
      ordersPath({ MarketplaceIds: query.MarketplaceIds as string, NextToken: next }),
      token,
    );
  }
}

describe('Amazon simulator: Login with Amazon', () => {
  it('exchanges the refresh token for an access token and answers errors as LWA does', async () => {
    const sim = await start();
    const good = {
      grant_type: 'refresh_token',
      refresh_token: sim.credentials.refreshToken,
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
    };
    const ok = await lwa(sim, good);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(String(ok.body.access_token)).toMatch(/^Atza\|/);
    expect(await lwa(sim, { ...good, refresh_token: 'Atzr|other' })).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description:
          "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
      },
    });
    expect(await lwa(sim, { ...good, client_secret: 'wrong' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await lwa(sim, { ...good, grant_type: 'client_credentials' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    const { refresh_token: _dropped, ...missing } = good;
    expect(await lwa(sim, missing)).toMatchObject({
      status: 400,
      body: { error_description: 'The request is missing a required parameter : refresh_token' },
    });
  });
});

describe('Amazon simulator: SP-API authorization', () => {
  it('answers 403 Unauthorized with what is wrong with the token, and 403 for paths it does not have', async () => {
    const sim = await start();
    const denied = (details: string) => ({
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }],
    });
    const path = ordersPath({ MarketplaceIds: 'A1PA6795UKMFR9', LastUpdatedAfter: '2025-06-01T00:00:00Z' });
    expect(await call(sim, path, null)).toMatchObject({
      status: 403,
      body: denied('Access token is missing in the request header.'),
    });
    expect(await call(sim, path, 'Atza|nonsense')).toMatchObject({
      status: 403,
      body: denied('The access token you provided is revoked, malformed or invalid.'),
    });
    const token = await accessToken(sim);
    expect((await call(sim, path, token)).status).toBe(200);
    expect(await call(sim, '/orders/v1/orders', token)).toMatchObject({ status: 403, body: denied('') });
    sim.expireTokens();
    expect(await call(sim, path, token)).toMatchObject({
      status: 403,
      body: denied('The access token you provided has expired.'),
    });
  });

  it('issues restricted data tokens only for the roles the application has, and only for their resources', async () => {
    const sim = await start({ roles: ['buyerInfo'] });
    const token = await accessToken(sim);
    const refused = await call(sim, '/tokens/2021-03-01/restrictedDataToken', token, {
      method: 'POST',
      body: JSON.stringify({
        restrictedResources: [
          { method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] },
        ],
      }),
    });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            code: 'InvalidInput',
            message:
              'Application does not have access to one or more requested data elements: [shippingAddress]',
          },
        ],
      },
    });
    const rdt = await restrictedToken(sim, ['buyerInfo']);
    expect(rdt).toMatch(/^Atz\.sprdt\|/);
    expect((await call(sim, '/sellers/v1/marketplaceParticipations', rdt)).status).toBe(403);
    const empty = await call(sim, '/tokens/2021-03-01/restrictedDataToken', token, {
      method: 'POST',
      body: '{}',
    });
    expect(empty).toMatchObject({
      status: 400,
      body: { errors: [{ code: 'InvalidRequest', details: 'Resource not provided.' }] },
    });
  });
});

describe('Amazon simulator: getOrders', () => {
  it('checks its parameters as Amazon does', async () => {
    const sim = await start();
    const token = await accessToken(sim);
    const generic = {
      code: 'InvalidInput',
      message: 'The input you have submitted is not valid. Please check your input and try again.',
    };
    const de = 'A1PA6795UKMFR9';
    const cases: Array<[Record<string, string>, unknown]> = [
      [{ LastUpdatedAfter: '2025-06-01T00:00:00Z' }, generic],
      [{ MarketplaceIds: de }, generic],
      [
        {
          MarketplaceIds: de,
          CreatedAfter: '2025-06-01T00:00:00Z',
          LastUpdatedAfter: '2025-06-01T00:00:00Z',
        },
        generic,
      ],
      [
        {
          MarketplaceIds: de,
          CreatedAfter: '2025-06-01T00:00:00Z',
          LastUpdatedBefore: '2025-06-02T00:00:00Z',
        },
        generic,
      ],
      // LastUpdatedBefore must be at least two minutes in the past
      [
        {
          MarketplaceIds: de,
          LastUpdatedAfter: '2025-06-01T00:00:00Z',
          LastUpdatedBefore: '2025-07-01T11:59:00Z',
        },
        generic,
      ],
      [
        {
          MarketplaceIds: de,
          LastUpdatedAfter: '2025-06-02T00:00:00Z',
          LastUpdatedBefore: '2025-06-01T00:00:00Z',
        },
        generic,
      ],
      [{ MarketplaceIds: de, LastUpdatedAfter: '2025-07-02T00:00:00Z' }, generic],
      [{ MarketplaceIds: de, LastUpdatedAfter: '2025-06-01T00:00:00Z', MaxResultsPerPage: '101' }, generic],
      [{ MarketplaceIds: 'ATVPDKIKX0DER', LastUpdatedAfter: '2025-06-01T00:00:00Z' }, generic],
      [
        { MarketplaceIds: de, LastUpdatedAfter: '2025-06-01' },
        {
          code: 'InvalidInput',
          message: 'This is an invalid input',
          details: 'Invalid date-time field(s) [lastUpdatedAfter].',
        },
      ],
      [
        { MarketplaceIds: de, NextToken: 'abc+def/==' },
        { message: null, code: 'InvalidInput' },
      ],
    ];
    for (const [query, error] of cases) {
      const answer = await call(sim, ordersPath(query), token);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(answer.body.errors[0], JSON.stringify(query)).toMatchObject(error as object);
    }
  });

  it('pages with NextToken through exactly the window, says where the window ended, and sends the usage plan header', async () => {
    const sim = await start();
    const token = await restrictedToken(sim);
    const query = {
      MarketplaceIds: sim.marketplaceIds.join(','),
      LastUpdatedAfter: '2024-01-01T00:00:00Z',
      MaxResultsPerPage: '7',
    };
    const first = await call(sim, ordersPath(query), token);
    expect(first.headers.get('x-amzn-ratelimit-limit')).toBe('1000');
    expect(first.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    // without LastUpdatedBefore the window ends two minutes before now
    expect(first.body.payload.LastUpdatedBefore).toBe('2025-07-01T11:58:00Z');
    expect(first.body.payload.Orders).toHaveLength(7);
    expect(first.body.payload.NextToken).toMatch(/[+/=]/);
    const orders = await allOrders(sim, token, query);
    const expected = sim.store
      .list()
      .filter(
        (order) =>
          order.LastUpdateDate >= '2024-01-01T00:00:00Z' && order.LastUpdateDate <= '2025-07-01T11:58:00Z',
      );
    expect(orders.map((order) => order.AmazonOrderId).sort()).toEqual(
      expected.map((order) => order.AmazonOrderId).sort(),
    );
    expect(new Set(orders.map((order) => order.AmazonOrderId)).size).toBe(orders.length);
  });

  it('shows buyers and addresses only with a restricted data token, and only for orders past Pending', async () => {
    const sim = await start({ buyers: 200 });
    const query = { MarketplaceIds: sim.marketplaceIds.join(','), LastUpdatedAfter: '2023-08-01T00:00:00Z' };
    const plain = await allOrders(sim, await accessToken(sim), query);
    const shipped = plain.filter((order) => order.OrderStatus === 'Shipped');
    expect(shipped.length).toBeGreaterThan(0);
    for (const order of shipped) {
      expect(order.BuyerInfo).toEqual({});
      expect(Object.keys(order.ShippingAddress ?? {}).sort()).toEqual(
        expect.arrayContaining(['City', 'CountryCode', 'PostalCode']),
      );
      expect(order.ShippingAddress).not.toHaveProperty('Name');
      expect(order.ShippingAddress).not.toHaveProperty('AddressLine1');
    }
    const full = await allOrders(sim, await restrictedToken(sim), query);
    for (const order of full) {
      if (['Pending', 'Canceled'].includes(order.OrderStatus)) {
        expect(order.BuyerInfo).toEqual({});
        expect(order).not.toHaveProperty('ShippingAddress');
      } else {
        expect(order.BuyerInfo?.BuyerEmail).toMatch(/^[a-z0-9]{13,16}@marketplace\.amazon\./);
        expect(order.ShippingAddress?.Name).toBeTruthy();
        if (order.FulfillmentChannel === 'AFN') expect(order.ShippingAddress).not.toHaveProperty('Phone');
      }
    }
    expect(full.some((order) => ['Pending', 'Canceled'].includes(order.OrderStatus))).toBe(true);
    expect(full.some((order) => order.ShippingAddress?.Phone)).toBe(true);
  });

  it('does not return orders older than two years', async () => {
    const sim = await start();
    const [first] = sim.store.list();
    sim.store.change((first as SpOrder).AmazonOrderId, (order) => {
      order.PurchaseDate = '2023-06-01T10:00:00Z';
    });
    const orders = await allOrders(sim, await accessToken(sim), {
      MarketplaceIds: sim.marketplaceIds.join(','),
      LastUpdatedAfter: '2016-01-01T00:00:00Z',
    });
    expect(orders.map((order) => order.AmazonOrderId)).not.toContain(first?.AmazonOrderId);
    expect(orders).toHaveLength(sim.store.size - 1);
  });

  it('throttles by usage plan: 429 QuotaExceeded once the burst is spent, without a rate limit header', async () => {
    const sim = await start({ usagePlans: { ...FAST_USAGE_PLANS, getOrders: { rate: 0.0167, burst: 2 } } });
    const token = await accessToken(sim);
    const path = ordersPath({ MarketplaceIds: 'A1PA6795UKMFR9', LastUpdatedAfter: '2025-06-01T00:00:00Z' });
    expect((await call(sim, path, token)).status).toBe(200);
    expect((await call(sim, path, token)).status).toBe(200);
    const throttled = await call(sim, path, token);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({
      errors: [
        {
          code: 'QuotaExceeded',
          message: 'You exceeded your quota for the requested resource.',
          details: '',
        },
      ],
    });
    expect(throttled.headers.get('x-amzn-ratelimit-limit')).toBeNull();
  });
});

describe('Amazon seed', () => {
  it('gives the same orders for the same options, within the two years before "until"', () => {
    const until = new Date('2025-06-30T12:00:00Z');
    const a = generateAmazonOrders({ buyers: 50, seed: 3, until });
    expect(generateAmazonOrders({ buyers: 50, seed: 3, until })).toEqual(a);
    expect(a.length).toBeGreaterThan(50);
    for (const order of a) {
      expect(order.AmazonOrderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
      expect(order.LastUpdateDate >= order.PurchaseDate).toBe(true);
      expect(order.LastUpdateDate <= amazonDate(until)).toBe(true);
      expect(order.PurchaseDate >= '2023-07-31T00:00:00Z').toBe(true);
    }
    expect(a.some((order) => order.IsBusinessOrder)).toBe(true);
  });
});
