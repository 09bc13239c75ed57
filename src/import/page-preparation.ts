/**
 * Prepares a page as soon as it is read ahead (customer-facts.ts). On a PostgreSQL server it first asks, on a
 * connection of its own and outside the page transactions, which records are unchanged (their link's
 * fingerprint), so that only the others get their rows worked out ahead, while the page before is in the
 * database. The plan looks the links up again in its page's transaction, so a hint that is out of date (or
 * missing: a failed look-up is passed over) costs time, never correctness. PGlite runs every statement on one
 * connection in this thread, where nothing overlaps: there the rows are worked out when they are written.
 */
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import type { ChannelType } from '../domain/sales-channel.ts';
import type { Db } from '../storage/db.ts';
import { findLinks } from '../storage/partner-write-store.ts';
import { prepareCustomers } from './customer-facts.ts';

export async function preparePage(
  db: Db,
  channel: { id: number; type: ChannelType },
  customers: readonly ChannelCustomer[],
): Promise<void> {
  const links =
    db.kind === 'postgres' && customers.length > 0
      ? await findLinks(
          db,
          channel.id,
          customers.map((customer) => customer.externalId),
        ).catch(() => null)
      : null;
  prepareCustomers(customers, channel.type, (customer, facts) => {
    if (links === null) return db.kind === 'postgres';
    const link = links.get(customer.externalId);
    return !(link?.active && link.fingerprint === facts.fingerprint);
  });
}
