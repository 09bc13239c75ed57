/**
 * Decides, for one page read from a channel, what happens to every record: create a partner, update the
 * linked one, leave it unchanged, or log it as not imported. Pure: the storage writes the plan as a whole.
 */

import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';
import { customerErrors } from '../domain/customer-checks.ts';
import type { PartnerStatus, PartnerType } from '../domain/partner.ts';
import type { StatusPolicy } from '../domain/partner-rules.ts';
import { partnerStatusAtCreation, partnerTypeAtCreation } from '../domain/partner-rules.ts';
import type { ChannelType } from '../domain/sales-channel.ts';
import { customerFingerprint } from './fingerprint.ts';
import { type RunCounts, type RunLogLine, ZERO_COUNTS } from './run-types.ts';

export interface ExistingLink {
  externalId: string;
  partnerId: number;
  fingerprint: string;
}

export interface PlannedCreate {
  customer: ChannelCustomer;
  fingerprint: string;
  type: PartnerType;
  status: PartnerStatus;
}

export interface PlannedUpdate {
  customer: ChannelCustomer;
  fingerprint: string;
  partnerId: number;
}

export interface PagePlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  counts: RunCounts;
  log: RunLogLine[];
  /** Change times of records not imported (errors): the watermark must not pass the oldest. */
  heldBack: string[];
  /** Change times of every record read, for the watermark. */
  seen: string[];
}

export interface PlanContext {
  channelType: ChannelType;
  statusPolicy: StatusPolicy;
}

/** The last occurrence of each external id wins (a shop may return a record twice across a change). */
function lastOfEach(customers: ChannelCustomer[]): ChannelCustomer[] {
  const byId = new Map<string, ChannelCustomer>();
  for (const customer of customers) byId.set(customer.externalId, customer);
  return [...byId.values()];
}

export function planPage(
  customers: ChannelCustomer[],
  rejected: RejectedRecord[],
  existing: ReadonlyMap<string, ExistingLink>,
  context: PlanContext,
): PagePlan {
  const plan: PagePlan = {
    creates: [],
    updates: [],
    counts: { ...ZERO_COUNTS },
    log: [],
    heldBack: [],
    seen: [],
  };
  plan.counts.read = customers.length + rejected.length;

  for (const record of rejected) {
    plan.counts.errors += 1;
    plan.log.push({
      level: 'error',
      externalId: record.externalId,
      code: record.code,
      message: record.message,
    });
    if (record.updatedAt) {
      plan.heldBack.push(record.updatedAt);
      plan.seen.push(record.updatedAt);
    }
  }

  for (const customer of lastOfEach(customers)) {
    const errors = customerErrors(customer);
    if (errors.length > 0) {
      plan.counts.errors += 1;
      for (const error of errors)
        plan.log.push({ level: 'error', externalId: customer.externalId, ...error });
      if (!Number.isNaN(Date.parse(customer.updatedAt))) {
        plan.heldBack.push(customer.updatedAt);
        plan.seen.push(customer.updatedAt);
      }
      continue;
    }
    plan.seen.push(customer.updatedAt);
    const fingerprint = customerFingerprint(customer);
    const link = existing.get(customer.externalId);
    if (!link) {
      const type = partnerTypeAtCreation(context.channelType, customer);
      const status = partnerStatusAtCreation(type, context.statusPolicy);
      plan.creates.push({ customer, fingerprint, type, status });
      plan.counts.created += 1;
    } else if (link.fingerprint === fingerprint) {
      plan.counts.unchanged += 1;
    } else {
      plan.updates.push({ customer, fingerprint, partnerId: link.partnerId });
      plan.counts.updated += 1;
    }
  }
  return plan;
}
