/** The SP-API client against a fake Amazon: the two token sources (LWA access token, RDT) and NextToken paging. */
import { describe, expect, it } from 'vitest';
import { collect, failure, read } from '../../../test/support/adapter-test-helpers.ts';
import { createAmazonAdapter } from './adapter.ts';
import { readAmazonSettings } from './settings.ts';
import { createSpApi } from './sp-api.ts';

const URL_BASE = 'https://sellingpartnerapi-eu.amazon.com';
const SETTINGS = {
  marketplaceIds: 'A1PA6795UKMFR9',
  clientId: 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
  clientSecret: 'amzn1.oa2-cs.v1.secret-secret',
  refreshToken: 'Atzr|IwEBIA-refresh-token',
};
const FAST = { rate: 1000, burst: 1000 };
const PLANS = { getOrders: FAST, createRestrictedDataToken: FAST, getMarketplaceParticipations: FAST };

interface FakeOptions {
  /** expires_in of the LWA access tokens. */
  lifetime?: number;
  /** getOrders answers 403 for these restricted data tokens. */
  refused?: string[];
  /** The NextToken of the n-th getOrders answer (1 = the first). */
  nextToken?: (n: number) => string | undefined;
}

/** A fake Amazon that logs every request: "lwa", "rdt <access token>", "orders <RDT>", "sellers <access token>". */
function fakeAmazon(options: FakeOptions = {}) {
  const log: string[] = [];
  let accessTokens = 0;
  let restrictedTokens = 0;
  let orderPages = 0;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const token = new Headers(init?.headers).get('x-amz-access-token');
    if (url.pathname === '/auth/o2/token') {
      log.push('lwa');
      accessTokens += 1;
      return json({ access_token: `Atza|${accessTokens}`, expires_in: options.lifetime ?? 3600 });
    }
    if (url.pathname === '/tokens/2021-03-01/restrictedDataToken') {
      log.push(`rdt ${token}`);
      restrictedTokens += 1;
      return json({ restrictedDataToken: `Atz.sprdt|${restrictedTokens}`, expiresIn: 3600 });
    }
    if (url.pathname === '/orders/v0/orders') {
      log.push(`orders ${token}`);
      if (options.refused?.includes(token ?? '')) {
        return json(
          { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] },
          403,
        );
      }
      orderPages += 1;
      const next = options.nextToken?.(orderPages);
      return json({
        payload: {
          Orders: [],
          LastUpdatedBefore: '2025-06-30T12:00:00Z',
          ...(next ? { NextToken: next } : {}),
        },
      });
    }
    if (url.pathname === '/sellers/v1/marketplaceParticipations') {
      log.push(`sellers ${token}`);
      return json({ payload: [] });
    }
    return json({ errors: [{ code: 'NotFound' }] }, 404);
  };
  return { log, fetchImpl };
}

function api(fake: ReturnType<typeof fakeAmazon>, now: () => number) {
  return createSpApi(URL_BASE, readAmazonSettings(SETTINGS), {
    http: { fetch: fake.fetchImpl, now, retry: { retries: 0, backoffBaseMs: 1 } },
    usagePlans: PLANS,
  });
}

describe('SP-API tokens', () => {
  it('renews the access token a tenth of its lifetime before it expires, at most five minutes before', async () => {
    for (const [lifetime, renewAfterMs] of [
      [3600, 3_300_000],
      [100, 90_000],
    ] as const) {
      let clock = 1_000_000;
      const fake = fakeAmazon({ lifetime });
      const sp = api(fake, () => clock);
      await sp.marketplaceParticipations();
      clock += renewAfterMs - 1;
      await sp.marketplaceParticipations();
      clock += 1;
      await sp.marketplaceParticipations();
      expect(fake.log).toEqual(['lwa', 'sellers Atza|1', 'sellers Atza|1', 'lwa', 'sellers Atza|2']);
    }
  });

  it('renews the access token it was issued with when Amazon refuses a restricted data token', async () => {
    const fake = fakeAmazon({ refused: ['Atz.sprdt|1'] });
    const sp = api(fake, () => 1_000_000);
    await sp.getOrders({ marketplaceIds: ['A1PA6795UKMFR9'], lastUpdatedAfter: '2025-06-01T00:00:00Z' });
    expect(fake.log).toEqual([
      'lwa',
      'rdt Atza|1',
      'orders Atz.sprdt|1',
      'lwa',
      'rdt Atza|2',
      'orders Atz.sprdt|2',
    ]);
  });
});

describe('getOrders paging', () => {
  it('follows NextToken and stops with AMAZON_PAGING_STUCK when Amazon answers a token it answered before', async () => {
    const fake = fakeAmazon({ nextToken: (n) => ['a', 'b', 'a'][n - 1] });
    const adapter = createAmazonAdapter({
      http: { fetch: fake.fetchImpl, retry: { retries: 0, backoffBaseMs: 1 } },
      usagePlans: PLANS,
    });
    const error = await failure(
      collect(adapter.readCustomers({ url: URL_BASE, settings: SETTINGS }, read())),
    );
    expect(error).toMatchObject({ code: 'AMAZON_PAGING_STUCK' });
    expect(fake.log.filter((entry) => entry.startsWith('orders'))).toHaveLength(3);

    const ending = fakeAmazon({ nextToken: (n) => ['a', 'b'][n - 1] });
    const reader = createAmazonAdapter({ http: { fetch: ending.fetchImpl }, usagePlans: PLANS });
    expect(await collect(reader.readCustomers({ url: URL_BASE, settings: SETTINGS }, read()))).toEqual([]);
    expect(ending.log.filter((entry) => entry.startsWith('orders'))).toHaveLength(3);
  });

  it('keeps tokens out of messages, also where Amazon repeats one in an error', async () => {
    const fake = fakeAmazon();
    const sp = createSpApi(URL_BASE, readAmazonSettings(SETTINGS), {
      http: {
        retry: { retries: 0, backoffBaseMs: 1 },
        fetch: async (input, init) => {
          if (!String(input).includes('/orders/v0/orders')) return fake.fetchImpl(input, init);
          const token = new Headers(init?.headers).get('x-amz-access-token');
          const body = { errors: [{ code: 'InvalidInput', message: `Token ${token} may not list orders.` }] };
          return new Response(JSON.stringify(body), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          });
        },
      },
      usagePlans: PLANS,
    });
    const error = (await failure(
      sp.getOrders({ marketplaceIds: ['A1PA6795UKMFR9'], lastUpdatedAfter: '2025-06-01T00:00:00Z' }),
    )) as Error & { detail?: string };
    expect(error.message).toContain('may not list orders');
    expect(`${error.message} ${error.detail ?? ''}`).not.toContain('Atz.sprdt|1');
  });
});
