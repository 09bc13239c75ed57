/** The simulator behaves like Shopware 6's Admin API: OAuth, criteria semantics, errors, content negotiation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopwareSimulator, startShopwareSimulator } from './simulator.ts';

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read Shopware's JSON answers freely
  body: any;
  type: string | null;
}

async function call(
  sim: ShopwareSimulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    type: response.headers.get('content-type'),
  };
}

async function token(sim: ShopwareSimulator): Promise<string> {
  const { body } = await call(sim, '/api/oauth/token', {
    grant_type: 'client_credentials',
    client_id: sim.integration.clientId,
    client_secret: sim.integration.clientSecret,
  });
  return body.access_token;
}

describe('Shopware simulator: OAuth', () => {
  let now = Date.parse('2025-07-01T10:00:00Z');
  let sim: ShopwareSimulator;
  beforeAll(async () => {
    sim = await startShopwareSimulator({ customers: 5, seed: 2, clock: () => new Date(now) });
  });
  afterAll(() => sim.close());

  it('issues bearer tokens for the integration that expire after 600 s on the simulator clock', async () => {
    const { status, body } = await call(sim, '/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: sim.integration.clientId,
      client_secret: sim.integration.clientSecret,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(body.access_token.split('.')).toHaveLength(3);
    expect(sim.integration.clientId).toMatch(/^SWIA[A-Z0-9]{22}$/);
    const search = () =>
      call(sim, '/api/search-ids/customer', {}, { authorization: `Bearer ${body.access_token}` });
    now += 599_000;
    expect((await search()).status).toBe(200);
    now += 1_000;
    const expired = await search();
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({
      errors: [
        {
          code: '9',
          status: '401',
          title: 'The resource owner or authorization server denied the request.',
          detail: 'Access token could not be verified',
        },
      ],
    });
  });

  it('answers a missing Authorization header and a wrong secret like Shopware', async () => {
    const missing = await call(sim, '/api/search/customer', {});
    expect(missing.status).toBe(401);
    expect(missing.body.errors[0].detail).toBe('Missing "Authorization" header');
    const wrong = await call(sim, '/api/oauth/token', {
      grant_type: 'client_credentials',
      client_id: sim.integration.clientId,
      client_secret: 'wrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0]).toMatchObject({ code: '4', title: 'Client authentication failed' });
    const grant = await call(sim, '/api/oauth/token', { grant_type: 'implicit' });
    expect(grant.status).toBe(400);
    expect(grant.body.errors[0].code).toBe('2');
  });

  it('throttles the token route after repeated requests (time backoff) and resets on success', async () => {
    const attempt = () =>
      call(
        sim,
        '/api/oauth/token',
        { grant_type: 'client_credentials', client_id: 'SWIAX', client_secret: 'x' },
        { 'x-forwarded-for': '10.0.0.9' },
      );
    for (let n = 0; n < 10; n++) expect((await attempt()).status).toBe(401);
    const throttled = await attempt();
    expect(throttled.status).toBe(429);
    expect(throttled.body.errors[0]).toMatchObject({
      status: '429',
      code: 'FRAMEWORK__AUTH_THROTTLED',
      detail: 'Auth throttled for 10 seconds.',
      meta: { parameters: { seconds: 10 } },
    });
    now += 10_000;
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });

  it('supports the password and refresh token grants of the administration', async () => {
    const login = await call(sim, '/api/oauth/token', {
      grant_type: 'password',
      client_id: 'administration',
      scopes: 'write',
      username: 'admin',
      password: 'shopware',
    });
    expect(login.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    const refreshed = await call(sim, '/api/oauth/token', {
      grant_type: 'refresh_token',
      client_id: 'administration',
      refresh_token: login.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(login.body.refresh_token);
  });
});

describe('Shopware simulator: search', () => {
  let sim: ShopwareSimulator;
  let auth: Record<string, string>;
  const search = (body: unknown, headers: Record<string, string> = {}) =>
    call(sim, '/api/search/customer', body, { ...auth, ...headers });
  beforeAll(async () => {
    sim = await startShopwareSimulator({ customers: 60, seed: 4, brokenShare: 0, maxLimit: 50 });
    auth = { authorization: `Bearer ${await token(sim)}` };
  });
  afterAll(() => sim.close());

  it('answers plain JSON with total, data and aggregations; includes cut entities per apiAlias', async () => {
    const { status, body, type } = await search({
      limit: 2,
      'total-count-mode': 1,
      associations: { addresses: { associations: { country: {} } } },
      includes: {
        customer: ['id', 'email', 'updatedAt', 'addresses'],
        customer_address: ['city', 'country'],
        country: ['iso'],
      },
    });
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(body.total).toBe(60);
    expect(body.aggregations).toEqual([]);
    expect(Object.keys(body.data[0]).sort()).toEqual(['addresses', 'apiAlias', 'email', 'id', 'updatedAt']);
    expect(body.data[0].addresses[0]).toEqual({
      city: expect.any(String),
      country: { iso: expect.stringMatching(/^[A-Z]{2}$/), apiAlias: 'country' },
      apiAlias: 'customer_address',
    });
  });

  it('renders dates as RFC 3339 with milliseconds and offset, and updatedAt null for customers never changed', async () => {
    const { body } = await search({
      limit: 50,
      filter: [{ type: 'equals', field: 'updatedAt', value: null }],
    });
    expect(body.data.length).toBeGreaterThan(0);
    for (const customer of body.data) {
      expect(customer.updatedAt).toBeNull();
      expect(customer.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(customer.addresses).toBeNull();
    }
  });

  it('answers JSON:API by default and for */*, and 415 without an Accept header it can serve', async () => {
    for (const accept of ['application/vnd.api+json', '*/*']) {
      const { body, type } = await search({ limit: 1, associations: { addresses: {} } }, { accept });
      expect(type).toContain('application/vnd.api+json');
      expect(body.meta).toEqual({ totalCountMode: 0, total: 1 });
      expect(body.data[0]).toMatchObject({ type: 'customer', attributes: { email: expect.any(String) } });
      expect(body.data[0].relationships.addresses.data[0]).toMatchObject({ type: 'customer_address' });
      expect(body.included[0].type).toBe('customer_address');
    }
    const unsupported = await search({ limit: 1 }, { accept: 'text/html' });
    expect(unsupported.status).toBe(415);
  });

  it('applies filters with SQL semantics: IS NULL, three-valued NOT, multi OR, date ranges, collation', async () => {
    const count = async (filter: unknown[]) =>
      (await search({ limit: 50, filter, 'total-count-mode': 1 })).body.total;
    const all = await count([]);
    const neverChanged = await count([{ type: 'equals', field: 'updatedAt', value: null }]);
    const changed = await count([
      { type: 'not', queries: [{ type: 'equals', field: 'updatedAt', value: null }] },
    ]);
    expect(neverChanged + changed).toBe(all);
    // A range never matches NULL, and neither does its negation.
    const after2020 = await count([
      { type: 'range', field: 'updatedAt', parameters: { gte: '2020-01-01 00:00:00.000' } },
    ]);
    const notAfter2020 = await count([
      {
        type: 'not',
        queries: [{ type: 'range', field: 'updatedAt', parameters: { gte: '2020-01-01T00:00:00+00:00' } }],
      },
    ]);
    expect(after2020 + notAfter2020).toBe(changed);
    const since = '2022-01-01 00:00:00.000';
    const either = await count([
      {
        type: 'multi',
        operator: 'or',
        queries: [
          { type: 'range', field: 'updatedAt', parameters: { gte: since } },
          {
            type: 'multi',
            operator: 'and',
            queries: [
              { type: 'equals', field: 'updatedAt', value: null },
              { type: 'range', field: 'createdAt', parameters: { gte: since } },
            ],
          },
        ],
      },
    ]);
    const expected = sim.store
      .list()
      .filter(
        (customer) =>
          Date.parse(customer.updatedAt ?? customer.createdAt) >= Date.parse('2022-01-01T00:00:00Z'),
      ).length;
    expect(either).toBe(expected);
    const customer = sim.store.list()[3]!;
    expect(
      await count([{ type: 'equals', field: 'email', value: customer.email.toUpperCase() }]),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count([{ type: 'equalsAny', field: 'id', value: `${customer.id}|${sim.store.list()[4]!.id}` }]),
    ).toBe(2);
    const city = customer.addresses![0]!.city;
    expect(
      await count([
        {
          type: 'contains',
          field: 'addresses.city',
          value: city
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase(),
        },
      ]),
    ).toBeGreaterThanOrEqual(1);
  });

  it('pages with page and limit; a page without a limit starts at offset 0; total-count-mode 2 counts ahead', async () => {
    const ids = async (body: unknown) => (await search(body)).body.data.map((row: { id: string }) => row.id);
    const sort = [{ field: 'id', order: 'ASC' }];
    const first = await ids({ page: 1, limit: 10, sort });
    const second = await ids({ page: 2, limit: 10, sort });
    expect(second).toHaveLength(10);
    expect(second.filter((id: string) => first.includes(id))).toEqual([]);
    expect((await ids({ page: 2, sort })).slice(0, 10)).toEqual(first);
    expect((await search({ limit: 5, page: 2, 'total-count-mode': 'next-pages' })).body.total).toBe(31);
    expect((await search({ limit: 5, 'total-count-mode': 'none' })).body.total).toBe(5);
  });

  it('refuses bad criteria with Shopware error bodies', async () => {
    const error = async (body: unknown) => {
      const answer = await search(body);
      return { ...answer.body.errors[0], status: answer.status };
    };
    expect(await error({ limit: 51 })).toMatchObject({
      status: 400,
      code: 'FRAMEWORK__QUERY_LIMIT_EXCEEDED',
      detail: 'The limit must be lower than or equal to MAX_LIMIT(=50). Given: 51',
      source: { pointer: '/limit' },
    });
    expect(await error({ limit: 0 })).toMatchObject({ code: 'FRAMEWORK__INVALID_LIMIT_QUERY' });
    expect(await error({ page: 'x' })).toMatchObject({ code: 'FRAMEWORK__INVALID_PAGE_QUERY' });
    expect(await error({ filter: [{ type: 'equals', field: 'email' }] })).toMatchObject({
      code: 'FRAMEWORK__INVALID_FILTER_QUERY',
      detail: 'Parameter "value" for equals filter is missing.',
      source: { pointer: '/filter/0/value' },
    });
    expect(await error({ filter: [{ type: 'between', field: 'email', value: 'x' }] })).toMatchObject({
      detail: 'Unsupported filter type: between',
    });
    expect(await error({ filter: [{ type: 'equals', field: 'mail', value: 'x' }] })).toMatchObject({
      status: 400,
      code: 'FRAMEWORK__UNMAPPED_FIELD',
      detail: 'Field "mail" in entity "customer" was not found.',
    });
    expect(await error({ associations: { orders: {} } })).toMatchObject({
      code: 'FRAMEWORK__ASSOCIATION_NOT_FOUND',
    });
    expect(await error({ filter: [{ type: 'equals', field: 'id', value: '42' }] })).toMatchObject({
      code: 'FRAMEWORK__INVALID_UUID',
    });
  });

  it('answers search-ids with { total, data: [ids] }', async () => {
    const { body } = await call(sim, '/api/search-ids/customer', { limit: 3, 'total-count-mode': 1 }, auth);
    expect(body.total).toBe(60);
    expect(body.data).toHaveLength(3);
    expect(body.data[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reads, writes and deletes one customer; a write sets updatedAt', async () => {
    const id = sim.store.list()[7]!.id;
    const request = (method: string, body?: unknown) =>
      fetch(`${sim.url}/api/customer/${id}`, {
        method,
        headers: { ...auth, accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await (await request('GET')).json()).data).toMatchObject({ id, apiAlias: 'customer' });
    expect((await request('PATCH', { lastName: 'Kowalska' })).status).toBe(204);
    const changed = sim.store.get(id)!;
    expect(changed.lastName).toBe('Kowalska');
    expect(changed.updatedAt).toMatch(/\+00:00$/);
    expect((await request('DELETE')).status).toBe(204);
    const gone = await request('GET');
    expect(gone.status).toBe(404);
    expect((await gone.json()).errors[0].code).toBe('FRAMEWORK__RESOURCE_NOT_FOUND');
  });

  it('refuses integrations without the read privilege with FRAMEWORK__MISSING_PRIVILEGE_ERROR', async () => {
    const limited = await startShopwareSimulator({
      customers: 2,
      integration: { clientId: 'SWIALIMITED', clientSecret: 'secret', privileges: ['customer:read'] },
    });
    try {
      const { body } = await call(limited, '/api/oauth/token', {
        grant_type: 'client_credentials',
        client_id: 'SWIALIMITED',
        client_secret: 'secret',
      });
      const headers = { authorization: `Bearer ${body.access_token}` };
      expect((await call(limited, '/api/search/customer', {}, headers)).status).toBe(200);
      const denied = await call(
        limited,
        '/api/search/customer',
        { associations: { addresses: {} } },
        headers,
      );
      expect(denied.status).toBe(403);
      expect(denied.body.errors[0].code).toBe('FRAMEWORK__MISSING_PRIVILEGE_ERROR');
      expect(JSON.parse(denied.body.errors[0].detail).missingPrivileges).toEqual(['customer_address:read']);
    } finally {
      await limited.close();
    }
  });
});
