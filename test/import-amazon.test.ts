/**
 * Import customers end to end from Amazon: the adapter reads the SP-API simulator over HTTP (LWA, restricted
 * data token, getOrders) and the buyers land as partners in a real database (PGlite and the PostgreSQL
 * server). Expectations are computed here from the simulator's raw orders.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAmazonAdapter } from '../src/adapters/amazon/adapter.ts';
import type { SpOrder } from '../src/adapters/amazon/sp-api-types.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import type { Partner } from '../src/domain/partner.ts';
import { runImport } from '../src/import/import-service.ts';
import { BUYER_STATUSES, FAST_USAGE_PLANS, simulatorSettings } from '../src/simulators/amazon/harness.ts';
import { type AmazonSimulator, startAmazonSimulator } from '../src/simulators/amazon/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { setPartnerStatus } from '../src/storage/partner-write-store.ts';
import { byExternalId, importRequest, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const anytime = (channel: string) => importRequest(channel);
const lastTransfer = (channel: string) => importRequest(channel, { changedSince: 'last-transfer' });

/** Each buyer's most recently placed order that shows the buyer: where the partner's data come from. */
function latestOrders(orders: readonly SpOrder[]): Map<string, SpOrder> {
  const latest = new Map<string, SpOrder>();
  for (const order of orders) {
    const email = order.BuyerInfo?.BuyerEmail;
    if (!email || !BUYER_STATUSES.has(order.OrderStatus)) continue;
    const known = latest.get(email.toLowerCase());
    if (!known || order.PurchaseDate > known.PurchaseDate) latest.set(email.toLowerCase(), order);
  }
  return latest;
}

/** Amazon gives no phone for orders it fulfils, nor for seller-fulfilled ones delivered a while ago. */
function visiblePhone(order: SpOrder): string | null {
  if (order.FulfillmentChannel === 'AFN') return null;
  if (
    order.OrderStatus === 'Shipped' &&
    order.LatestDeliveryDate &&
    Date.parse(order.LatestDeliveryDate) < Date.now()
  ) {
    return null;
  }
  return order.ShippingAddress?.Phone ?? null;
}

function expectPartnerOf(partner: Partner | undefined, order: SpOrder, key: string, channel: string): void {
  expect(partner, key).toBeDefined();
  if (!partner) return;
  const business = order.IsBusinessOrder === true;
  const shipping = order.ShippingAddress!;
  const name = order.BuyerInfo?.BuyerName ?? shipping.Name;
  const company = business ? (shipping.CompanyName ?? null) : null;
  expect(partner, key).toMatchObject({
    type: business ? 'B2B' : 'B2C',
    status: business ? 'Blocked' : 'Released',
    email: order.BuyerInfo?.BuyerEmail,
    company,
    taxId: business ? (order.BuyerTaxInformation?.BuyerTaxRegistrationId ?? null) : null,
    phones: visiblePhone(order) ? [visiblePhone(order)] : [],
    websites: [],
    contacts: business
      ? [{ name, function: null, email: order.BuyerInfo?.BuyerEmail, phone: visiblePhone(order) }]
      : [],
    links: [expect.objectContaining({ channel, externalId: key, active: true, deletedAt: null })],
  });
  expect([partner.firstName, partner.lastName].filter(Boolean).join(' '), key).toBe(name);
  const street = [shipping.AddressLine1, shipping.AddressLine2, shipping.AddressLine3]
    .filter((line) => line && line !== company)
    .join(', ');
  expect(partner.addresses, key).toEqual([
    {
      street,
      postalCode: shipping.PostalCode,
      city: shipping.City,
      country: shipping.CountryCode,
      region: shipping.StateOrRegion ?? null,
      defaultBilling: true,
      defaultShipping: true,
    },
  ]);
}

describeEachDb('Import customers from Amazon', (getDb) => {
  let sim: AmazonSimulator;
  let db: Db;
  const deps = () => ({ db: getDb(), adapters: testAdapters });

  beforeAll(async () => {
    sim = await startAmazonSimulator({
      buyers: 120,
      seed: 7,
      usagePlans: FAST_USAGE_PLANS,
      processingDelayMs: 0,
    });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function addChannel(
    name: string,
    type: string,
    settings: Record<string, string> = {},
    pseudoPartnerNumber: string | null = null,
  ) {
    db = getDb();
    await new ChannelService(db, testAdapters).add({
      name,
      adapter: 'amazon',
      type,
      url: sim.url,
      settings: simulatorSettings(sim, settings),
      customerApproval: false,
      pseudoPartnerNumber,
    });
  }

  it('creates one partner per buyer from their latest order, business buyers as Blocked B2B, and nothing on a re-import', async () => {
    await addChannel('amazon', 'b2b-b2c');
    const run = await runImport(deps(), anytime('amazon'));
    const expected = latestOrders(sim.store.list());
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: expected.size, created: expected.size, errors: 0 });

    const partners = byExternalId(await listPartners(db, { channel: 'amazon' }), 'amazon');
    expect(partners.size).toBe(expected.size);
    for (const [key, order] of expected) expectPartnerOf(partners.get(key), order, key, 'amazon');
    const business = [...expected.values()].filter((order) => order.IsBusinessOrder).length;
    expect(business).toBeGreaterThan(0);
    expect(business).toBeLessThan(expected.size);
    // some buyers ordered more than once, at more than one address
    expect(sim.store.size).toBeGreaterThan(expected.size);

    const again = await runImport(deps(), anytime('amazon'));
    expect(again.counts).toMatchObject({
      read: expected.size,
      created: 0,
      updated: 0,
      unchanged: expected.size,
    });
    expect(await listPartners(db, { channel: 'amazon' })).toHaveLength(expected.size);
  });

  it('picks up new buyers and new orders with Last transfer; types and statuses stay', async () => {
    await addChannel('amazon', 'b2b-b2c');
    const first = await runImport(deps(), lastTransfer('amazon'));
    expect(first.counts.created).toBeGreaterThan(0);
    expect(first.watermarkAfter).not.toBeNull();
    expect((await runImport(deps(), lastTransfer('amazon'))).counts).toMatchObject({
      created: 0,
      updated: 0,
    });

    const latest = [...latestOrders(sim.store.list()).values()];
    const consumers = latest.filter((order) => !order.IsBusinessOrder);
    const [movesToParis, ordersForCompany, onlyShipped] = consumers as [SpOrder, SpOrder, SpOrder];
    const companyBuyer = latest.find((order) => order.IsBusinessOrder) as SpOrder;
    const key = (order: SpOrder) => String(order.BuyerInfo?.BuyerEmail).toLowerCase();
    const before = byExternalId(await listPartners(db, { channel: 'amazon' }), 'amazon');
    // A user releases the business partner by hand; imports never touch a status.
    await setPartnerStatus(db, before.get(key(companyBuyer))!.number, 'Released');

    sim.store.placeOrder(movesToParis, {
      AddressLine1: 'Rue de Rivoli 12',
      AddressLine2: undefined,
      City: 'Paris',
      PostalCode: '75001',
      CountryCode: 'FR',
      StateOrRegion: undefined,
    });
    const asBusiness = sim.store.placeOrder(ordersForCompany, { CompanyName: 'Nowak Consulting sp. z o.o.' });
    sim.store.change(asBusiness.AmazonOrderId, (order) => {
      order.IsBusinessOrder = true;
    });
    sim.store.placeOrder(companyBuyer);
    sim.store.change(onlyShipped.AmazonOrderId, (order) => {
      order.OrderStatus = 'Shipped';
    });
    sim.store.placeOrder({
      ...movesToParis,
      BuyerInfo: { BuyerEmail: 'q1w2e3r4t5y6u7@marketplace.amazon.de', BuyerName: 'Ingrid Sørensen' },
      ShippingAddress: {
        Name: 'Ingrid Sørensen',
        AddressLine1: 'Nørregade 7',
        City: 'København',
        PostalCode: '1165',
        CountryCode: 'DK',
      },
      IsBusinessOrder: false,
    });

    const second = await runImport(deps(), lastTransfer('amazon'));
    expect(second.state).toBe('finished');
    expect(second.counts).toMatchObject({ created: 1, updated: 3, errors: 0 });
    expect(second.counts.unchanged).toBeGreaterThanOrEqual(1);

    const after = byExternalId(await listPartners(db, { channel: 'amazon' }), 'amazon');
    expect(after.get(key(movesToParis))?.addresses).toEqual([
      expect.objectContaining({
        street: 'Rue de Rivoli 12',
        city: 'Paris',
        postalCode: '75001',
        country: 'FR',
        region: null,
      }),
    ]);
    expect(after.get(key(ordersForCompany))).toMatchObject({
      type: 'B2C',
      status: 'Released',
      company: 'Nowak Consulting sp. z o.o.',
    });
    expect(after.get(key(companyBuyer))).toMatchObject({ type: 'B2B', status: 'Released' });
    expect(after.get('q1w2e3r4t5y6u7@marketplace.amazon.de')).toMatchObject({
      type: 'B2C',
      status: 'Released',
      firstName: 'Ingrid',
      lastName: 'Sørensen',
      email: 'q1w2e3r4t5y6u7@marketplace.amazon.de',
    });
  });

  it('with "Use pseudo partner" creates partners for business buyers only: consumers are occasional customers', async () => {
    await addChannel('amazon-pseudo', 'b2b-b2c', {}, '100000');
    const run = await runImport(deps(), anytime('amazon-pseudo'));
    const expected = [...latestOrders(sim.store.list())];
    const business = expected.filter(([, order]) => order.IsBusinessOrder).map(([key]) => key);
    expect(run.counts).toMatchObject({
      read: expected.length,
      created: business.length,
      skipped: expected.length - business.length,
      errors: 0,
    });
    const partners = await listPartners(db, { channel: 'amazon-pseudo' });
    expect(partners.map((partner) => partner.links[0]?.externalId).sort()).toEqual(business.sort());
    expect(new Set(partners.map((partner) => partner.type))).toEqual(new Set(['B2B']));
    const skipped = (await getRunLog(db, run.id)).filter((line) => line.level === 'skipped');
    expect(skipped).toHaveLength(expected.length - business.length);
    expect(skipped[0]).toMatchObject({ code: 'GUEST_PSEUDO_PARTNER' });
  });

  it('gives B2C channels B2C partners only, and refuses B2B channels', async () => {
    await addChannel('amazon-b2c', 'b2c');
    await runImport(deps(), anytime('amazon-b2c'));
    const kinds = new Set(
      (await listPartners(db, { channel: 'amazon-b2c' })).map((p) => `${p.type}/${p.status}`),
    );
    expect(kinds).toEqual(new Set(['B2C/Released']));
    await expect(addChannel('amazon-b2b', 'b2b')).rejects.toThrow(/serves only B2C, B2B & B2C channels/);
  });

  it('fails with a clear message and moves no watermark when Login with Amazon refuses the refresh token', async () => {
    await addChannel('revoked', 'b2b-b2c', { refreshToken: 'Atzr|revoked-by-the-seller' });
    const run = await runImport(deps(), lastTransfer('revoked'));
    expect(run.state).toBe('failed');
    expect(run.error?.code).toBe('AMAZON_LWA_REFUSED');
    expect(run.error?.message).toContain('authorize the application again');
    expect(run.error?.message).not.toContain('revoked-by-the-seller');
    expect((await findChannelByName(db, 'revoked'))!.watermark).toBeNull();
    expect(await listPartners(db, { channel: 'revoked' })).toEqual([]);
  });

  it('refuses a buyer whose shipping address arrives malformed and keeps the address stored for its partner', async () => {
    await addChannel('shop', 'b2b-b2c');
    await runImport(deps(), anytime('shop'));
    const [key] = [...latestOrders(sim.store.snapshot()).keys()];
    const stored = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop').get(key!)!.addresses;
    expect(stored).toHaveLength(1);

    for (const corrupt of [
      (order: Record<string, unknown>) => {
        order.ShippingAddress = 'not-an-address';
      },
      (order: Record<string, unknown>) => {
        order.ShippingAddress = {
          ...(order.ShippingAddress as object),
          AddressLine1: { line: 'x' },
          CountryCode: null,
        };
      },
    ]) {
      const run = await runImport({ db, adapters: corruptingAdapters(key!, corrupt) }, anytime('shop'));
      expect(run.state).toBe('finished');
      const log = await getRunLog(db, run.id);
      expect(log).toContainEqual(
        expect.objectContaining({ level: 'error', code: 'INVALID_RECORD', externalId: key }),
      );
      const partner = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop').get(key!)!;
      expect(partner.addresses).toEqual(stored);
    }
  });
});

/** An Amazon adapter whose getOrders answers are changed by `corrupt` for the orders of the buyer `key`. */
function corruptingAdapters(key: string, corrupt: (order: Record<string, unknown>) => void) {
  const amazon = createAmazonAdapter({
    http: {
      retry: { retries: 1, backoffBaseMs: 1 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).includes('/orders/v0/orders')) return response;
        const body = (await response.json()) as { payload: { Orders: Record<string, unknown>[] } };
        for (const order of body.payload.Orders) {
          const email = (order.BuyerInfo as { BuyerEmail?: string } | undefined)?.BuyerEmail;
          if (email?.toLowerCase() === key) corrupt(order);
        }
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      },
    },
    usagePlans: FAST_USAGE_PLANS,
  });
  return createAdapterRegistry([amazon]);
}
