/**
 * Commits one page of an import run: plan and write it in one transaction. When the database refuses the
 * data of a record (a constraint, a value it cannot store), the page is written again one record at a
 * time, so that only the refused record is logged as an error and the rest of the page is imported.
 */
import type { CustomerPage } from '../adapters/adapter.ts';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { addCounts, ZERO_COUNTS } from '../domain/import-run.ts';
import type { PagePlan } from '../domain/page-plan.ts';
import type { Db } from '../storage/db.ts';
import { isDataRefusal } from '../storage/db-errors.ts';
import { recordPage } from '../storage/import-run-store.ts';
import { deactivateDeletedLinks } from '../storage/link-deletion-store.ts';
import { writePartners } from '../storage/partner-write-store.ts';
import { deactivationLog } from './deletions.ts';
import { lookUpPage, storedLookups } from './page-input.ts';
import { emptyPlan, type PlanContext, planPage } from './page-plan.ts';

interface PageTarget {
  runId: number;
  channelId: number;
  context: PlanContext;
  /** "Deactivate deleted customer accounts": apply the page's tombstones. */
  deactivateDeleted: boolean;
}

async function writeInOneTransaction(
  db: Db,
  target: PageTarget,
  part: Omit<CustomerPage, 'cursor'>,
  cursor: string | null,
): Promise<PagePlan> {
  return db.transaction(async (tx) => {
    const input = await lookUpPage(storedLookups(tx, target.channelId), part);
    const plan = planPage(input, target.context);
    await writePartners(tx, target.channelId, plan);
    // A deletion is a change at its deletion time, whether or not deleted accounts are deactivated.
    plan.seen.push(...part.deleted.map((item) => item.deletedAt));
    if (target.deactivateDeleted) {
      // A tombstone older than the same customer's record in this page was undone (account restored).
      const newest = new Map(part.customers.map((customer) => [customer.externalId, customer.updatedAt]));
      const deletions = part.deleted.filter((item) => {
        const seen = newest.get(item.externalId);
        return seen === undefined || Date.parse(seen) < Date.parse(item.deletedAt);
      });
      const deactivated = await deactivateDeletedLinks(tx, target.channelId, deletions);
      plan.counts.deactivated += deactivated.length;
      plan.log.push(...deactivationLog(deactivated));
    }
    await recordPage(tx, target.runId, plan.counts, cursor, plan.log);
    return plan;
  });
}

function refusedPlan(customer: ChannelCustomer, error: unknown): PagePlan {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ...emptyPlan(),
    counts: { ...ZERO_COUNTS, read: 1, errors: 1 },
    log: [
      {
        level: 'error',
        externalId: customer.externalId,
        code: 'WRITE_REFUSED',
        message: `The partner master refused the customer's data: ${reason}`,
      },
    ],
    heldBack: [customer.updatedAt],
    seen: [customer.updatedAt],
  };
}

function merge(plans: PagePlan[]): PagePlan {
  return plans.reduce((all, plan) => ({
    creates: [...all.creates, ...plan.creates],
    updates: [...all.updates, ...plan.updates],
    links: [...all.links, ...plan.links],
    counts: addCounts(all.counts, plan.counts),
    log: [...all.log, ...plan.log],
    heldBack: [...all.heldBack, ...plan.heldBack],
    seen: [...all.seen, ...plan.seen],
    undated: all.undated || plan.undated,
  }));
}

export async function commitPage(db: Db, target: PageTarget, page: CustomerPage): Promise<PagePlan> {
  try {
    return await writeInOneTransaction(db, target, page, page.cursor);
  } catch (error) {
    if (!isDataRefusal(error)) throw error;
  }
  const plans = [await writeInOneTransaction(db, target, { ...page, customers: [] }, null)];
  for (const customer of page.customers) {
    try {
      plans.push(
        await writeInOneTransaction(db, target, { customers: [customer], rejected: [], deleted: [] }, null),
      );
    } catch (error) {
      if (!isDataRefusal(error)) throw error;
      const refused = refusedPlan(customer, error);
      await recordPage(db, target.runId, refused.counts, null, refused.log);
      plans.push(refused);
    }
  }
  await recordPage(db, target.runId, { ...ZERO_COUNTS }, page.cursor, []);
  return merge(plans);
}
