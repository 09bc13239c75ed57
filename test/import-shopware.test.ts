/**
 * Import customers end to end from Shopware 6: the adapter reads the simulator over HTTP (OAuth, search
 * criteria) and the partners land in a real database (PGlite and the PostgreSQL server).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { createShopwareAdapter } from '../src/adapters/shopware/adapter.ts';
import type { ShopwareCustomer } from '../src/adapters/shopware/shopware-types.ts';
import { runImport } from '../src/import/import-service.ts';
import { type ShopwareSimulator, startShopwareSimulator } from '../src/simulators/shopware/simulator.ts';
import { COUNTRY_LIST } from '../src/simulators/shopware/simulator-catalog.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { setPartnerStatus } from '../src/storage/partner-write-store.ts';
import {
  addShopwareChannel,
  anytime,
  byExternalId,
  importRequest,
  lastTransfer,
  testAdapters,
} from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const isoOf = new Map(COUNTRY_LIST.map((country) => [country.id, country.iso]));

/** Company data as the spec reads it: the customer's company, else a business account's billing address company. */
function companyOf(customer: ShopwareCustomer): string | null {
  const billing = customer.addresses?.find((address) => address.id === customer.defaultBillingAddressId);
  return customer.company ?? (customer.accountType === 'business' ? (billing?.company ?? null) : null);
}

function expectedPhones(customer: ShopwareCustomer): string[] {
  const rank = (id: string) =>
    id === customer.defaultBillingAddressId ? 0 : id === customer.defaultShippingAddressId ? 1 : 2;
  const ordered = [...(customer.addresses ?? [])].sort((a, b) => rank(a.id) - rank(b.id));
  const phones: string[] = [];
  for (const address of ordered) {
    const phone = address.phoneNumber;
    if (phone && !phones.some((known) => known.replace(/\s/g, '') === phone.replace(/\s/g, '')))
      phones.push(phone);
  }
  return phones;
}

describeEachDb('Import customers from Shopware 6', (getDb) => {
  let sim: ShopwareSimulator;
  let db: Db;
  const deps = () => ({ db: getDb(), adapters: testAdapters });

  beforeAll(async () => {
    sim = await startShopwareSimulator({ customers: 120, seed: 17, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function addChannel(name: string, type: string, customerApproval = false) {
    db = getDb();
    await addShopwareChannel(db, sim, name, { type, customerApproval });
  }

  it('imports every customer with its data, type and status; guests too; nothing changes on a re-import', async () => {
    await addChannel('shop', 'b2b-b2c');
    const run = await runImport(deps(), anytime('shop'));
    const customers = sim.store.list();
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: customers.length, errors: 0 });

    const linked = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop');
    let b2b = 0;
    let guests = 0;
    for (const customer of customers) {
      const partner = linked.get(customer.id);
      expect(partner, `customer ${customer.customerNumber}`).toBeDefined();
      if (!partner) continue;
      if (customer.guest) guests += 1;
      const company = companyOf(customer);
      const type = company ? 'B2B' : 'B2C';
      if (type === 'B2B') b2b += 1;
      expect(partner).toMatchObject({ type, status: type === 'B2B' ? 'Blocked' : 'Released' });
      if (customer.guest) continue; // guests may share a partner (same e-mail) once the engine links them
      expect(partner).toMatchObject({
        email: customer.email,
        firstName: customer.firstName,
        lastName: customer.lastName,
        company,
        taxId: customer.vatIds?.[0] ?? null,
        phones: expectedPhones(customer),
      });
      const addresses = customer.addresses ?? [];
      expect(partner.addresses).toHaveLength(addresses.length);
      for (const address of addresses) {
        expect(partner.addresses).toContainEqual({
          street: [address.street, address.additionalAddressLine1].filter(Boolean).join(', '),
          postalCode: address.zipcode,
          city: address.city,
          country: isoOf.get(address.countryId),
          region: null,
          defaultBilling: address.id === customer.defaultBillingAddressId,
          defaultShipping: address.id === customer.defaultShippingAddressId,
        });
      }
    }
    expect(b2b).toBeGreaterThan(0);
    expect(b2b).toBeLessThan(customers.length);
    expect(guests).toBeGreaterThan(0);

    const again = await runImport(deps(), anytime('shop'));
    expect(again.counts).toMatchObject({
      read: customers.length,
      created: 0,
      updated: 0,
      unchanged: customers.length,
    });
    expect(byExternalId(await listPartners(db, { channel: 'shop' }), 'shop').size).toBe(customers.length);
  });

  it('picks up exactly the new and changed customers with Last transfer, never-changed ones included', async () => {
    await addChannel('shop', 'b2b-b2c');
    const first = await runImport(deps(), lastTransfer('shop'));
    expect(first.counts.created).toBeGreaterThan(0);
    expect((await runImport(deps(), lastTransfer('shop'))).counts).toMatchObject({ created: 0, updated: 0 });

    const customers = sim.store.list().filter((customer) => !customer.guest);
    const neverChanged = customers.find(
      (customer) => customer.updatedAt === null && companyOf(customer) === null,
    )!;
    const business = customers.find((customer) => companyOf(customer) !== null)!;
    const other = customers.find(
      (customer) => customer.id !== neverChanged.id && customer.id !== business.id,
    )!;
    const before = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop');
    // A user releases the B2B partner by hand; imports never touch a status.
    await setPartnerStatus(db, before.get(business.id)!.number, 'Released');

    sim.store.update(neverChanged.id, {
      company: 'Nowak Consulting sp. z o.o.',
      accountType: 'business',
      vatIds: ['PL5260250995'],
    });
    sim.store.update(business.id, { firstName: 'Zoë' });
    sim.store.update(other.id, {
      addresses: [
        {
          street: 'Rue de Rivoli 12',
          zipcode: '75001',
          city: 'Paris',
          country: 'FR',
          phoneNumber: '+33 1 42 60 30 30',
        },
      ],
    });
    const created = sim.store.create({
      email: 'ingrid.sorensen@example.dk',
      firstName: 'Ingrid',
      lastName: 'Sørensen',
      addresses: [
        {
          street: 'Nørregade 7',
          zipcode: '1165',
          city: 'København',
          country: 'DK',
          firstName: 'Ingrid',
          lastName: 'Sørensen',
        },
      ],
    });

    const second = await runImport(deps(), lastTransfer('shop'));
    expect(second.state).toBe('finished');
    expect(second.counts).toMatchObject({ created: 1, updated: 3, errors: 0 });

    const after = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop');
    expect(after.get(neverChanged.id)).toMatchObject({
      type: 'B2C',
      status: 'Released',
      company: 'Nowak Consulting sp. z o.o.',
      taxId: 'PL5260250995',
    });
    expect(after.get(business.id)).toMatchObject({ type: 'B2B', status: 'Released', firstName: 'Zoë' });
    expect(after.get(other.id)!.addresses).toContainEqual(
      expect.objectContaining({
        street: 'Rue de Rivoli 12',
        city: 'Paris',
        country: 'FR',
        postalCode: '75001',
      }),
    );
    expect(after.get(other.id)!.phones).toContain('+33 1 42 60 30 30');
    expect(after.get(created.id)).toMatchObject({
      type: 'B2C',
      status: 'Released',
      lastName: 'Sørensen',
      email: 'ingrid.sorensen@example.dk',
    });
  });

  it('gives B2B channels B2B partners, Blocked unless Customer approval releases them', async () => {
    await addChannel('b2b', 'b2b');
    await addChannel('b2b-approved', 'b2b', true);
    await addChannel('b2c', 'b2c');
    for (const name of ['b2b', 'b2b-approved', 'b2c']) await runImport(deps(), anytime(name));
    const statuses = async (channel: string) =>
      new Set((await listPartners(db, { channel })).map((partner) => `${partner.type}/${partner.status}`));
    expect(await statuses('b2b')).toEqual(new Set(['B2B/Blocked']));
    expect(await statuses('b2b-approved')).toEqual(new Set(['B2B/Released']));
    expect(await statuses('b2c')).toEqual(new Set(['B2C/Released']));
  });

  it('fails clearly and moves no watermark with a wrong secret; the secret is in no message', async () => {
    db = getDb();
    await addShopwareChannel(db, sim, 'wrong', {
      settings: { clientId: sim.integration.clientId, clientSecret: 'not-the-secret-0815' },
    });
    const run = await runImport(deps(), lastTransfer('wrong'));
    expect(run.state).toBe('failed');
    expect(run.error?.code).toBe('CHANNEL_AUTH_FAILED');
    expect(run.error?.message).not.toContain('not-the-secret-0815');
    expect((await findChannelByName(db, 'wrong'))!.watermark).toBeNull();
  });
});

describeEachDb('Import customers from Shopware 6 with broken records', (getDb) => {
  let sim: ShopwareSimulator;
  beforeAll(async () => {
    sim = await startShopwareSimulator({ customers: 80, seed: 5, brokenShare: 0.06 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('logs and skips broken customers (invalid e-mail), holds countries without ISO code for confirmation', async () => {
    const db = getDb();
    await addShopwareChannel(db, sim, 'shop', { type: 'b2c' });
    const run = await runImport({ db, adapters: testAdapters }, importRequest('shop'));
    expect(run.state).toBe('finished');
    const log = await getRunLog(db, run.id);
    const noted = (level: string, code: string) =>
      new Set(
        log.filter((line) => line.level === level && line.code === code).map((line) => line.externalId),
      );
    const broken = (kind: string) => new Set([...sim.broken].filter(([, k]) => k === kind).map(([id]) => id));
    expect(broken('email').size + broken('country').size).toBe(sim.broken.size);
    expect(noted('error', 'INVALID_EMAIL')).toEqual(broken('email'));
    expect(noted('awaiting', 'UNKNOWN_COUNTRY')).toEqual(broken('country'));
    expect(run.counts.errors).toBe(broken('email').size);
  });

  it('refuses a customer whose addresses arrive malformed and keeps the addresses stored for its partner', async () => {
    const db = getDb();
    await addShopwareChannel(db, sim, 'shop', { type: 'b2c' });
    await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    const target = sim.store
      .list()
      .find(
        (customer) =>
          !customer.guest && !sim.broken.has(customer.id) && (customer.addresses ?? []).length > 0,
      )!;
    const stored = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop').get(
      target.id,
    )!.addresses;
    expect(stored.length).toBeGreaterThan(0);

    for (const corrupt of [
      (record: Record<string, unknown>) => {
        record.addresses = 'not-a-list';
      },
      (record: Record<string, unknown>) => {
        const [first] = record.addresses as Record<string, unknown>[];
        Object.assign(first as Record<string, unknown>, { street: { line: 'x' }, country: null });
      },
    ]) {
      sim.store.update(target.id, { firstName: `${target.firstName} ` });
      const run = await runImport(
        { db, adapters: corruptingAdapters(target.id, corrupt) },
        lastTransfer('shop'),
      );
      expect(run.state).toBe('finished');
      const log = await getRunLog(db, run.id);
      expect(log).toContainEqual(
        expect.objectContaining({ level: 'error', code: 'INVALID_RECORD', externalId: target.id }),
      );
      const partner = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop').get(target.id)!;
      expect(partner.addresses).toEqual(stored);
    }
  });
});

/** The test adapters, with Shopware's search answers changed by `corrupt` for the customer `id`. */
function corruptingAdapters(id: string, corrupt: (record: Record<string, unknown>) => void) {
  const shopware = createShopwareAdapter({
    http: {
      retry: { retries: 1, backoffBaseMs: 1 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).includes('/api/search/customer')) return response;
        const body = (await response.json()) as { data: Record<string, unknown>[] };
        for (const record of body.data) if (record.id === id) corrupt(record);
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      },
    },
  });
  return createAdapterRegistry([shopware]);
}
