/**
 * The page plan against any page a shop could send (fast-check): any record is imported (created, updated,
 * linked, unchanged, skipped) or refused with a reason in the log, exactly once; a refused record never
 * reaches a write and holds the watermark back; nothing in a plan removes what is stored (a plan only
 * creates, updates and links); and planning never throws, so the run goes on.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';
import { customerErrors } from '../domain/customer-checks.ts';
import type { EmailOwner, ExistingLink } from '../domain/page-plan.ts';
import { customerFingerprint } from './fingerprint.ts';
import { type PageInput, type PlanContext, planPage } from './page-plan.ts';

const text = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('   '),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Anna', 'Müller GmbH', 'Ørsted', '\u0000', 'a'.repeat(300), '<b>x</b>'),
);
const email = fc.oneof(
  fc.constant(null),
  fc.constantFrom('a@example.com', 'A@Example.com', 'b@example.com', 'not-an-email', '', 'c@example'),
);
const time = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('0000-00-00 00:00:00', 'yesterday', '', '2025-02-30T10:00:00Z'),
);
const address = fc.record({
  street: text,
  postalCode: text,
  city: text,
  country: fc.oneof(fc.constant(null), fc.constantFrom('DE', 'PL', 'XX', 'de', '')),
  region: text,
  defaultBilling: fc.boolean(),
  defaultShipping: fc.boolean(),
});
const id = fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8');
const customer: fc.Arbitrary<ChannelCustomer> = fc.record({
  externalId: id,
  email,
  firstName: text,
  lastName: text,
  company: text,
  taxId: text,
  phones: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
  websites: fc.array(fc.string({ maxLength: 20 }), { maxLength: 1 }),
  addresses: fc.array(address, { maxLength: 3 }),
  contacts: fc.array(fc.record({ name: fc.string({ maxLength: 10 }), function: text, email, phone: text }), {
    maxLength: 2,
  }),
  salesTaxClassification: text,
  salesRepresentative: text,
  guest: fc.boolean(),
  createdAt: fc.oneof(fc.constant(null), time),
  updatedAt: time,
});
const rejected: fc.Arbitrary<RejectedRecord> = fc.record({
  externalId: fc.oneof(fc.constant(null), fc.constantFrom('r1', 'r2', 'r3')),
  code: fc.constantFrom('INVALID_DATE', 'MALFORMED_ADDRESS', 'MISSING_ID'),
  message: fc.string({ minLength: 1, maxLength: 30 }),
  updatedAt: fc.oneof(fc.constant(null), time),
});
const page = fc.record({
  customers: fc.array(customer, { maxLength: 12 }),
  rejected: fc.array(rejected, { maxLength: 4 }),
  linked: fc.uniqueArray(id, { maxLength: 8 }),
  sameFingerprint: fc.boolean(),
  active: fc.boolean(),
  owners: fc.array(fc.constantFrom('a@example.com', 'b@example.com'), { maxLength: 2 }),
});
type GeneratedPage = typeof page extends fc.Arbitrary<infer T> ? T : never;

const context = fc.record({
  channelType: fc.constantFrom('b2c' as const, 'b2b' as const, 'b2b-b2c' as const),
  statusPolicy: fc.record({ customerApproval: fc.boolean(), alwaysBlocked: fc.boolean() }),
  pseudoPartner: fc.oneof(fc.constant(null), fc.constant('P-GUEST')),
  confirmAllWarnings: fc.boolean(),
  readStartedAt: fc.constant('2026-12-01T00:00:00.000Z'),
}) satisfies fc.Arbitrary<PlanContext>;

function inputOf(generated: GeneratedPage): PageInput {
  const latest = new Map(generated.customers.map((c) => [c.externalId, c]));
  const existing = new Map<string, ExistingLink>(
    generated.linked.map((externalId, index) => {
      const current = latest.get(externalId);
      const fingerprint =
        generated.sameFingerprint && current ? customerFingerprint(current) : `old-${externalId}`;
      return [
        externalId,
        { externalId, partnerId: 100 + index, fingerprint, confirmedWarnings: [], active: generated.active },
      ];
    }),
  );
  const emailOwners = new Map<string, EmailOwner[]>(
    generated.owners.map((address, index) => [
      address,
      [{ partnerId: 900 + index, number: `P${index}`, inChannel: index === 0 }],
    ]),
  );
  return { customers: generated.customers, rejected: generated.rejected, existing, emailOwners };
}

it('accounts for every record exactly once, and refused records never reach a write', () => {
  fc.assert(
    fc.property(page, context, (generated, ctx) => {
      const input = inputOf(generated);
      const plan = planPage(input, ctx);
      const distinct = new Map(input.customers.map((c) => [c.externalId, c]));
      const c = plan.counts;
      expect(c.read).toBe(input.customers.length + input.rejected.length);
      expect(c.created + c.updated + c.unchanged + c.skipped + c.errors + c.awaiting).toBe(
        distinct.size + input.rejected.length,
      );
      expect([plan.creates.length, plan.updates.length]).toEqual([c.created, c.updated]);

      const written = [...plan.creates, ...plan.updates, ...plan.links].map((w) => w.customer.externalId);
      expect(new Set(written).size).toBe(written.length);
      for (const [externalId, record] of distinct) {
        const refused = customerErrors(record).length > 0;
        const lines = plan.log.filter((line) => line.externalId === externalId);
        if (refused) {
          expect(written).not.toContain(externalId);
          // Every record not imported is kept as an open record (the last occurrence of its id wins).
          expect(plan.kept.some((kept) => kept.externalId === externalId && kept.level === 'error')).toBe(
            true,
          );
          expect(plan.imported).not.toContain(externalId);
          expect(lines.some((line) => line.level === 'error' && line.message.length > 0)).toBe(true);
        }
        if (!written.includes(externalId) && !refused) {
          // Not written and not an error: unchanged, skipped for the pseudo partner, or awaiting confirmation.
          const unchanged = input.existing.get(externalId)?.active === true;
          expect(unchanged || lines.length > 0).toBe(true);
          const awaiting = lines.some((line) => line.level === 'awaiting');
          // Awaiting: kept open; else handled (unchanged, skipped): its open record closes.
          if (awaiting) expect(plan.kept.some((kept) => kept.externalId === externalId)).toBe(true);
          else expect(plan.imported).toContain(externalId);
        }
        if (written.includes(externalId)) expect(plan.imported).toContain(externalId);
      }
      for (const record of input.rejected) {
        expect(plan.log.some((line) => line.level === 'error' && line.code === record.code)).toBe(true);
        if (record.externalId !== null)
          expect(plan.kept.some((kept) => kept.externalId === record.externalId)).toBe(true);
        else if (record.updatedAt) expect(plan.heldBack).toContain(record.updatedAt);
        else expect(plan.undated).toBe(true);
      }
      // Updates go only to partners linked before; nothing in a plan deletes or unlinks.
      const linkedPartners = new Set([...input.existing.values()].map((link) => link.partnerId));
      for (const update of plan.updates) expect(linkedPartners.has(update.partnerId)).toBe(true);
      expect(Object.keys(plan).sort()).toEqual([
        'counts',
        'creates',
        'heldBack',
        'imported',
        'kept',
        'links',
        'log',
        'seen',
        'undated',
        'updates',
      ]);
    }),
    { numRuns: 400 },
  );
});
