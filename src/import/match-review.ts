/**
 * The review of matches (docs/import-rules.md "Matching"): a user's decision on a kept record that waits for
 * it (MATCH_AMBIGUOUS), or on any record kept with warnings: link it to a chosen existing partner
 * (`records link`), or import it as a new partner (`records create-new`). The record is imported from the kept
 * mapped record with its warnings confirmed, in the action's import run; the decision is the page plan's
 * `decisions` (page-plan.ts), written by the page writer like every import.
 */
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import type { MatchDecision } from '../domain/page-plan.ts';
import { partnerTypeAtCreation } from '../domain/partner-rules.ts';
import type { SalesChannel } from '../domain/sales-channel.ts';
import type { Queryable } from '../storage/db.ts';
import type { KeptOpenRecord } from '../storage/open-record-store.ts';
import { findLinkTarget } from '../storage/partner-match-store.ts';
import { findLinks } from '../storage/partner-write-store.ts';

/** What a user asks for one kept record. */
export type ReviewChoice = { kind: 'link'; partner: string } | { kind: 'new' };

/** The kept customer a decision can import, or why not. */
export function reviewable(
  id: string,
  kept: KeptOpenRecord | undefined,
  channel: string,
): { customer: ChannelCustomer } | { refusal: string } {
  if (!kept) return { refusal: `No record with external id ${id} is kept for sales channel "${channel}".` };
  if (kept.state !== 'open') return { refusal: `Customer ${id} is ${kept.state}, not open.` };
  if (kept.level === 'error')
    return {
      refusal: `Customer ${id} has errors (${kept.codes.join(', ')}) and cannot be imported: fix it in the shop and retry, or ignore it.`,
    };
  if (kept.data.kind !== 'mapped') return { refusal: `No mapped record of customer ${id} is kept.` };
  return { customer: kept.data.customer };
}

/**
 * The decision for a customer, checked against the partner master: a partner to link must exist, have the type
 * the customer's partner would get (a match never crosses B2B and B2C) and not be linked to the channel yet (no
 * two customers of one channel share a partner); a customer already linked needs no decision.
 */
export async function decide(
  db: Queryable,
  channel: SalesChannel,
  customer: ChannelCustomer,
  choice: ReviewChoice,
): Promise<{ decision: MatchDecision } | { refusal: string }> {
  const id = customer.externalId;
  const link = (await findLinks(db, channel.id, [id])).get(id);
  if (link)
    return {
      refusal: `Customer ${id} is linked to a partner already; it needs no decision (confirm or retry it).`,
    };
  if (choice.kind === 'new') return { decision: { kind: 'new' } };
  const target = await findLinkTarget(db, channel.id, choice.partner);
  if (!target) return { refusal: `There is no partner with number ${choice.partner}.` };
  if (target.mergedInto !== null)
    return {
      refusal: `Partner ${target.number} was merged into partner ${target.mergedInto}: link customer ${id} to that one.`,
    };
  const type = partnerTypeAtCreation(channel.type, customer);
  if (target.type !== type)
    return {
      refusal: `Partner ${target.number} is ${target.type}, but customer ${id} of sales channel "${channel.name}" is ${type}: a match never crosses B2B and B2C.`,
    };
  if (target.linkedAs !== null)
    return {
      refusal: `Partner ${target.number} is linked to sales channel "${channel.name}" already (customer ${target.linkedAs}): two customers of one channel never share a partner.`,
    };
  return { decision: { kind: 'link', partnerId: target.partnerId, number: target.number } };
}
