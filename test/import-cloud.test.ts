/**
 * Import customers end to end from Cloud channels: the configurable adapter reads two differently shaped
 * simulated APIs over HTTP (the Kontor cloud shape with cursor paging and only url + token configured; a
 * legacy shop API with page numbers, an API key header, unix times and its own field mapping) into a real
 * database (PGlite and the PostgreSQL server).
 */
import { afterEach, expect, it } from 'vitest';
import { createCloudAdapter } from '../src/adapters/cloud/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import type { Partner } from '../src/domain/partner.ts';
import { runImport } from '../src/import/import-service.ts';
import { type CloudSimulator, startCloudSimulator } from '../src/simulators/cloud/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { anytime, lastTransfer } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = createAdapterRegistry([
  createCloudAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
]);

// biome-ignore lint/suspicious/noExplicitAny: items of two API shapes, read as the API sends them
type Raw = Record<string, any>;

/** The partner data a Kontor-shape item gives (docs/protocols/cloud.md, default mapping). */
function fromKontor(raw: Raw) {
  return {
    email: raw.email,
    firstName: raw.firstName,
    lastName: raw.lastName,
    company: raw.company?.name ?? null,
    taxId: raw.company?.vatId ?? null,
    phones: raw.phones,
    websites: raw.website ? [raw.website] : [],
    addresses: raw.addresses.map((a: Raw) => ({
      street: a.street2 ? `${a.street}, ${a.street2}` : a.street,
      postalCode: a.postalCode,
      city: a.city,
      country: a.country,
      region: a.region,
      defaultBilling: a.defaultBilling,
      defaultShipping: a.defaultShipping,
    })),
    contacts: [],
    salesTaxClassification: null,
    salesRepresentative: null,
  };
}

/** The partner data a legacy item gives with the legacy mapping (docs/adapters/cloud.md). */
function fromLegacy(raw: Raw) {
  const phones: string[] = [];
  for (const { number } of raw.contact.phone_numbers)
    if (!phones.some((p) => p.replace(/ /g, '') === number.replace(/ /g, ''))) phones.push(number);
  return {
    email: raw.mail,
    firstName: raw.first_name,
    lastName: raw.last_name,
    company: raw.org?.name ?? null,
    taxId: raw.org?.tax_number || null,
    phones,
    websites: raw.contact.homepage ? [raw.contact.homepage] : [],
    addresses: raw.addresses.map((a: Raw) => ({
      street: a.line2 ? `${a.line1}, ${a.line2}` : a.line1,
      postalCode: a.zip,
      city: a.town,
      country: a.country_code.toUpperCase(),
      region: a.state || null,
      defaultBilling: a.kind === 'billing',
      defaultShipping: a.ships_here === 1,
    })),
  };
}

function byExternalId(partners: Partner[]): Map<string, Partner> {
  return new Map(
    partners.flatMap((partner) => partner.links.map((link) => [link.externalId, partner] as const)),
  );
}

describeEachDb('Import customers from Cloud channels', (getDb) => {
  const sims: CloudSimulator[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
  });
  let db: Db;

  async function start(flavour: 'kontor' | 'legacy', clock?: () => Date) {
    const sim = await startCloudSimulator({
      flavour,
      customers: 70,
      seed: 21,
      brokenShare: 0,
      guestShare: 0,
      clock,
    });
    sims.push(sim);
    return sim;
  }

  async function addChannel(
    name: string,
    sim: CloudSimulator,
    extra: { type?: string; customerApproval?: boolean; settings?: Record<string, string> } = {},
  ) {
    db = getDb();
    await new ChannelService(db, adapters).add({
      name,
      adapter: 'cloud',
      type: extra.type ?? 'b2b-b2c',
      url: sim.url,
      settings: { ...sim.channelSettings, ...extra.settings },
      customerApproval: extra.customerApproval ?? false,
      pseudoPartnerNumber: null,
    });
  }

  it('imports a Kontor-shape API configured with only its URL and token: every field, types and statuses, nothing twice', async () => {
    const sim = await start('kontor');
    expect(Object.keys(sim.channelSettings)).toEqual(['token']);
    await addChannel('cloud', sim);
    const run = await runImport({ db, adapters }, anytime('cloud'));
    expect(run.counts).toMatchObject({ read: 70, created: 70, errors: 0 });
    const partners = byExternalId(await listPartners(db, { channel: 'cloud' }));
    const raws = sim.store.list() as Raw[];
    for (const raw of raws) {
      const b2b = raw.company !== null;
      expect(partners.get(raw.id), raw.id).toMatchObject({
        type: b2b ? 'B2B' : 'B2C',
        status: b2b ? 'Blocked' : 'Released',
        ...fromKontor(raw),
      });
    }
    expect(raws.some((raw) => raw.company !== null) && raws.some((raw) => raw.company === null)).toBe(true);
    const again = await runImport({ db, adapters }, anytime('cloud'));
    expect(again.counts).toMatchObject({ read: 70, created: 0, updated: 0, unchanged: 70 });
  });

  it('imports a legacy page-numbered API through its settings and mapping: every field', async () => {
    const sim = await start('legacy');
    await addChannel('legacy', sim, { type: 'b2c' });
    const run = await runImport({ db, adapters }, anytime('legacy'));
    expect(run.counts).toMatchObject({ read: 70, created: 70, errors: 0 });
    const requests = sim.requests.filter((r) => r.path === '/rest/customers');
    expect(requests.map((r) => r.query)).toContain('sort=modified&per_page=25&page=3');
    const partners = byExternalId(await listPartners(db, { channel: 'legacy' }));
    for (const raw of sim.store.list() as Raw[])
      expect(partners.get(String(raw.customer_no)), String(raw.customer_no)).toMatchObject({
        type: 'B2C',
        status: 'Released',
        ...fromLegacy(raw),
      });
  });

  it('picks up exactly the changed customers with Last transfer, in both shapes', async () => {
    let now = new Date('2025-09-01T10:00:00Z');
    for (const flavour of ['kontor', 'legacy'] as const) {
      const sim = await start(flavour, () => now);
      await addChannel(flavour, sim, { type: 'b2b', customerApproval: true });
      await runImport({ db, adapters }, lastTransfer(flavour));
      now = new Date(now.getTime() + 3_600_000);
      const [a, b] = sim.store.byId().map((item) => item.id);
      const rename =
        flavour === 'kontor'
          ? (raw: Raw) => (raw.lastName = 'Grünewald')
          : (raw: Raw) => (raw.last_name = 'Grünewald');
      sim.store.change(a as string, rename);
      sim.store.change(b as string, rename);
      const run = await runImport({ db, adapters }, lastTransfer(flavour));
      expect(run.counts, flavour).toMatchObject({ created: 0, updated: 2, errors: 0 });
      const partners = byExternalId(await listPartners(db, { channel: flavour }));
      expect(partners.get(a as string)).toMatchObject({
        type: 'B2B',
        status: 'Released',
        lastName: 'Grünewald',
      });
      expect(partners.get(b as string)?.lastName).toBe('Grünewald');
    }
  });

  it('without a changed-since parameter reads everything but imports only the changes; refuses an unsorted API', async () => {
    let now = new Date('2025-09-01T10:00:00Z');
    const sim = await start('legacy', () => now);
    await addChannel('unfiltered', sim, { settings: { changedSinceParam: 'none' } });
    await runImport({ db, adapters }, lastTransfer('unfiltered'));
    now = new Date('2025-09-02T10:00:00Z');
    const id = sim.store.byId()[3]?.id as string;
    sim.store.change(id, (raw) => (raw.mail = 'neu@example.de'));
    const run = await runImport({ db, adapters }, lastTransfer('unfiltered'));
    // All 70 were fetched; the changed one and the newest before it (the watermark's overlap) were kept.
    expect(run.counts).toMatchObject({ read: 2, created: 0, updated: 1, errors: 0 });
    expect(sim.requests.at(-1)?.query).not.toContain('modified_since');

    await addChannel('unsorted', sim, { settings: { extraQuery: '' } });
    const refused = await runImport({ db, adapters }, anytime('unsorted'));
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('CLOUD_NOT_SORTED');
    expect(refused.error?.message).toContain('extraQuery');
  });
});
