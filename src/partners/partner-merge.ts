/**
 * `kontor partners merge <keep> <remove>` (docs/import-rules.md "Merging"): the rules a merge must pass, and the
 * merge itself in one transaction.
 */
import { ConfigError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import type { PartnerMerge } from '../domain/partner-history.ts';
import type { Db } from '../storage/db.ts';
import {
  lockPartners,
  type MergeCandidate,
  mergePartners,
  runningImportsOf,
} from '../storage/partner-merge-store.ts';

/** Why two partners cannot be merged, or null when they can. */
export function mergeRefusal(kept: MergeCandidate, removed: MergeCandidate): ConfigError | null {
  for (const partner of [kept, removed]) {
    if (partner.mergedInto !== null)
      return new ConfigError(
        'PARTNER_MERGED',
        `Partner ${partner.number} was already merged into partner ${partner.mergedInto}: merge with ${partner.mergedInto} instead.`,
      );
  }
  if (kept.type !== removed.type)
    return new ConfigError(
      'MERGE_TYPE_MISMATCH',
      `Partner ${kept.number} is ${kept.type} and partner ${removed.number} is ${removed.type}: a B2B partner cannot be merged with a B2C partner.`,
    );
  return null;
}

/** Merges partner `remove` into partner `keep` for user `by`, in one transaction; nothing changes if refused. */
export async function mergeByNumber(db: Db, keep: string, remove: string, by: string): Promise<PartnerMerge> {
  if (keep === remove)
    throw new InvalidInputError(
      `Partner ${keep} cannot be merged with itself: name two different partners.`,
      {
        field: 'remove',
      },
    );
  return await db.transaction(async (tx) => {
    const locked = await lockPartners(tx, [keep, remove]);
    const kept = locked.get(keep);
    const removed = locked.get(remove);
    if (!kept) throw new NotFoundError('Partner', keep);
    if (!removed) throw new NotFoundError('Partner', remove);
    const refusal = mergeRefusal(kept, removed);
    if (refusal) throw refusal;
    const running = await runningImportsOf(tx, [kept.id, removed.id]);
    const [channel, run] = [...running.entries()][0] ?? [];
    if (channel !== undefined)
      throw new ConfigError(
        'IMPORT_RUNNING',
        `An import of sales channel "${channel}" (run ${run}) is running, and the partners are linked to it: merge them when it has ended.`,
      );
    return await mergePartners(tx, kept, removed, by);
  });
}
