/**
 * Finds the existing partner a customer without a link matches (docs/import-rules.md "Matching"): the channel's
 * rules in their order; the first rule that has candidates decides. A candidate has the type the customer's
 * partner would get, is not linked to the channel yet (that partner has another customer of it) and was not
 * matched by an earlier record of the page. One candidate: the match; several: a review. Pure.
 */
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { keysOfRule, matchKeys } from '../domain/match-keys.ts';
import type { MatchRule } from '../domain/match-rules.ts';
import type { MatchCandidate } from '../domain/page-plan.ts';
import type { PartnerType } from '../domain/partner.ts';

export type MatchFound =
  | { kind: 'one'; rule: MatchRule | 'user'; partnerId: number; number: string; key: string | null }
  | { kind: 'ambiguous'; rule: MatchRule; key: string; candidates: MatchCandidate[] };

export function findMatch(
  customer: ChannelCustomer,
  type: PartnerType,
  rules: readonly MatchRule[],
  candidates: readonly MatchCandidate[],
  claimed: ReadonlySet<number>,
): MatchFound | null {
  const keys = matchKeys(customer);
  for (const rule of rules) {
    const wanted = new Set(keysOfRule(keys, rule));
    const byPartner = new Map<number, MatchCandidate>();
    for (const candidate of candidates) {
      if (candidate.rule !== rule || !wanted.has(candidate.key)) continue;
      if (candidate.type !== type || candidate.inChannel || claimed.has(candidate.partnerId)) continue;
      if (!byPartner.has(candidate.partnerId)) byPartner.set(candidate.partnerId, candidate);
    }
    const found = [...byPartner.values()].sort((a, b) => a.partnerId - b.partnerId);
    const first = found[0];
    if (first === undefined) continue;
    if (found.length === 1)
      return { kind: 'one', rule, partnerId: first.partnerId, number: first.number, key: first.key };
    return { kind: 'ambiguous', rule, key: first.key, candidates: found };
  }
  return null;
}
