/**
 * What a match puts into a page plan (import/page-plan.ts, docs/import-rules.md "Matching"): the run log line
 * of a record matched to an existing partner, by a rule or by a user, and the hold for review of a record that
 * several partners match (MATCH_AMBIGUOUS).
 */

import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { type CheckFinding, customerWarnings } from '../domain/customer-checks.ts';
import type { RunLogLine } from '../domain/import-run.ts';
import type { MatchRule } from '../domain/match-rules.ts';
import type { Messages } from '../domain/messages/messages.ts';
import type { PagePlan } from '../domain/page-plan.ts';
import type { MatchFound } from './match-finder.ts';
import { keep, logFindings } from './page-plan-findings.ts';

export function matchedLine(
  externalId: string,
  matched: Extract<MatchFound, { kind: 'one' }>,
  messages: Messages,
): RunLogLine {
  if (matched.rule === 'user')
    return {
      level: 'info',
      externalId,
      code: 'LINKED_BY_USER',
      message: messages.say('LINKED_BY_USER', { partner: matched.number }),
    };
  return {
    level: 'info',
    externalId,
    code: 'MATCHED_EXISTING',
    message: messages.say('MATCHED_EXISTING', {
      partner: matched.number,
      rule: ruleWord(matched.rule, messages),
      key: matched.key ?? '',
    }),
  };
}

function ruleWord(rule: MatchRule, messages: Messages): string {
  return messages.say(`match.${rule}`, {});
}

/** Several partners match: the record waits for a user's decision (records link or records create-new). */
export function holdForReview(
  plan: PagePlan,
  customer: ChannelCustomer,
  match: Extract<MatchFound, { kind: 'ambiguous' }>,
  messages: Messages,
): void {
  const numbers = match.candidates.map((candidate) => candidate.number);
  const finding: CheckFinding = {
    code: 'MATCH_AMBIGUOUS',
    message: messages.say('MATCH_AMBIGUOUS', {
      count: numbers.length,
      rule: ruleWord(match.rule, messages),
      key: match.key,
      partners: numbers.join(', '),
    }),
  };
  // Its other warnings are shown with it (another partner's e-mail is what the review is about).
  const warnings = customerWarnings(customer, { emailTakenBy: null }, messages);
  const findings = [finding, ...warnings];
  plan.counts.awaiting += 1;
  logFindings(plan, 'awaiting', customer.externalId, findings);
  keep(plan, customer, 'warning', findings);
  const kept = plan.kept[plan.kept.length - 1];
  if (kept) kept.candidates = numbers;
  plan.seen.push(customer.updatedAt);
}
