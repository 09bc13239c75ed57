/**
 * Import customers end to end: the Magento adapter reads the simulator over HTTP and the partners land
 * in a real database (PGlite and the PostgreSQL server).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listOpenRecords } from '../src/storage/open-record-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { setPartnerStatus } from '../src/storage/partner-write-store.ts';
import {
  addMagentoChannel,
  anytime,
  byExternalId,
  lastTransfer,
  testAdapters,
} from './support/import-fixtures.ts';
import { MagentoRest, type RawMagentoCustomer } from './support/magento-rest.ts';
import { describeEachDb } from './support/test-databases.ts';

type Simulator = Awaited<ReturnType<typeof startMagentoSimulator>>;

function companyOf(customer: RawMagentoCustomer): string | null {
  const billing =
    customer.addresses.find((a) => String(a.id) === customer.default_billing) ?? customer.addresses[0];
  const company = billing?.company?.trim();
  return company ? company : null;
}

describeEachDb('Import customers from Magento', (getDb) => {
  let sim: Simulator;
  let rest: MagentoRest;
  let db: Db;
  const deps = () => ({ db: getDb(), adapters: testAdapters });

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 120, seed: 7, brokenShare: 0 });
    rest = new MagentoRest(sim.url, sim.token);
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function addChannel(
    name: string,
    type: string,
    extra: { customerApproval?: boolean; token?: string; url?: string } = {},
  ) {
    db = getDb();
    await addMagentoChannel(db, sim, name, {
      type,
      url: extra.url ?? sim.url,
      settings: { token: extra.token ?? sim.token },
      customerApproval: extra.customerApproval ?? false,
    });
  }

  it('creates exactly one partner per customer with the right type, status and data, and nothing on a re-import', async () => {
    await addChannel('shop', 'b2b-b2c');
    const run = await runImport(deps(), anytime('shop'));
    const customers = await rest.all();
    expect(run.state).toBe('finished');
    expect(run.counts).toMatchObject({ read: customers.length, created: customers.length, errors: 0 });

    const partners = await listPartners(db, { channel: 'shop' });
    expect(partners).toHaveLength(customers.length);
    const linked = byExternalId(partners, 'shop');
    let b2b = 0;
    for (const customer of customers) {
      const partner = linked.get(String(customer.id));
      expect(partner, `customer ${customer.id}`).toBeDefined();
      if (!partner) continue;
      const company = companyOf(customer);
      const expectedType = company ? 'B2B' : 'B2C';
      if (expectedType === 'B2B') b2b += 1;
      expect(partner).toMatchObject({
        type: expectedType,
        status: expectedType === 'B2B' ? 'Blocked' : 'Released',
        email: customer.email,
        firstName: [customer.firstname, customer.middlename].filter(Boolean).join(' '),
        lastName: customer.lastname,
        company,
      });
      expect(partner.addresses).toHaveLength(customer.addresses.length);
      customer.addresses.forEach((address, index) => {
        expect(partner.addresses[index]).toMatchObject({
          postalCode: address.postcode,
          city: address.city,
          country: address.country_id,
          defaultBilling: String(address.id) === customer.default_billing,
          defaultShipping: String(address.id) === customer.default_shipping,
        });
        expect(partner.addresses[index]?.street).toContain(address.street[0]);
      });
      const phones = [...new Set(customer.addresses.map((a) => a.telephone).filter(Boolean))];
      expect(partner.phones).toEqual(phones);
      expect(partner.links).toEqual([
        expect.objectContaining({
          channel: 'shop',
          externalId: String(customer.id),
          active: true,
          deletedAt: null,
        }),
      ]);
    }
    expect(b2b).toBeGreaterThan(0);
    expect(b2b).toBeLessThan(customers.length);

    const again = await runImport(deps(), anytime('shop'));
    expect(again.counts).toMatchObject({
      read: customers.length,
      created: 0,
      updated: 0,
      unchanged: customers.length,
    });
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(customers.length);
  });

  it('picks up exactly the new and changed customers with Last transfer; types and statuses stay', async () => {
    await addChannel('shop', 'b2b-b2c');
    const first = await runImport(deps(), lastTransfer('shop'));
    expect(first.counts.created).toBeGreaterThan(0);
    expect(first.watermarkAfter).not.toBeNull();
    const nothing = await runImport(deps(), lastTransfer('shop'));
    expect(nothing.counts).toMatchObject({ created: 0, updated: 0 });

    const customers = await rest.all();
    const b2c = customers.find((c) => companyOf(c) === null && c.addresses.length > 0)!;
    const b2bCustomer = customers.find((c) => companyOf(c) !== null)!;
    const plain = customers.find((c) => c.id !== b2c.id && c.id !== b2bCustomer.id)!;
    const partnersBefore = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop');
    // A user releases the B2B partner by hand; imports must never touch a status.
    await setPartnerStatus(db, partnersBefore.get(String(b2bCustomer.id))!.number, 'Released');

    await rest.change(b2c.id, (c) => ({
      ...c,
      lastname: `${c.lastname}-Nowak`,
      addresses: c.addresses.map((a) => ({
        ...a,
        company: 'Nowak Consulting sp. z o.o.',
        vat_id: 'PL5260250995',
      })),
    }));
    await rest.change(b2bCustomer.id, (c) => ({ ...c, firstname: 'Zoë' }));
    await rest.change(plain.id, (c) => ({
      ...c,
      addresses: [
        ...c.addresses,
        {
          street: ['Rue de Rivoli 12'],
          city: 'Paris',
          postcode: '75001',
          country_id: 'FR',
          telephone: '+33 1 42 60 30 30',
          firstname: c.firstname,
          lastname: c.lastname,
        },
      ],
    }));
    const created = await rest.create({
      email: 'ingrid.sorensen@example.dk',
      firstname: 'Ingrid',
      lastname: 'Sørensen',
      addresses: [
        {
          firstname: 'Ingrid',
          lastname: 'Sørensen',
          street: ['Nørregade 7'],
          city: 'København',
          postcode: '1165',
          country_id: 'DK',
          telephone: '+45 33 12 34 56',
          default_billing: true,
          default_shipping: true,
        },
      ],
    });

    const second = await runImport(deps(), lastTransfer('shop'));
    expect(second.state).toBe('finished');
    expect(second.counts).toMatchObject({ created: 1, updated: 3, errors: 0 });

    const after = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop');
    expect(after.size).toBe(customers.length + 1);
    const nowCompany = after.get(String(b2c.id))!;
    expect(nowCompany.type).toBe('B2C');
    expect(nowCompany.status).toBe('Released');
    expect(nowCompany.lastName).toBe(`${b2c.lastname}-Nowak`);
    expect(nowCompany.company).toBe('Nowak Consulting sp. z o.o.');
    expect(after.get(String(b2bCustomer.id))).toMatchObject({
      type: 'B2B',
      status: 'Released',
      firstName: 'Zoë',
    });
    expect(after.get(String(plain.id))!.addresses.at(-1)).toMatchObject({
      city: 'Paris',
      country: 'FR',
      postalCode: '75001',
    });
    expect(after.get(String(created.id))).toMatchObject({
      type: 'B2C',
      status: 'Released',
      lastName: 'Sørensen',
    });
  });

  it('gives B2B channels B2B partners, Blocked unless Customer approval releases them', async () => {
    await addChannel('b2b', 'b2b');
    await addChannel('b2b-approved', 'b2b', { customerApproval: true });
    await addChannel('b2c', 'b2c');
    for (const name of ['b2b', 'b2b-approved', 'b2c']) await runImport(deps(), anytime(name));
    const statuses = async (channel: string) =>
      new Set((await listPartners(db, { channel })).map((p) => `${p.type}/${p.status}`));
    expect(await statuses('b2b')).toEqual(new Set(['B2B/Blocked']));
    expect(await statuses('b2b-approved')).toEqual(new Set(['B2B/Released']));
    expect(await statuses('b2c')).toEqual(new Set(['B2C/Released']));
  });

  it('fails with a clear message and moves no watermark when the shop is unreachable or the token is wrong', async () => {
    await addChannel('shop', 'b2b-b2c');
    await runImport(deps(), anytime('shop'));
    const watermark = (await findChannelByName(db, 'shop'))!.watermark;
    expect(watermark).not.toBeNull();

    await addChannel('wrong-token', 'b2c', { token: 'not-the-token' });
    const refused = await runImport(deps(), lastTransfer('wrong-token'));
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('CHANNEL_AUTH_FAILED');
    expect(refused.error?.message).not.toContain('not-the-token');
    expect((await findChannelByName(db, 'wrong-token'))!.watermark).toBeNull();

    await addChannel('gone', 'b2c', { url: 'http://127.0.0.1:9' });
    const unreachable = await runImport(deps(), lastTransfer('gone'));
    expect(unreachable.state).toBe('failed');
    expect(unreachable.error?.message).toMatch(/127\.0\.0\.1/);
    expect((await findChannelByName(db, 'gone'))!.watermark).toBeNull();
    expect(await listPartners(db, { channel: 'gone' })).toEqual([]);
    expect((await findChannelByName(db, 'shop'))!.watermark).toBe(watermark);
  });
});

describeEachDb('Import customers with broken records', (getDb) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 80, seed: 11, brokenShare: 0.05 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('logs and skips broken customers, imports the rest, keeps them open, and moves the watermark on', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c' });
    const run = await runImport({ db, adapters: testAdapters }, anytime('shop'));
    const rest = await new MagentoRest(sim.url, sim.token).all();
    expect(run.state).toBe('finished');
    expect(run.counts.errors).toBeGreaterThan(0);
    expect(run.counts.created + run.counts.errors).toBe(rest.length);
    const log = await getRunLog(db, run.id);
    const failedIds = new Set(log.filter((line) => line.level === 'error').map((line) => line.externalId));
    expect(failedIds.size).toBe(run.counts.errors);
    for (const line of log) expect(line.message.length).toBeGreaterThan(10);
    const partners = byExternalId(await listPartners(db, { channel: 'shop' }), 'shop');
    for (const customer of rest)
      expect(partners.has(String(customer.id))).toBe(!failedIds.has(String(customer.id)));

    // Every failed record is kept open (docs/import-rules.md "Open records"), so none holds the watermark: it
    // moves to the newest readable change time read.
    const open = await listOpenRecords(db, { channel: 'shop', state: 'open' });
    expect(new Set(open.records.map((record) => record.externalId))).toEqual(failedIds);
    const changeTime = (customer: RawMagentoCustomer) =>
      Date.parse(`${customer.updated_at.replace(' ', 'T')}Z`);
    // Past the newest failed record (it would have stayed at the oldest before records were kept).
    const failedTimes = failed(rest, failedIds)
      .map(changeTime)
      .filter((time) => !Number.isNaN(time) && time < Date.parse(run.startedAt));
    expect(run.watermarkAfter).not.toBeNull();
    expect(Date.parse(run.watermarkAfter!)).toBeGreaterThanOrEqual(Math.max(...failedTimes));
  });
});

function failed(rest: RawMagentoCustomer[], ids: Set<string | null>): RawMagentoCustomer[] {
  return rest.filter((customer) => ids.has(String(customer.id)));
}
