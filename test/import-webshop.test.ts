/**
 * Import customers end to end from Comarch ERP Webshop (protocol 17): the adapter reads the simulator over
 * HTTP (signed requests) and the partners land in a real database (PGlite and the PostgreSQL server).
 * Protocol 17 is B2B only: every partner is a company with its employees as contacts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { createWebshopAdapter } from '../src/adapters/webshop/adapter.ts';
import type { WebshopCustomer } from '../src/adapters/webshop/webshop-types.ts';
import { runImport } from '../src/import/import-service.ts';
import { startWebshopSimulator, type WebshopSimulator } from '../src/simulators/webshop/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { setPartnerStatus } from '../src/storage/partner-write-store.ts';
import { anytime, byExternalId, createChannel, lastTransfer } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = createAdapterRegistry([
  createWebshopAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
]);

/** The partner the documented mapping (docs/adapters/webshop.md) makes of a webshop company. */
function expectedPartner(customer: WebshopCustomer) {
  const owner = customer.employees?.find((employee) => employee.isMain);
  const phones: string[] = [];
  const seen = new Set<string>();
  const numbers = [
    ...(customer.phones ?? []).filter((phone) => phone.type !== 'fax').map((phone) => phone.number),
    ...(customer.addresses ?? []).map((address) => address.phone),
  ];
  for (const number of numbers) {
    const key = number?.replace(/[\s().\-/]/g, '');
    if (!number || !key || seen.has(key)) continue;
    seen.add(key);
    phones.push(number);
  }
  return {
    type: 'B2B',
    name: customer.name,
    email: customer.email,
    firstName: owner?.firstName ?? null,
    lastName: owner?.lastName ?? null,
    company: customer.name,
    taxId: customer.tin,
    phones,
    websites: [],
    addresses: (customer.addresses ?? []).map((address) => ({
      street: [address.street, address.street2].filter(Boolean).join(', '),
      postalCode: address.postalCode,
      city: address.city,
      country: address.countryCode,
      region: null,
      defaultBilling: address.isDefaultBilling,
      defaultShipping: address.isDefaultDelivery,
    })),
    contacts: (customer.employees ?? [])
      .filter((employee) => employee.active)
      .map((employee) => ({
        name: `${employee.firstName} ${employee.lastName}`,
        function: employee.position,
        email: employee.email,
        phone: employee.phone,
      })),
    salesTaxClassification: null,
    salesRepresentative: null,
  };
}

describeEachDb('Import customers from Comarch ERP Webshop (protocol 17)', (getDb) => {
  let sim: WebshopSimulator;
  let db: Db;
  const deps = () => ({ db: getDb(), adapters });

  beforeAll(async () => {
    sim = await startWebshopSimulator({ customers: 60, seed: 17, brokenShare: 0, deletedShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function addChannel(name: string, extra: { customerApproval?: boolean; type?: string } = {}) {
    db = getDb();
    await createChannel(db, adapters, {
      name,
      adapter: 'webshop',
      type: extra.type ?? 'b2b',
      url: sim.url,
      settings: { shopName: sim.shopName, apiKey: sim.apiKey },
      customerApproval: extra.customerApproval ?? false,
    });
  }

  it('imports every company with its owner, TIN, phones, addresses and employees, Blocked, and nothing twice', async () => {
    await addChannel('webshop');
    const run = await runImport(deps(), anytime('webshop'));
    const customers = sim.store.list();
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: customers.length, created: customers.length, errors: 0 });

    const linked = byExternalId(await listPartners(db, { channel: 'webshop' }), 'webshop');
    expect(linked.size).toBe(customers.length);
    let withContacts = 0;
    let withSeveralAddresses = 0;
    for (const customer of customers) {
      const partner = linked.get(String(customer.id));
      expect(partner, `company ${customer.id}`).toMatchObject({
        ...expectedPartner(customer),
        status: 'Blocked',
      });
      expect(partner?.links).toEqual([
        expect.objectContaining({
          channel: 'webshop',
          externalId: String(customer.id),
          active: true,
          deletedAt: null,
        }),
      ]);
      if ((partner?.contacts.length ?? 0) > 1) withContacts += 1;
      if ((partner?.addresses.length ?? 0) > 1) withSeveralAddresses += 1;
    }
    // The sample covers the interesting cases.
    expect(withContacts).toBeGreaterThan(5);
    expect(withSeveralAddresses).toBeGreaterThan(5);
    expect(customers.some((customer) => customer.addresses === null)).toBe(true);
    expect(customers.some((customer) => customer.phones?.some((phone) => phone.type === 'fax'))).toBe(true);
    expect(customers.some((customer) => customer.employees?.some((employee) => !employee.active))).toBe(true);

    const again = await runImport(deps(), anytime('webshop'));
    expect(again.counts).toMatchObject({
      read: customers.length,
      created: 0,
      updated: 0,
      unchanged: customers.length,
    });
    expect(await listPartners(db, { channel: 'webshop' })).toHaveLength(customers.length);
  });

  it('releases new partners with Customer approval and refuses B2C and B2B & B2C channels', async () => {
    await addChannel('approved', { customerApproval: true });
    await runImport(deps(), anytime('approved'));
    const statuses = new Set(
      (await listPartners(db, { channel: 'approved' })).map((p) => `${p.type}/${p.status}`),
    );
    expect(statuses).toEqual(new Set(['B2B/Released']));
    for (const type of ['b2c', 'b2b-b2c']) {
      await expect(addChannel(`webshop-${type}`, { type })).rejects.toThrow(
        'The Comarch ERP Webshop adapter serves only B2B channels',
      );
    }
  });

  it('picks up exactly the new and changed companies with Last transfer; statuses stay', async () => {
    await addChannel('webshop');
    const first = await runImport(deps(), lastTransfer('webshop'));
    expect(first.counts.created).toBe(sim.store.size);
    expect((await runImport(deps(), lastTransfer('webshop'))).counts).toMatchObject({
      created: 0,
      updated: 0,
    });

    const [renamed, staffed] = sim.store.list();
    const before = byExternalId(await listPartners(db, { channel: 'webshop' }), 'webshop');
    await setPartnerStatus(db, before.get(String(renamed!.id))!.number, 'Released');
    sim.store.change(renamed!.id, (customer) => {
      customer.name = 'Nowak Instalacje Sp. z o.o.';
      customer.tin = 'PL5260250995';
    });
    sim.store.change(staffed!.id, (customer) => {
      customer.employees = [
        ...(customer.employees ?? []),
        {
          id: 99_001,
          firstName: 'Zofia',
          lastName: 'Wiśniewska',
          position: 'Kierownik zakupów',
          email: 'z.wisniewska@example.pl',
          phone: '+48 12 345 67 89',
          isMain: false,
          active: true,
        },
      ];
    });
    const created = sim.store.create({
      name: 'Sørensen Byg ApS',
      tin: 'DK12345678',
      email: 'kontakt@sorensen-byg.dk',
      phones: [{ type: 'phone', number: '+45 33 12 34 56' }],
      addresses: null,
      employees: [
        {
          id: 99_002,
          firstName: 'Ingrid',
          lastName: 'Sørensen',
          position: null,
          email: 'ingrid@sorensen-byg.dk',
          phone: null,
          isMain: true,
          active: true,
        },
      ],
    });

    const second = await runImport(deps(), lastTransfer('webshop'));
    expect(second.state).toBe('finished');
    expect(second.counts).toMatchObject({ created: 1, updated: 2, errors: 0 });
    const after = byExternalId(await listPartners(db, { channel: 'webshop' }), 'webshop');
    expect(after.get(String(renamed!.id))).toMatchObject({
      company: 'Nowak Instalacje Sp. z o.o.',
      taxId: 'PL5260250995',
      status: 'Released',
    });
    expect(after.get(String(staffed!.id))?.contacts.at(-1)).toEqual({
      name: 'Zofia Wiśniewska',
      function: 'Kierownik zakupów',
      email: 'z.wisniewska@example.pl',
      phone: '+48 12 345 67 89',
    });
    expect(after.get(String(created.id))).toMatchObject({
      ...expectedPartner(created),
      status: 'Blocked',
      firstName: 'Ingrid',
      addresses: [],
    });
  });
});
