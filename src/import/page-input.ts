/**
 * The look-ups a page plan needs (DESIGN: the same for the run and its preview): the channel links of the
 * page's records and, for records that would get a new partner, the partners that already have their e-mail.
 */
import type { CustomerPage } from '../adapters/adapter.ts';
import { keysOfRule, matchKeys } from '../domain/match-keys.ts';
import type { MatchRule } from '../domain/match-rules.ts';
import type { EmailOwner, ExistingLink, MatchCandidate } from '../domain/page-plan.ts';
import type { Queryable } from '../storage/db.ts';
import { findMatchCandidates, keyUnkeyedPartners } from '../storage/partner-match-store.ts';
import { findEmailOwners, findLinks } from '../storage/partner-write-store.ts';
import type { PageInput } from './page-plan.ts';

export interface PartnerLookups {
  links(externalIds: readonly string[]): Promise<Map<string, ExistingLink>>;
  /** Partners by lower-case e-mail, lowest id first. */
  emailOwners(emails: readonly string[]): Promise<Map<string, EmailOwner[]>>;
  /** Partners that have any of these normalised keys (matching), in one look-up. */
  matchCandidates(keys: ReadonlyArray<{ rule: MatchRule; key: string }>): Promise<MatchCandidate[]>;
}

/**
 * The look-ups in the partner master as it is stored (inside the page's transaction for a run). Before the
 * first look-up of candidates, partners without keys (from before matching, or written by hand) get them,
 * unless `readOnly` (a preview writes nothing: it does not see such partners as candidates).
 */
export function storedLookups(
  db: Queryable,
  channelId: number,
  options: { readOnly?: boolean } = {},
): PartnerLookups {
  return {
    links: (externalIds) => findLinks(db, channelId, externalIds),
    emailOwners: (emails) => findEmailOwners(db, channelId, emails),
    matchCandidates: async (keys) => {
      if (keys.length === 0) return [];
      if (!options.readOnly) await keyUnkeyedPartners(db);
      return await findMatchCandidates(db, channelId, keys);
    },
  };
}

export async function lookUpPage(
  lookups: PartnerLookups,
  part: Pick<CustomerPage, 'customers' | 'rejected'>,
  matchRules: readonly MatchRule[] = [],
): Promise<PageInput> {
  const ids = part.customers.map((customer) => customer.externalId);
  const existing = await lookups.links(ids);
  // E-mail owners matter only for records that would get a new partner (duplicates, guests).
  const emails = part.customers.flatMap((customer) =>
    customer.email && !existing.has(customer.externalId) ? [customer.email] : [],
  );
  // Match keys of registered customers without a link in this channel (guests keep their own rule).
  const keys = part.customers.flatMap((customer) => {
    if (matchRules.length === 0 || customer.guest || existing.has(customer.externalId)) return [];
    const all = matchKeys(customer);
    return matchRules.flatMap((rule) => keysOfRule(all, rule).map((key) => ({ rule, key })));
  });
  return {
    customers: part.customers,
    rejected: part.rejected,
    existing,
    emailOwners: await lookups.emailOwners(emails),
    candidates: await lookups.matchCandidates(keys),
  };
}
