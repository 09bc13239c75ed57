/** The partner master as the Sales channel partners cockpit, the API and `kontor partners` read it. */
import { NotFoundError } from '../domain/errors.ts';
import type { Partner } from '../domain/partner.ts';
import { findChannelByName } from '../storage/channel-store.ts';
import type { Queryable } from '../storage/db.ts';
import { getPartner } from '../storage/partner-read-store.ts';
import { listMatchingPartners, type PartnerSearch, searchPartners } from '../storage/partner-search-store.ts';

export class PartnerService {
  constructor(private readonly db: Queryable) {}

  /** One page of the partners that match, with the total. */
  async search(filter: PartnerSearch): Promise<{ total: number; items: Partner[] }> {
    return await searchPartners(this.db, filter);
  }

  /** Every partner that matches, ordered by number; a sales channel named in the filter must exist. */
  async listMatching(filter: Omit<PartnerSearch, 'limit' | 'offset'>): Promise<Partner[]> {
    if (filter.channel !== undefined && !(await findChannelByName(this.db, filter.channel)))
      throw new NotFoundError('Sales channel', filter.channel);
    return await listMatchingPartners(this.db, filter);
  }

  async get(number: string): Promise<Partner | null> {
    return await getPartner(this.db, number);
  }
}
