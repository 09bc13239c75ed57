/**
 * How a page plan (import/page-plan.ts) writes down what it found of a record: its findings as run log lines,
 * the record kept as an open record with them, a change time that holds the watermark back, and the records
 * changed after the read began (FUTURE_CHANGE_TIME).
 */

import type { ChannelCustomer } from '../domain/channel-customer.ts';
import type { CheckFinding } from '../domain/customer-checks.ts';
import type { RunLogLine } from '../domain/import-run.ts';
import type { Messages } from '../domain/messages/messages.ts';
import type { KeptRecord } from '../domain/open-record.ts';
import type { PagePlan } from '../domain/page-plan.ts';

/** Records changed after the read began: imported as usual, but the watermark stops at the read's start. */
export function logFutureTimes(
  plan: PagePlan,
  customers: readonly ChannelCustomer[],
  readStartedAt: string,
  messages: Messages,
): void {
  const present = Date.parse(readStartedAt);
  for (const customer of customers) {
    if (!(Date.parse(customer.updatedAt) > present)) continue;
    plan.log.push({
      level: 'warning',
      externalId: customer.externalId,
      code: 'FUTURE_CHANGE_TIME',
      message: messages.say('FUTURE_CHANGE_TIME', { changedAt: customer.updatedAt, readStartedAt }),
    });
  }
}

export function keep(
  plan: PagePlan,
  customer: ChannelCustomer,
  level: KeptRecord['level'],
  findings: readonly CheckFinding[],
): void {
  plan.kept.push({
    externalId: customer.externalId,
    email: customer.email,
    level,
    codes: findings.map((finding) => finding.code),
    message: findings.map((finding) => finding.message).join(' '),
    data: { kind: 'mapped', customer },
    changedAt: readableTime(customer.updatedAt),
  });
}

export function readableTime(value: string | null): string | null {
  if (value === null || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

export function hold(plan: PagePlan, updatedAt: string): void {
  plan.heldBack.push(updatedAt);
  plan.seen.push(updatedAt);
}

export function logFindings(
  plan: PagePlan,
  level: RunLogLine['level'],
  externalId: string | null,
  findings: readonly CheckFinding[],
): void {
  for (const finding of findings)
    plan.log.push({ level, externalId, code: finding.code, message: finding.message });
}
