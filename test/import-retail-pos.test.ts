/**
 * Import customers end to end from Comarch Retail POS: the adapter reads the simulated head office over HTTP
 * (throttled below its rate limit) and the partners land in a real database (PGlite and the PostgreSQL
 * server). Store customers are B2C; company customers are B2B in a B2B & B2C channel.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PosCustomer } from '../src/adapters/retail-pos/pos-types.ts';
import { runImport } from '../src/import/import-service.ts';
import { type RetailPosSimulator, startRetailPosSimulator } from '../src/simulators/retail-pos/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import {
  anytime,
  byExternalId,
  createChannel,
  importRequest,
  lastTransfer,
  testAdapters,
} from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

async function addChannel(db: Db, sim: RetailPosSimulator, name: string, type: string, settings = {}) {
  await createChannel(db, testAdapters, {
    name,
    adapter: 'retail-pos',
    type,
    url: sim.url,
    settings: { apiKey: sim.apiKey, pageSize: '40', ...settings },
  });
}

function expectedPartner(customer: PosCustomer) {
  const company = customer.type === 'company' ? customer.companyName : null;
  return {
    type: company ? 'B2B' : 'B2C',
    status: company ? 'Blocked' : 'Released',
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
    company,
    taxId: customer.taxId,
    phones: [...new Set([customer.phone, customer.mobilePhone].filter((phone) => phone !== null))],
    websites: [],
    contacts: [],
    addresses: customer.address
      ? [
          {
            street: customer.address.street,
            postalCode: customer.address.postalCode,
            city: customer.address.city,
            country: customer.address.countryCode,
            region: null,
            defaultBilling: true,
            defaultShipping: true,
          },
        ]
      : [],
    links: [expect.objectContaining({ channel: 'pos', externalId: customer.customerId, active: true })],
  };
}

describeEachDb('Import customers from Retail POS', (getDb) => {
  let now = new Date('2025-08-01T10:00:00.000Z');
  let sim: RetailPosSimulator;
  const deps = () => ({ db: getDb(), adapters: testAdapters });

  beforeAll(async () => {
    sim = await startRetailPosSimulator({ customers: 100, seed: 31, brokenShare: 0, clock: () => now });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('creates one partner per store customer with its data (B2B for company customers), and nothing on a re-import', async () => {
    const db = getDb();
    await addChannel(db, sim, 'pos', 'b2b-b2c');
    const customers = sim.store.list();
    const run = await runImport(deps(), anytime('pos'));
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: customers.length, created: customers.length, errors: 0 });
    const partners = byExternalId(await listPartners(db, { channel: 'pos' }), 'pos');
    expect(partners.size).toBe(customers.length);
    for (const customer of customers)
      expect(partners.get(customer.customerId)).toMatchObject(expectedPartner(customer));
    const types = new Set([...partners.values()].map((partner) => partner.type));
    expect(types).toEqual(new Set(['B2B', 'B2C']));
    expect(customers.some((customer) => customer.email === null)).toBe(true);

    const again = await runImport(deps(), anytime('pos'));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: customers.length });
  });

  it('gives a B2C channel B2C partners only, also for company customers', async () => {
    const db = getDb();
    await addChannel(db, sim, 'pos', 'b2c', {
      apiKey: '',
      username: sim.user.username,
      password: sim.user.password,
    });
    await runImport(deps(), anytime('pos'));
    const partners = await listPartners(db, { channel: 'pos' });
    expect(new Set(partners.map((p) => `${p.type}/${p.status}`))).toEqual(new Set(['B2C/Released']));
    expect(partners.some((partner) => partner.company !== null)).toBe(true);
  });

  it('imports exactly the new and changed customers with Last transfer; a new card changes nothing visible', async () => {
    const db = getDb();
    await addChannel(db, sim, 'pos', 'b2b-b2c');
    now = new Date('2025-08-01T10:00:00.000Z');
    const first = await runImport(deps(), lastTransfer('pos'));
    expect(first.counts.created).toBe(sim.store.size);

    now = new Date('2025-08-02T15:30:00.456Z');
    const [moved, carded] = sim.store.list();
    sim.store.change(moved!.customerId, (customer) => {
      customer.address = {
        street: 'ul. Floriańska 15',
        postalCode: '31-019',
        city: 'Kraków',
        countryCode: 'PL',
      };
      customer.email = 'nowy.adres@example.pl';
    });
    sim.store.change(carded!.customerId, (customer) => {
      customer.loyaltyCards = customer.loyaltyCards.map((card) => ({ ...card, status: 'replaced' as const }));
    });
    const created = sim.store.create({
      ...sim.store.list()[2]!,
      firstName: 'Ingrid',
      lastName: 'Sørensen',
      email: null,
    });

    const second = await runImport(deps(), lastTransfer('pos'));
    // Read again: the three changed, and what the 60 s overlap before the watermark holds (unchanged).
    expect(second.counts).toMatchObject({ created: 1, updated: 1, errors: 0 });
    expect(second.counts.unchanged).toBeGreaterThanOrEqual(1);
    expect(second.watermarkAfter).toBe('2025-08-02T15:30:00.456Z');
    const partners = byExternalId(await listPartners(db, { channel: 'pos' }), 'pos');
    expect(partners.get(moved!.customerId)).toMatchObject({
      email: 'nowy.adres@example.pl',
      addresses: [expect.objectContaining({ city: 'Kraków', country: 'PL' })],
    });
    expect(partners.get(created.customerId)).toMatchObject({ firstName: 'Ingrid', email: null });
  });

  it('refuses By email (Retail POS cannot select by e-mail) and a B2B channel', async () => {
    const db = getDb();
    await addChannel(db, sim, 'pos', 'b2c');
    await expect(runImport(deps(), importRequest('pos', { emails: ['a@b.de'] }))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(addChannel(db, sim, 'pos-b2b', 'b2b')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describeEachDb('Import customers from Retail POS with broken records', (getDb) => {
  let sim: RetailPosSimulator;
  beforeAll(async () => {
    sim = await startRetailPosSimulator({ customers: 80, seed: 6, brokenShare: 0.06 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('logs customers typed wrongly at the till; a country that is no ISO code waits for confirmation', async () => {
    const db = getDb();
    await addChannel(db, sim, 'pos', 'b2c');
    const run = await runImport({ db, adapters: testAdapters }, importRequest('pos'));
    expect(run.state).toBe('finished');
    const log = await getRunLog(db, run.id);
    const wrongEmail = [...sim.broken].filter(([, kind]) => kind === 'email').map(([id]) => id);
    const wrongCountry = [...sim.broken].filter(([, kind]) => kind === 'country').map(([id]) => id);
    expect(wrongEmail.length).toBeGreaterThan(0);
    expect(wrongCountry.length).toBeGreaterThan(0);
    expect(run.counts.errors).toBe(wrongEmail.length);
    for (const id of wrongEmail)
      expect(log.filter((line) => line.externalId === id).map((line) => line.code)).toEqual([
        'INVALID_EMAIL',
      ]);
    for (const id of wrongCountry)
      expect(log).toContainEqual(expect.objectContaining({ externalId: id, code: 'UNKNOWN_COUNTRY' }));

    const confirmed = await runImport({ db, adapters: testAdapters }, anytime('pos'));
    expect(confirmed.counts.errors).toBe(wrongEmail.length);
    const partners = byExternalId(await listPartners(db, { channel: 'pos' }), 'pos');
    expect(partners.size).toBe(sim.store.size - wrongEmail.length);
    for (const id of wrongCountry)
      expect(partners.get(id)?.addresses[0]?.country).toBe(sim.store.get(id)!.address!.countryCode);
  });
});
