/** The partner master as the Sales channel partners cockpit, the API and `kontor partners` read and change it. */
import { ConfigError, NotFoundError } from '../domain/errors.ts';
import type { Partner, PartnerStatus } from '../domain/partner.ts';
import type { HistoryEntry, PartnerMerge } from '../domain/partner-history.ts';
import { findChannelByName } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { partnerHistory } from '../storage/partner-history-store.ts';
import { listMerges } from '../storage/partner-merge-store.ts';
import { getPartner } from '../storage/partner-read-store.ts';
import {
  listMatchingPartners,
  type PartnerSearch,
  type PartnerSearchPage,
  searchPartners,
} from '../storage/partner-search-store.ts';
import { setPartnerStatus } from '../storage/partner-write-store.ts';
import { mergeByNumber } from './partner-merge.ts';

export class PartnerService {
  constructor(private readonly db: Db) {}

  /**
   * One page of the partners that match (by offset, or after a partner number), with the total (a lower bound
   * far past the page) and the next page's `after`.
   */
  async search(filter: PartnerSearch): Promise<PartnerSearchPage> {
    return await searchPartners(this.db, filter);
  }

  /** Every partner that matches, ordered by number; a sales channel named in the filter must exist. */
  async listMatching(filter: Omit<PartnerSearch, 'limit' | 'offset' | 'after'>): Promise<Partner[]> {
    if (filter.channel !== undefined && !(await findChannelByName(this.db, filter.channel)))
      throw new NotFoundError('Sales channel', filter.channel);
    return await listMatchingPartners(this.db, filter);
  }

  async get(number: string): Promise<Partner | null> {
    return await getPartner(this.db, number);
  }

  /** The partner's history and that of the partners merged into it, oldest first. */
  async history(number: string): Promise<HistoryEntry[]> {
    if (!(await getPartner(this.db, number))) throw new NotFoundError('Partner', number);
    return await partnerHistory(this.db, number);
  }

  /**
   * Releases or blocks a partner (a user's decision; imports never change the status), recorded with who.
   * A merged partner keeps its status: it is no longer used.
   */
  async setStatus(number: string, status: PartnerStatus, by: string): Promise<Partner> {
    const partner = await this.db.transaction(async (tx) => {
      const before = await getPartner(tx, number);
      if (!before) throw new NotFoundError('Partner', number);
      if (before.mergedInto !== null)
        throw new ConfigError(
          'PARTNER_MERGED',
          `Partner ${number} was merged into partner ${before.mergedInto}: release or block ${before.mergedInto} instead.`,
        );
      await setPartnerStatus(tx, number, status, by);
      return await getPartner(tx, number);
    });
    if (!partner) throw new NotFoundError('Partner', number);
    return partner;
  }

  /** Merges partner `remove` into partner `keep` (docs/import-rules.md "Merging"). */
  async merge(keep: string, remove: string, by: string): Promise<PartnerMerge> {
    return await mergeByNumber(this.db, keep, remove, by);
  }

  /** Every merge, newest first. */
  async merges(): Promise<PartnerMerge[]> {
    return await listMerges(this.db);
  }
}
