import { describe, expect, it } from 'vitest';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import type { EmailOwner, ExistingLink } from '../domain/page-plan.ts';
import { type PlanContext, planPage } from './page-plan.ts';

const address = {
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
  region: null,
  defaultBilling: true,
  defaultShipping: true,
};

function customer(id: string, overrides: Partial<ChannelCustomer> = {}): ChannelCustomer {
  return {
    externalId: id,
    email: `c${id}@example.com`,
    firstName: 'Anna',
    lastName: `Muster ${id}`,
    company: null,
    taxId: null,
    phones: [],
    websites: [],
    addresses: [address],
    contacts: [],
    salesTaxClassification: null,
    salesRepresentative: null,
    guest: false,
    createdAt: null,
    updatedAt: `2025-01-0${id}T10:00:00.000Z`,
    ...overrides,
  };
}

const context: PlanContext = {
  channelType: 'b2c',
  statusPolicy: { customerApproval: false, alwaysBlocked: false },
  pseudoPartner: null,
  confirmAllWarnings: false,
  readStartedAt: '2030-01-01T00:00:00.000Z',
};

function plan(
  customers: ChannelCustomer[],
  options: {
    existing?: ExistingLink[];
    owners?: Record<string, EmailOwner[]>;
    context?: Partial<PlanContext>;
  } = {},
) {
  return planPage(
    {
      customers,
      rejected: [],
      existing: new Map((options.existing ?? []).map((link) => [link.externalId, link])),
      emailOwners: new Map(Object.entries(options.owners ?? {})),
    },
    { ...context, ...options.context },
  );
}

describe('occasional customers', () => {
  const guest = customer('1', { guest: true, email: 'guest@example.com' });

  it('creates no partner with "Use pseudo partner"; it is counted and logged as skipped', () => {
    const result = plan([guest], { context: { pseudoPartner: '100001' } });
    expect(result.creates).toEqual([]);
    expect(result.counts).toMatchObject({ read: 1, skipped: 1, created: 0 });
    expect(result.log).toEqual([
      expect.objectContaining({ level: 'skipped', code: 'GUEST_PSEUDO_PARTNER', externalId: '1' }),
    ]);
    expect(result.heldBack).toEqual([]);
  });

  it('without it links the guest to the partner the channel already has for the e-mail', () => {
    const owners = {
      'guest@example.com': [
        { partnerId: 7, number: '100007', inChannel: false },
        { partnerId: 9, number: '100009', inChannel: true },
      ],
    };
    const result = plan([{ ...guest, email: 'Guest@Example.com' }], { owners });
    expect(result.creates).toEqual([]);
    expect(result.links).toEqual([expect.objectContaining({ target: { partnerId: 9 } })]);
    expect(result.log[0]).toMatchObject({ level: 'info', code: 'GUEST_LINKED' });
  });

  it('creates one partner for guests of one page with the same e-mail and links the others to it', () => {
    const result = plan([guest, { ...guest, externalId: '2', updatedAt: '2025-01-02T10:00:00.000Z' }]);
    expect(result.creates).toHaveLength(1);
    expect(result.links).toEqual([expect.objectContaining({ target: { createIndex: 0 } })]);
  });
});

describe('warnings', () => {
  it('hold a record back unless confirmed; confirmed codes are remembered on the link', () => {
    const noAddress = customer('1', { addresses: [] });
    const held = plan([noAddress]);
    expect(held.counts).toMatchObject({ awaiting: 1, created: 0 });
    // Kept as an open record with the mapped record: it does not hold the watermark.
    expect(held.heldBack).toEqual([]);
    expect(held.kept).toEqual([
      expect.objectContaining({
        externalId: '1',
        level: 'warning',
        codes: ['NO_ADDRESS'],
        data: { kind: 'mapped', customer: noAddress },
      }),
    ]);
    expect(held.imported).toEqual([]);

    const confirmed = plan([noAddress], { context: { confirmAllWarnings: true } });
    expect(confirmed.creates[0]?.confirmedWarnings).toEqual(['NO_ADDRESS']);
    expect(confirmed.counts).toMatchObject({ warnings: 1, created: 1 });
    expect(confirmed.imported).toEqual(['1']);
    expect(confirmed.kept).toEqual([]);

    const link = {
      externalId: '1',
      partnerId: 3,
      fingerprint: 'old',
      confirmedWarnings: ['NO_ADDRESS'],
      active: true,
    };
    const update = plan([noAddress], { existing: [link] });
    expect(update.counts).toMatchObject({ updated: 1, awaiting: 0, warnings: 0 });
  });

  it('report another partner with the e-mail only when a partner would be created', () => {
    const owners = { 'c1@example.com': [{ partnerId: 5, number: '100005', inChannel: false }] };
    const created = plan([customer('1')], { owners });
    expect(created.log).toEqual([
      expect.objectContaining({
        level: 'awaiting',
        code: 'DUPLICATE_EMAIL',
        message: expect.stringContaining('100005'),
      }),
    ]);
    const link = { externalId: '1', partnerId: 3, fingerprint: 'old', confirmedWarnings: [], active: true };
    expect(plan([customer('1')], { owners, existing: [link] }).counts.updated).toBe(1);
  });
});

describe('deleted accounts', () => {
  it('links a customer read again after its account was deleted actively again, even unchanged', () => {
    const unchanged = customer('1');
    const first = plan([unchanged], { context: { confirmAllWarnings: true } });
    const fingerprint = first.creates[0]?.fingerprint as string;
    const link = { externalId: '1', partnerId: 3, fingerprint, confirmedWarnings: [], active: true };
    expect(plan([unchanged], { existing: [link] }).counts.unchanged).toBe(1);
    expect(plan([unchanged], { existing: [{ ...link, active: false }] }).updates).toHaveLength(1);
  });
});

describe('records without a readable change time', () => {
  it('are kept open with their raw record when they have an id: no hold on the watermark', () => {
    const raw = { id: 9, updated_at: '0000-00-00 00:00:00' };
    const result = planPage(
      {
        customers: [customer('2'), customer('3')],
        rejected: [
          { externalId: '9', code: 'INVALID_DATE', message: 'no date', updatedAt: null, raw, email: 'x@y.z' },
        ],
        existing: new Map(),
        emailOwners: new Map(),
      },
      { ...context, confirmAllWarnings: true },
    );
    expect(result.heldBack).toEqual([]);
    expect(result.undated).toBe(false);
    expect(result.kept).toEqual([
      {
        externalId: '9',
        email: 'x@y.z',
        level: 'error',
        codes: ['INVALID_DATE'],
        message: 'no date',
        data: { kind: 'raw', raw },
        changedAt: null,
      },
    ]);
    expect(result.imported.sort()).toEqual(['2', '3']);
  });

  it('without an id (cannot be kept) hold the watermark at the oldest change time of their page', () => {
    const result = planPage(
      {
        customers: [customer('2'), customer('3')],
        rejected: [{ externalId: null, code: 'INVALID_DATE', message: 'no date', updatedAt: null }],
        existing: new Map(),
        emailOwners: new Map(),
      },
      { ...context, confirmAllWarnings: true },
    );
    expect(result.heldBack).toEqual(['2025-01-02T10:00:00.000Z']);
    expect(result.undated).toBe(true);
    expect(result.kept).toEqual([]);
  });
});
