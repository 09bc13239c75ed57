import { afterEach, describe, expect, it } from 'vitest';
import { collect, read, failure as rejection } from '../../../test/support/adapter-test-helpers.ts';
import { AuthError, ConfigError } from '../../domain/errors.ts';
import { buyerKeys, FAST_USAGE_PLANS, simulatorSettings } from '../../simulators/amazon/harness.ts';
import {
  type AmazonSimulator,
  type AmazonSimulatorOptions,
  startAmazonSimulator,
} from '../../simulators/amazon/simulator.ts';
import type { CustomerPage, ReadRequest } from '../adapter.ts';
import { amazonAdapter, createAmazonAdapter } from './adapter.ts';
import { decodeCursor } from './cursor.ts';
import type { UsagePlan } from './sp-api.ts';

const sims: AmazonSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

async function start(options: AmazonSimulatorOptions = {}): Promise<AmazonSimulator> {
  const sim = await startAmazonSimulator({ buyers: 150, seed: 12, usagePlans: FAST_USAGE_PLANS, ...options });
  sims.push(sim);
  return sim;
}

const fastAdapter = (getOrders: UsagePlan = FAST_USAGE_PLANS.getOrders, fetchImpl?: typeof fetch) =>
  createAmazonAdapter({
    http: {
      retry: { retries: 2, backoffBaseMs: 1, backoffMaxMs: 5 },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    },
    usagePlans: { ...FAST_USAGE_PLANS, getOrders },
  });

function readAll(
  adapter: ReturnType<typeof createAmazonAdapter>,
  sim: AmazonSimulator,
  request: Partial<ReadRequest> = {},
  settings: Record<string, string> = {},
): Promise<CustomerPage[]> {
  return collect(
    adapter.readCustomers({ url: sim.url, settings: simulatorSettings(sim, settings) }, read(request)),
  );
}

const ids = (pages: CustomerPage[]) =>
  pages.flatMap((page) => page.customers.map((customer) => customer.externalId));
const getOrdersCalls = (sim: AmazonSimulator) =>
  sim.requests.filter((request) => request.path === '/orders/v0/orders');

/** What `promise` rejects with, as an Error. */
const failure = async (promise: Promise<unknown>): Promise<Error> => (await rejection(promise)) as Error;

describe('Amazon adapter', () => {
  it("declares getOrders' rate limit and serves B2C and B2B & B2C channels", () => {
    expect(amazonAdapter.capabilities).toMatchObject({
      requestsPerSecond: 0.0167,
      byEmail: false,
      deletions: 'none',
      guests: true,
      channelTypes: ['b2c', 'b2b-b2c'],
    });
  });

  it('tests the connection: marketplaces the seller sells in, and access to buyer data', async () => {
    const sim = await start();
    const adapter = fastAdapter();
    const connection = {
      url: sim.url,
      settings: simulatorSettings(sim, { marketplaceIds: 'A1PA6795UKMFR9,A13V1IB3VIYZZH' }),
    };
    expect(await adapter.check(connection)).toEqual({
      ok: true,
      message: `Connected to ${new URL(sim.url).host}: selling in Amazon.de, Amazon.fr; buyers and shipping addresses may be read.`,
      customerCount: null,
    });
    const notSold = await failure(
      adapter.check({
        url: sim.url,
        settings: simulatorSettings(sim, { marketplaceIds: 'A1PA6795UKMFR9,A1RKKUPIHCS9HS,A28R8C7NBKEWEA' }),
      }),
    );
    expect(notSold).toMatchObject({ code: 'AMAZON_MARKETPLACE_NOT_SOLD_IN' });
    expect(notSold.message).toContain('Amazon.ie (A28R8C7NBKEWEA)');

    const noRoles = await start({ roles: ['buyerInfo'] });
    const denied = await failure(adapter.check({ url: noRoles.url, settings: simulatorSettings(noRoles) }));
    expect(denied).toBeInstanceOf(ConfigError);
    expect(denied).toMatchObject({ code: 'AMAZON_RESTRICTED_DATA_DENIED' });
    expect(denied.message).toContain('requested data elements: [shippingAddress');
    expect(denied.message).toContain('Direct-to-Consumer Shipping');
  });

  it('says when Login with Amazon refuses the credentials, without showing them', async () => {
    const sim = await start();
    const adapter = fastAdapter();
    const revoked = await failure(readAll(adapter, sim, {}, { refreshToken: 'Atzr|revoked-token-1234' }));
    expect(revoked).toBeInstanceOf(AuthError);
    expect(revoked).toMatchObject({ code: 'AMAZON_LWA_REFUSED' });
    expect(revoked.message).toContain('invalid grant parameter : refresh_token');
    expect(revoked.message).not.toContain('revoked-token-1234');
    const wrongSecret = await failure(
      readAll(adapter, sim, {}, { clientSecret: 'amzn1.oa2-cs.v1.wrong-secret' }),
    );
    expect(wrongSecret).toMatchObject({ code: 'AMAZON_LWA_REFUSED' });
    expect(wrongSecret.message).toContain('Client authentication failed');
    expect(wrongSecret.message).not.toContain('wrong-secret');
  });

  it('reads every buyer once, from getOrders with a restricted data token, 100 orders a request', async () => {
    const sim = await start({ buyers: 300 });
    const pages = await readAll(fastAdapter(), sim, {}, { pageSize: '40' });
    expect(ids(pages).sort()).toEqual(buyerKeys(sim.store.snapshot()).sort());
    expect(pages.every((page) => page.customers.length <= 40)).toBe(true);
    const calls = getOrdersCalls(sim);
    expect(calls.length).toBe(Math.ceil(sim.store.size / 100));
    expect(calls[0]?.query).toContain('MaxResultsPerPage=100');
    expect(calls[0]?.query).toContain('LastUpdatedAfter=2016-01-01T00:00:00Z');
    expect(calls[1]?.query).toMatch(/^MarketplaceIds=[A-Z0-9,]+&NextToken=/);
    expect(sim.requests.filter((request) => request.path.startsWith('/tokens/')).length).toBe(1);
    expect(sim.requests.filter((request) => request.path === '/auth/o2/token').length).toBe(1);
  });

  it('ends the window where Amazon says (two minutes ago) and resumes the same window from a cursor', async () => {
    const now = new Date();
    const sim = await start({ processingDelayMs: 120_000, clock: () => now });
    const adapter = fastAdapter();
    const pages = await readAll(adapter, sim, {}, { pageSize: '30' });
    const first = pages[0] as CustomerPage;
    const cursor = decodeCursor(first.cursor as string);
    expect(cursor.to).toBe(
      `${new Date(Math.floor((now.getTime() - 120_000) / 1000) * 1000).toISOString().slice(0, 19)}Z`,
    );

    // A buyer of a later page orders again; the resumed read covers the window it started with.
    const later = (pages[2] as CustomerPage).customers[0];
    const template = sim.store
      .list()
      .find((order) => order.BuyerInfo?.BuyerEmail?.toLowerCase() === later?.externalId);
    sim.store.placeOrder(template!, { AddressLine1: 'Neue Straße 1' });
    const rest = await readAll(adapter, sim, { cursor: first.cursor });
    const together = [...first.customers.map((customer) => customer.externalId), ...ids(rest)];
    expect(together.sort()).toEqual(ids(pages).sort());
    const again = rest
      .flatMap((page) => page.customers)
      .find((customer) => customer.externalId === later?.externalId);
    expect(again?.addresses[0]?.street).not.toContain('Neue Straße 1');
    expect(getOrdersCalls(sim).at(-1)?.query).toBeDefined();
    expect(getOrdersCalls(sim).some((call) => call.query.includes(`LastUpdatedBefore=${cursor.to}`))).toBe(
      true,
    );
  });

  it('picks up a buyer once their order leaves Pending, with Changed since', async () => {
    const sim = await start({ processingDelayMs: 0 });
    const since = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    const buyer = sim.store.list().find((order) => order.OrderStatus === 'Shipped');
    // A new order waits for payment: Amazon gives no buyer data yet.
    const placed = sim.store.placeOrder(buyer!);
    sim.store.setStatus(placed.AmazonOrderId, 'Pending');
    expect(ids(await readAll(fastAdapter(), sim, { since }))).toEqual([]);
    sim.store.setStatus(placed.AmazonOrderId, 'Unshipped');
    expect(ids(await readAll(fastAdapter(), sim, { since }))).toEqual([
      buyer!.BuyerInfo?.BuyerEmail?.toLowerCase(),
    ]);
  });

  it('renews expired tokens during a read', async () => {
    const sim = await start({ buyers: 300, processingDelayMs: 0 });
    let orderCalls = 0;
    const expiring: typeof fetch = async (input, init) => {
      if (String(input).includes('/orders/v0/orders') && ++orderCalls === 3) sim.expireTokens();
      return fetch(input, init);
    };
    const pages = await readAll(fastAdapter(FAST_USAGE_PLANS.getOrders, expiring), sim);
    expect(ids(pages).sort()).toEqual(buyerKeys(sim.store.snapshot()).sort());
    expect(sim.requests.filter((request) => request.status === 403)).toHaveLength(1);
    expect(sim.requests.filter((request) => request.path === '/auth/o2/token')).toHaveLength(2);
  });

  it('keeps to the usage plan, and after a 429 QuotaExceeded waits for the quota to refill', async () => {
    const plan = { rate: 10, burst: 2 };
    const sim = await start({ buyers: 300, usagePlans: { ...FAST_USAGE_PLANS, getOrders: plan } });
    const requests = Math.ceil(sim.store.size / 100);
    expect(requests).toBeGreaterThanOrEqual(5);

    // A hair under the server's rate: requests arrive with some jitter after they leave.
    const kept = { rate: 9, burst: 2 };
    const started = Date.now();
    await readAll(fastAdapter(kept), sim);
    expect(getOrdersCalls(sim).every((call) => call.status === 200)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(((requests - 2) / kept.rate) * 1000 - 50);

    // An adapter that believes in a bigger burst meets the quota, and recovers.
    const other = await start({ buyers: 300, usagePlans: { ...FAST_USAGE_PLANS, getOrders: plan } });
    const pages = await readAll(fastAdapter({ rate: 10, burst: 20 }), other);
    expect(ids(pages).sort()).toEqual(buyerKeys(other.store.snapshot()).sort());
    expect(getOrdersCalls(other).some((call) => call.status === 429)).toBe(true);
  });

  it('refuses a selection by e-mail', async () => {
    const sim = await start();
    expect(await failure(readAll(fastAdapter(), sim, { emails: ['a@b.de'] }))).toMatchObject({
      code: 'BY_EMAIL_UNSUPPORTED',
    });
  });
});
