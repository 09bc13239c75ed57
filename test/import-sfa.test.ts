/**
 * Import customers end to end from Comarch SFA: the adapter reads the simulated SFA server over HTTP
 * (OAuth 2.0 client credentials) and the partners land in a real database (PGlite and PostgreSQL). SFA
 * delivers B2B customers entered by sales representatives; a customer entered on a device that has not
 * synchronized yet is not visible, and is imported by the next Last transfer after the synchronization.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { createSfaAdapter } from '../src/adapters/sfa/adapter.ts';
import type { SfaCustomer } from '../src/adapters/sfa/sfa-types.ts';
import { runImport } from '../src/import/import-service.ts';
import { type SfaSimulator, startSfaSimulator } from '../src/simulators/sfa/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { anytime, byExternalId, createChannel, lastTransfer } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = createAdapterRegistry([
  createSfaAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
]);

/** The partner the documented mapping (docs/adapters/sfa.md) makes of an SFA customer. */
function expectedPartner(customer: SfaCustomer) {
  const defaultDelivery = customer.deliveryAddresses.some((address) => address.isDefault);
  const address = (a: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
    country: string | null;
  }) => ({
    street: a.street,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country,
    region: null,
  });
  return {
    type: 'B2B',
    name: customer.name,
    email: customer.email,
    firstName: null,
    lastName: null,
    company: customer.name,
    taxId: customer.taxId,
    phones: [customer.phone, customer.mobile].filter((phone) => phone !== null),
    websites: customer.website === null ? [] : [customer.website],
    addresses: [
      ...(customer.address
        ? [{ ...address(customer.address), defaultBilling: true, defaultShipping: !defaultDelivery }]
        : []),
      ...customer.deliveryAddresses.map((a) => ({
        ...address(a),
        defaultBilling: false,
        defaultShipping: a.isDefault,
      })),
    ],
    contacts: customer.contactPersons.map((person) => ({
      name: `${person.firstName} ${person.lastName}`,
      function: person.position,
      email: person.email,
      phone: person.phone,
    })),
    salesTaxClassification: null,
    salesRepresentative: (customer.owner ?? customer.createdBy)?.code ?? null,
  };
}

describeEachDb('Import customers from Comarch SFA', (getDb) => {
  let sim: SfaSimulator;
  let db: Db;
  const deps = () => ({ db: getDb(), adapters });

  beforeAll(async () => {
    sim = await startSfaSimulator({ customers: 60, seed: 23, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function addChannel(name: string, extra: { customerApproval?: boolean; type?: string } = {}) {
    db = getDb();
    await createChannel(db, adapters, {
      name,
      adapter: 'sfa',
      type: extra.type ?? 'b2b',
      url: sim.url,
      settings: { clientId: sim.clientId, clientSecret: sim.clientSecret },
      customerApproval: extra.customerApproval ?? false,
    });
  }

  it('imports every customer with its representative, addresses and contact persons, Blocked, and nothing twice', async () => {
    await addChannel('sfa');
    const run = await runImport(deps(), anytime('sfa'));
    const customers = sim.store.list();
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: customers.length, created: customers.length, errors: 0 });

    const linked = byExternalId(await listPartners(db, { channel: 'sfa' }), 'sfa');
    expect(linked.size).toBe(customers.length);
    for (const customer of customers) {
      const partner = linked.get(customer.id);
      expect(partner, `customer ${customer.number}`).toMatchObject({
        ...expectedPartner(customer),
        status: 'Blocked',
      });
      expect(partner?.links).toEqual([
        expect.objectContaining({ channel: 'sfa', externalId: customer.id, active: true, deletedAt: null }),
      ]);
    }
    // The sample covers reassigned and unassigned customers, delivery addresses and contact persons.
    expect(customers.some((c) => c.owner !== null && c.owner.code !== c.createdBy?.code)).toBe(true);
    expect(customers.some((c) => c.owner === null)).toBe(true);
    expect(customers.some((c) => c.deliveryAddresses.some((a) => a.isDefault))).toBe(true);
    expect(customers.filter((c) => c.contactPersons.length > 1).length).toBeGreaterThan(5);

    const again = await runImport(deps(), anytime('sfa'));
    expect(again.counts).toMatchObject({
      read: customers.length,
      created: 0,
      updated: 0,
      unchanged: customers.length,
    });
  });

  it('releases new partners with Customer approval and refuses B2C channels', async () => {
    await addChannel('approved', { customerApproval: true });
    await runImport(deps(), anytime('approved'));
    const statuses = new Set(
      (await listPartners(db, { channel: 'approved' })).map((p) => `${p.type}/${p.status}`),
    );
    expect(statuses).toEqual(new Set(['B2B/Released']));
    await expect(addChannel('sfa-b2c', { type: 'b2c' })).rejects.toThrow(
      'The Comarch SFA adapter serves only B2B channels',
    );
  });

  it('imports a customer entered offline only after its device synchronized, and reassignments with Last transfer', async () => {
    await addChannel('sfa');
    const first = await runImport(deps(), lastTransfer('sfa'));
    expect(first.counts.created).toBe(sim.store.size);

    const [rep, other] = sim.store.representatives();
    const entered = sim.store.enterOnDevice(rep!.code, {
      number: 'K/2025/009001',
      name: 'Wiśniewski Hurtownia Sp. z o.o.',
      taxId: 'PL5260250995',
      email: 'biuro@wisniewski-hurt.pl',
      phone: '+48 22 123 45 67',
      mobile: null,
      website: null,
      address: { street: 'ul. Marszałkowska 10', postalCode: '00-590', city: 'Warszawa', country: 'PL' },
      deliveryAddresses: [],
      contactPersons: [
        {
          id: 'c1',
          firstName: 'Zofia',
          lastName: 'Wiśniewska',
          position: 'Zakupy',
          email: null,
          phone: null,
        },
      ],
    });
    const reassigned = sim.store.list()[0]!;
    sim.store.reassign(reassigned.id, other!.code);

    const beforeSync = await runImport(deps(), lastTransfer('sfa'));
    expect(beforeSync.counts).toMatchObject({ created: 0, updated: 1, errors: 0 });
    expect(byExternalId(await listPartners(db, { channel: 'sfa' }), 'sfa').has(entered.id)).toBe(false);
    // Entered before the watermark moved; the server's receipt time at the synchronization is what counts.
    expect(Date.parse(`${entered.enteredAt}Z`)).toBeLessThanOrEqual(Date.parse(beforeSync.watermarkAfter!));

    expect(sim.store.syncDevice(rep!.code)).toEqual([entered.id]);
    const afterSync = await runImport(deps(), lastTransfer('sfa'));
    expect(afterSync.counts).toMatchObject({ created: 1, updated: 0, errors: 0 });
    const partners = byExternalId(await listPartners(db, { channel: 'sfa' }), 'sfa');
    expect(partners.get(entered.id)).toMatchObject({
      ...expectedPartner(sim.store.get(entered.id)!),
      status: 'Blocked',
      salesRepresentative: rep!.code,
    });
    expect(partners.get(reassigned.id)?.salesRepresentative).toBe(other!.code);
  });
});
