/**
 * Decides, for one page read from a channel, what happens to every record: create a partner, update the
 * linked one, link an occasional customer to a partner the channel already has, leave it unchanged, hold
 * it back until its warnings are confirmed, or log it as not imported. Pure: the storage writes the plan
 * as a whole. The rules are in docs/import-rules.md. How the plan writes down findings, kept records and
 * held-back times is in import/page-plan-findings.ts; what a match puts into it, in
 * import/page-plan-matches.ts.
 */

import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';
import { customerErrors, customerWarnings, THIS_RUN } from '../domain/customer-checks.ts';
import { ZERO_COUNTS } from '../domain/import-run.ts';
import type { MatchRule } from '../domain/match-rules.ts';
import { ENGLISH_MESSAGES, type Messages } from '../domain/messages/messages.ts';
import type {
  EmailOwner,
  ExistingLink,
  MatchCandidate,
  MatchDecision,
  PagePlan,
} from '../domain/page-plan.ts';
import type { StatusPolicy } from '../domain/partner-rules.ts';
import { partnerStatusAtCreation, partnerTypeAtCreation } from '../domain/partner-rules.ts';
import type { ChannelType } from '../domain/sales-channel.ts';
import { customerFingerprint } from './fingerprint.ts';
import { findMatch, type MatchFound } from './match-finder.ts';
import { hold, keep, logFindings, logFutureTimes, readableTime } from './page-plan-findings.ts';
import { holdForReview, matchedLine } from './page-plan-matches.ts';
import { rejectionMessage } from './rejection-message.ts';

export interface PlanContext {
  channelType: ChannelType;
  statusPolicy: StatusPolicy;
  /** The channel's "Use pseudo partner": occasional customers are not created as partners. */
  pseudoPartner: string | null;
  confirmAllWarnings: boolean;
  /** When the run started reading (ISO): change times after it are logged FUTURE_CHANGE_TIME. */
  readStartedAt: string;
  /** The channel's matching rules in their order (none: a customer without a link gets a new partner). */
  matchRules?: readonly MatchRule[];
  /** Users' decisions on records awaiting review, by external id (records link, records create-new). */
  decisions?: ReadonlyMap<string, MatchDecision>;
  /** The messages in the job's content language (default English): the run log is written in it. */
  messages?: Messages;
}

export interface PageInput {
  customers: ChannelCustomer[];
  rejected: RejectedRecord[];
  existing: ReadonlyMap<string, ExistingLink>;
  /** Partners by lower-case e-mail, lowest id first. */
  emailOwners: ReadonlyMap<string, readonly EmailOwner[]>;
  /** Partners that have a normalised key of a record without a link (matching). */
  candidates?: readonly MatchCandidate[];
}

/** The last occurrence of each external id wins (a shop may return a record twice across a change). */
function lastOfEach(customers: ChannelCustomer[]): ChannelCustomer[] {
  const byId = new Map<string, ChannelCustomer>();
  for (const customer of customers) byId.set(customer.externalId, customer);
  return [...byId.values()];
}

export function emptyPlan(): PagePlan {
  return {
    creates: [],
    updates: [],
    links: [],
    counts: { ...ZERO_COUNTS },
    log: [],
    heldBack: [],
    kept: [],
    imported: [],
    seen: [],
    undated: false,
  };
}

export function planPage(input: PageInput, context: PlanContext): PagePlan {
  const plan = emptyPlan();
  plan.counts.read = input.customers.length + input.rejected.length;
  const messages = context.messages ?? ENGLISH_MESSAGES;
  let undated = false;
  for (const raw of input.rejected) {
    const record = { ...raw, message: rejectionMessage(messages, raw) };
    logFindings(plan, 'error', record.externalId, [record]);
    plan.counts.errors += 1;
    if (record.externalId !== null) {
      // Kept as an open record (with the shop's raw record): it no longer holds the watermark.
      plan.kept.push({
        externalId: record.externalId,
        email: record.email ?? null,
        level: 'error',
        codes: [record.code],
        message: record.message,
        data: record.raw === undefined ? { kind: 'none' } : { kind: 'raw', raw: record.raw },
        changedAt: readableTime(record.updatedAt),
      });
      if (record.updatedAt && readableTime(record.updatedAt)) plan.seen.push(record.updatedAt);
    } else if (record.updatedAt) hold(plan, record.updatedAt);
    else undated = true;
  }
  /** E-mails of partners this page creates: lower-case e-mail -> index in plan.creates. */
  const createdEmails = new Map<string, number>();
  /** Records handled without a write of their own (unchanged, pseudo partner): their open records close too. */
  const importedUnchanged: string[] = [];
  /** Existing partners a record of this page was matched or linked to: no second customer gets them. */
  const claimed = new Set<number>();

  for (const customer of lastOfEach(input.customers)) {
    const errors = customerErrors(customer, messages);
    if (errors.length > 0) {
      plan.counts.errors += 1;
      logFindings(plan, 'error', customer.externalId, errors);
      keep(plan, customer, 'error', errors);
      if (readableTime(customer.updatedAt)) plan.seen.push(customer.updatedAt);
      continue;
    }
    const link = input.existing.get(customer.externalId);
    const email = customer.email?.toLowerCase() ?? null;
    const owners = email === null ? [] : (input.emailOwners.get(email) ?? []);

    if (customer.guest && !link && context.pseudoPartner !== null) {
      plan.seen.push(customer.updatedAt);
      plan.counts.skipped += 1;
      importedUnchanged.push(customer.externalId);
      plan.log.push({
        level: 'skipped',
        externalId: customer.externalId,
        code: 'GUEST_PSEUDO_PARTNER',
        message: messages.say('GUEST_PSEUDO_PARTNER', { partner: context.pseudoPartner }),
      });
      continue;
    }
    const fingerprint = customerFingerprint(customer);
    if (customer.guest && !link && email !== null) {
      const owner = owners.find((item) => item.inChannel);
      const createIndex = createdEmails.get(email);
      if (owner || createIndex !== undefined) {
        plan.seen.push(customer.updatedAt);
        plan.links.push({
          customer,
          fingerprint,
          confirmedWarnings: [],
          target: owner ? { partnerId: owner.partnerId } : { createIndex: createIndex as number },
        });
        plan.counts.unchanged += 1;
        plan.log.push({
          level: 'info',
          externalId: customer.externalId,
          code: 'GUEST_LINKED',
          message: owner
            ? messages.say('GUEST_LINKED', { partner: owner.number, email: customer.email ?? '' })
            : messages.say('GUEST_LINKED.created', { email: customer.email ?? '' }),
        });
        continue;
      }
    }

    if (link?.active && link.fingerprint === fingerprint) {
      plan.seen.push(customer.updatedAt);
      plan.counts.unchanged += 1;
      importedUnchanged.push(customer.externalId);
      continue;
    }
    const match = link || customer.guest ? null : matchOf(customer, input, context, claimed);
    if (match?.kind === 'ambiguous') {
      holdForReview(plan, customer, match, messages);
      continue;
    }
    const matched = match?.kind === 'one' ? match : null;
    // Another partner with the e-mail matters when a partner is created; a linked record keeps its partner.
    const takenBy =
      link || matched
        ? null
        : (owners[0]?.number ?? (email !== null && createdEmails.has(email) ? THIS_RUN : null));
    const warnings = customerWarnings(customer, { emailTakenBy: takenBy }, messages).filter(
      (warning) => !link?.confirmedWarnings.includes(warning.code),
    );
    if (warnings.length > 0 && !context.confirmAllWarnings) {
      plan.counts.awaiting += 1;
      logFindings(plan, 'awaiting', customer.externalId, warnings);
      keep(plan, customer, 'warning', warnings);
      plan.seen.push(customer.updatedAt);
      continue;
    }
    plan.seen.push(customer.updatedAt);
    if (warnings.length > 0) {
      plan.counts.warnings += 1;
      logFindings(plan, 'warning', customer.externalId, warnings);
    }
    const confirmed = [...new Set([...(link?.confirmedWarnings ?? []), ...warnings.map((w) => w.code)])];
    if (link) {
      plan.updates.push({ customer, fingerprint, confirmedWarnings: confirmed, partnerId: link.partnerId });
      plan.counts.updated += 1;
    } else if (matched) {
      claimed.add(matched.partnerId);
      const by = matched.rule;
      plan.updates.push({
        customer,
        fingerprint,
        confirmedWarnings: confirmed,
        partnerId: matched.partnerId,
        matched: { by, number: matched.number },
      });
      plan.counts.updated += 1;
      plan.log.push(matchedLine(customer.externalId, matched, messages));
    } else {
      const type = partnerTypeAtCreation(context.channelType, customer);
      const status = partnerStatusAtCreation(type, context.statusPolicy);
      if (email !== null && !createdEmails.has(email)) createdEmails.set(email, plan.creates.length);
      plan.creates.push({ customer, fingerprint, confirmedWarnings: confirmed, type, status });
      plan.counts.created += 1;
    }
  }
  plan.imported = [
    ...plan.creates.map((item) => item.customer.externalId),
    ...plan.updates.map((item) => item.customer.externalId),
    ...plan.links.map((item) => item.customer.externalId),
    ...importedUnchanged,
  ];
  logFutureTimes(plan, input.customers, context.readStartedAt, messages);
  // A failed record without a readable change time holds the watermark at the oldest time of its page.
  const oldest = [...plan.seen].sort()[0];
  if (undated && oldest !== undefined) plan.heldBack.push(oldest);
  plan.undated = undated;
  return plan;
}

/** The match of a registered customer without a link: a user's decision, else the channel's rules. */
function matchOf(
  customer: ChannelCustomer,
  input: PageInput,
  context: PlanContext,
  claimed: Set<number>,
): MatchFound | null {
  const decision = context.decisions?.get(customer.externalId);
  if (decision?.kind === 'new') return null;
  if (decision?.kind === 'link')
    return { kind: 'one', rule: 'user', partnerId: decision.partnerId, number: decision.number, key: null };
  const rules = context.matchRules ?? [];
  if (rules.length === 0) return null;
  const type = partnerTypeAtCreation(context.channelType, customer);
  return findMatch(customer, type, rules, input.candidates ?? [], claimed);
}
