/**
 * The look-ups a page plan needs (DESIGN: the same for the run and its preview): the channel links of the
 * page's records and, for records that would get a new partner, the partners that already have their e-mail.
 */
import type { CustomerPage } from '../adapters/adapter.ts';
import type { EmailOwner, ExistingLink } from '../domain/page-plan.ts';
import type { Queryable } from '../storage/db.ts';
import { findEmailOwners, findLinks } from '../storage/partner-write-store.ts';
import type { PageInput } from './page-plan.ts';

export interface PartnerLookups {
  links(externalIds: readonly string[]): Promise<Map<string, ExistingLink>>;
  /** Partners by lower-case e-mail, lowest id first. */
  emailOwners(emails: readonly string[]): Promise<Map<string, EmailOwner[]>>;
}

/** The look-ups in the partner master as it is stored (inside the page's transaction for a run). */
export function storedLookups(db: Queryable, channelId: number): PartnerLookups {
  return {
    links: (externalIds) => findLinks(db, channelId, externalIds),
    emailOwners: (emails) => findEmailOwners(db, channelId, emails),
  };
}

export async function lookUpPage(
  lookups: PartnerLookups,
  part: Pick<CustomerPage, 'customers' | 'rejected'>,
): Promise<PageInput> {
  const ids = part.customers.map((customer) => customer.externalId);
  const existing = await lookups.links(ids);
  // E-mail owners matter only for records that would get a new partner (duplicates, guests).
  const emails = part.customers.flatMap((customer) =>
    customer.email && !existing.has(customer.externalId) ? [customer.email] : [],
  );
  return {
    customers: part.customers,
    rejected: part.rejected,
    existing,
    emailOwners: await lookups.emailOwners(emails),
  };
}
