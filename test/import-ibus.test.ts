/**
 * Import customers end to end from IBUS: the adapter reads the simulated bus over HTTP and the partners
 * land in a real database (PGlite and the PostgreSQL server). IBUS channels are B2B only; customers entered
 * in Comarch Mobile arrive only after the device synchronized.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createIbusAdapter } from '../src/adapters/ibus/adapter.ts';
import type { IbusCustomer } from '../src/adapters/ibus/ibus-types.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { runImport } from '../src/import/import-service.ts';
import { ibusConnection } from '../src/simulators/ibus/harness.ts';
import { type IbusSimulator, startIbusSimulator } from '../src/simulators/ibus/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { ENTERED_ON_DEVICE } from './support/ibus-customers.ts';
import { anytime, byExternalId, createChannel, lastTransfer } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = createAdapterRegistry([
  createIbusAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
]);

/** The partner fields a bus customer must give (the mapping rules of docs/adapters/ibus.md). */
function expectedFields(customer: IbusCustomer) {
  const first = (type: string) => customer.addresses.findIndex((a) => a.type === type);
  const billing = first('invoice') >= 0 ? first('invoice') : first('main');
  const shipping = first('delivery') >= 0 ? first('delivery') : first('main');
  const classification = { DOMESTIC: 'domestic', EU: 'eu', THIRD_COUNTRY: 'third-country' };
  return {
    type: 'B2B',
    status: 'Blocked',
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
    company: customer.name,
    taxId: customer.tin,
    phones: [
      ...new Set(
        customer.communication.filter((c) => c.type === 'phone' || c.type === 'mobile').map((c) => c.value),
      ),
    ],
    websites: customer.communication.filter((c) => c.type === 'url').map((c) => c.value),
    addresses: customer.addresses.map((a, index) => ({
      street: a.street2 ? `${a.street}, ${a.street2}` : a.street,
      postalCode: a.postalCode,
      city: a.city,
      country: a.countryCode,
      region: a.region,
      defaultBilling: index === billing,
      defaultShipping: index === shipping,
    })),
    contacts: customer.contactPersons.map((p) => ({
      name: [p.firstName, p.lastName].filter(Boolean).join(' '),
      function: p.occupation,
      email: p.email,
      phone: p.phone,
    })),
    salesTaxClassification:
      customer.salesTaxClassification && classification[customer.salesTaxClassification],
    salesRepresentative: customer.salesRepresentative?.code ?? null,
  };
}

describeEachDb('Import customers from IBUS', (getDb) => {
  let sim: IbusSimulator;
  let now: Date;
  let db: Db;

  beforeEach(async () => {
    now = new Date('2025-08-01T08:00:00.000Z');
    sim = await startIbusSimulator({ customers: 60, pending: 2, seed: 4, brokenShare: 0, clock: () => now });
  });
  afterEach(async () => {
    await sim?.close();
  });

  async function addChannel(name: string, extra: { type?: string; customerApproval?: boolean } = {}) {
    db = getDb();
    await createChannel(db, adapters, {
      name,
      adapter: 'ibus',
      type: extra.type ?? 'b2b',
      ...ibusConnection(sim),
      customerApproval: extra.customerApproval ?? false,
    });
  }

  it('imports every synchronized customer as a Blocked B2B partner with all its data, and nothing twice', async () => {
    await addChannel('mobile');
    const run = await runImport({ db, adapters }, anytime('mobile'));
    const customers = sim.store.list();
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: 60, created: 60, errors: 0 });
    const partners = byExternalId(await listPartners(db, { channel: 'mobile' }), 'mobile');
    expect(partners.size).toBe(60);
    for (const customer of customers)
      expect(partners.get(customer.id), customer.id).toMatchObject(expectedFields(customer));
    // The sample covers what matters: owners and plain companies, contact persons, websites, every classification.
    expect(customers.some((c) => c.firstName === null)).toBe(true);
    expect(customers.some((c) => c.contactPersons.length > 1)).toBe(true);
    expect(customers.some((c) => c.communication.some((x) => x.type === 'url'))).toBe(true);
    const classifications = new Set(customers.map((c) => c.salesTaxClassification));
    for (const code of ['DOMESTIC', 'EU', 'THIRD_COUNTRY']) expect(classifications).toContain(code);

    const again = await runImport({ db, adapters }, anytime('mobile'));
    expect(again.counts).toMatchObject({ read: 60, created: 0, updated: 0, unchanged: 60 });
    expect(await listPartners(db, { channel: 'mobile' })).toHaveLength(60);
  });

  it('imports a customer entered in Comarch Mobile only after the device synchronized', async () => {
    await addChannel('mobile');
    await runImport({ db, adapters }, lastTransfer('mobile'));
    sim.store.enterOnDevice(ENTERED_ON_DEVICE);
    const edited = sim.store.list()[5] as IbusCustomer;
    sim.store.editOnDevice('MOB-TABLET-17', edited.id, (c) => (c.email = 'einkauf@example.de'));

    now = new Date('2025-08-01T09:00:00.000Z');
    const before = await runImport({ db, adapters }, lastTransfer('mobile'));
    expect(before.counts).toMatchObject({ created: 0, updated: 0 });

    now = new Date('2025-08-01T10:00:00.000Z');
    const synced = sim.store.sync('MOB-TABLET-17');
    expect(synced).toHaveLength(2);
    const after = await runImport({ db, adapters }, lastTransfer('mobile'));
    expect(after.counts).toMatchObject({ created: 1, updated: 1, errors: 0 });
    const partners = byExternalId(await listPartners(db, { channel: 'mobile' }), 'mobile');
    expect(partners.get(edited.id)?.email).toBe('einkauf@example.de');
    const created = partners.get(synced.find((id) => id !== edited.id) as string);
    expect(created).toMatchObject({
      type: 'B2B',
      status: 'Blocked',
      firstName: 'Jędrzej',
      lastName: 'Wójcik',
      email: 'biuro@wojcik-hurt.pl',
      company: 'Hurtownia Wójcik Sp. z o.o.',
      taxId: 'PL5260250995',
      phones: ['+48 22 123 45 67', '+48 601 234 567'],
      websites: ['https://www.wojcik-hurt.pl', 'https://sklep.wojcik-hurt.pl'],
      addresses: [
        {
          street: 'ul. Marszałkowska 84, lok. 5',
          postalCode: '00-514',
          city: 'Warszawa',
          country: 'PL',
          region: 'mazowieckie',
          defaultBilling: false,
          defaultShipping: false,
        },
        {
          street: 'ul. Magazynowa 3',
          postalCode: '05-800',
          city: 'Pruszków',
          country: 'PL',
          region: null,
          defaultBilling: false,
          defaultShipping: true,
        },
        {
          street: 'Friedrichstraße 10',
          postalCode: '10117',
          city: 'Berlin',
          country: 'DE',
          region: 'Berlin',
          defaultBilling: true,
          defaultShipping: false,
        },
      ],
      contacts: [
        {
          name: 'Agnieszka Nowak',
          function: 'Kierownik zakupów',
          email: 'a.nowak@wojcik-hurt.pl',
          phone: '+48 602 111 222',
        },
        { name: 'Zieliński', function: null, email: null, phone: null },
      ],
      salesTaxClassification: 'eu',
      salesRepresentative: 'SR-02',
    });
    // The other representative's device has not synchronized: its customers stay invisible.
    expect(sim.store.pending()).toHaveLength(2);
    expect(partners.size).toBe(61);
  });

  it('picks up exactly the changed customers with Last transfer; status and type stay', async () => {
    await addChannel('mobile', { customerApproval: true });
    await runImport({ db, adapters }, lastTransfer('mobile'));
    const [a, b] = sim.store.list() as [IbusCustomer, IbusCustomer];
    now = new Date('2025-08-02T08:00:00.000Z');
    sim.store.change(a.id, (c) => {
      c.salesTaxClassification = 'THIRD_COUNTRY';
      c.contactPersons = [
        { id: 9, firstName: 'Lena', lastName: 'Berg', occupation: 'Buyer', email: null, phone: null },
      ];
    });
    sim.store.change(b.id, (c) => (c.tin = 'DE811569869'));
    const run = await runImport({ db, adapters }, lastTransfer('mobile'));
    // Read: the two changed customers, and the newest one again from the watermark's overlap (unchanged).
    expect(run.counts).toMatchObject({ created: 0, updated: 2, errors: 0 });
    const partners = byExternalId(await listPartners(db, { channel: 'mobile' }), 'mobile');
    expect(partners.get(a.id)).toMatchObject({
      type: 'B2B',
      status: 'Released',
      salesTaxClassification: 'third-country',
      contacts: [{ name: 'Lena Berg', function: 'Buyer', email: null, phone: null }],
    });
    expect(partners.get(b.id)?.taxId).toBe('DE811569869');
  });

  it('serves only B2B channels: Released with Customer approval, a B2C channel is refused', async () => {
    await addChannel('approved', { customerApproval: true });
    await runImport({ db, adapters }, anytime('approved'));
    const statuses = new Set(
      (await listPartners(db, { channel: 'approved' })).map((p) => `${p.type}/${p.status}`),
    );
    expect(statuses).toEqual(new Set(['B2B/Released']));
    await expect(addChannel('shop', { type: 'b2c' })).rejects.toThrow('serves only B2B channels, not B2C');
    await expect(addChannel('mixed', { type: 'b2b-b2c' })).rejects.toThrow('serves only B2B channels');
  });
});
