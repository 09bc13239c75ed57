/**
 * Commits one page of an import run: plan and write it in one transaction. When the database refuses the
 * data of a record (a constraint, a value it cannot store), the page is written again one record at a
 * time, so that only the refused record is logged as an error and the rest of the page is imported.
 */
import type { CustomerPage } from '../adapters/adapter.ts';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { addCounts, ZERO_COUNTS } from '../domain/import-run.ts';
import { ENGLISH_MESSAGES } from '../domain/messages/messages.ts';
import type { PagePlan } from '../domain/page-plan.ts';
import type { Db, Queryable } from '../storage/db.ts';
import { isDataRefusal } from '../storage/db-errors.ts';
import { recordPage } from '../storage/import-run-store.ts';
import { deactivateDeletedLinks } from '../storage/link-deletion-store.ts';
import { closeOpenRecords, keepOpenRecords } from '../storage/open-record-store.ts';
import { writePartners } from '../storage/partner-write-store.ts';
import { deactivationLog } from './deletions.ts';
import { lookUpPage, storedLookups } from './page-input.ts';
import { emptyPlan, type PlanContext, planPage } from './page-plan.ts';

export interface PageTarget {
  runId: number;
  channelId: number;
  context: PlanContext;
  /** "Deactivate deleted customer accounts": apply the page's tombstones. */
  deactivateDeleted: boolean;
  /** How the open records of imported customers close (default: imported by the run). */
  resolution?: { state: 'imported' | 'confirmed'; by: string | null };
  /**
   * Whether the channel may hold open records that this page's imports close. The run reads it once (the run
   * guard keeps other writers of the channel's records away) and sets it when a page keeps one; a page of a
   * channel without any skips the statement. Absent: always close.
   */
  closable?: { mayExist: boolean };
  /** Writes more of the same page in its transaction, after the partners (a user's decisions: their history). */
  afterWrite?: (tx: Queryable, plan: PagePlan) => Promise<void>;
  /**
   * Set by a run: `last` is whether the page before wrote nothing but its counts, cursor and log (an unchanged
   * re-read). Then the next page is planned first from look-ups outside a transaction, and if it too writes
   * nothing else, its one statement (recordPage) commits it: two round trips instead of four (begin, look-up,
   * record, commit). Otherwise it is planned again in its transaction as usual. Absent: always a transaction.
   */
  quiet?: { last: boolean };
}

const IMPORTED = { state: 'imported', by: null } as const;

/** Whether the run knows that the channel holds no open records for the page's imports to close. */
const noneToClose = (target: PageTarget): boolean =>
  target.closable !== undefined && !target.closable.mayExist;

/** The page's open records: those not imported are kept, those imported close (same transaction). */
async function writeOpenRecords(tx: Queryable, target: PageTarget, plan: PagePlan): Promise<void> {
  await keepOpenRecords(tx, target.channelId, target.runId, plan.kept);
  if (target.closable && noneToClose(target)) {
    // Set inside the transaction: if the page is rolled back and written again, closing is merely needless.
    if (plan.kept.length > 0) target.closable.mayExist = true;
    return;
  }
  await closeOpenRecords(tx, target.channelId, target.runId, plan.imported, target.resolution ?? IMPORTED);
}

/** The page's plan from look-ups on `db` (its transaction, or the pool when `readOnly`). */
async function planFrom(
  db: Queryable,
  target: PageTarget,
  part: Omit<CustomerPage, 'cursor'>,
  readOnly: boolean,
): Promise<PagePlan> {
  const lookups = storedLookups(db, target.channelId, { readOnly });
  const plan = planPage(await lookUpPage(lookups, part, target.context.matchRules), target.context);
  // A deletion is a change at its deletion time, whether or not deleted accounts are deactivated.
  plan.seen.push(...part.deleted.map((item) => item.deletedAt));
  return plan;
}

/** Whether committing `plan` takes nothing but recordPage: no partner, link, open record or deletion to write. */
function onlyCounts(target: PageTarget, part: Omit<CustomerPage, 'cursor'>, plan: PagePlan): boolean {
  return (
    plan.creates.length + plan.updates.length + plan.links.length + plan.kept.length === 0 &&
    (plan.imported.length === 0 || noneToClose(target)) &&
    target.afterWrite === undefined &&
    !(target.deactivateDeleted && part.deleted.length > 0)
  );
}

// On a PostgreSQL server a page need not wait for the disk: the run's end commits durably
// (import-run-store.ts recordPage). PGlite has no WAL writer to flush such commits in the background.
const flushOf = (db: Db) => ({ flush: db.kind !== 'postgres' });

/**
 * The page planned outside a transaction and, if it writes nothing but its counts, committed by that one
 * statement; null when it needs its transaction after all (nothing was written then). Look-ups outside the
 * transaction see what a look-up inside it would (read committed; the run guard keeps other imports of the
 * channel away), and they are read-only: a plan that writes is always made again in its transaction.
 */
async function commitOnlyCounts(
  db: Db,
  target: PageTarget,
  part: Omit<CustomerPage, 'cursor'>,
  cursor: string | null,
): Promise<PagePlan | null> {
  const plan = await planFrom(db, target, part, true);
  if (!onlyCounts(target, part, plan)) return null;
  await recordPage(db, target.runId, plan.counts, cursor, plan.log, flushOf(db));
  return plan;
}

async function writeInOneTransaction(
  db: Db,
  target: PageTarget,
  part: Omit<CustomerPage, 'cursor'>,
  cursor: string | null,
): Promise<PagePlan> {
  return db.transaction(async (tx) => {
    const plan = await planFrom(tx, target, part, false);
    await writePartners(tx, target.channelId, plan, target.runId);
    await target.afterWrite?.(tx, plan);
    await writeOpenRecords(tx, target, plan);
    if (target.deactivateDeleted) {
      // A tombstone older than the same customer's record in this page was undone (account restored).
      const newest = new Map(part.customers.map((customer) => [customer.externalId, customer.updatedAt]));
      const deletions = part.deleted.filter((item) => {
        const seen = newest.get(item.externalId);
        return seen === undefined || Date.parse(seen) < Date.parse(item.deletedAt);
      });
      const deactivated = await deactivateDeletedLinks(tx, target.channelId, deletions);
      plan.counts.deactivated += deactivated.length;
      plan.log.push(...deactivationLog(deactivated, target.context.messages));
    }
    await recordPage(tx, target.runId, plan.counts, cursor, plan.log, flushOf(db));
    return plan;
  });
}

function refusedPlan(customer: ChannelCustomer, error: unknown, target: PageTarget): PagePlan {
  const reason = error instanceof Error ? error.message : String(error);
  const message = (target.context.messages ?? ENGLISH_MESSAGES).say('WRITE_REFUSED', { reason });
  return {
    ...emptyPlan(),
    counts: { ...ZERO_COUNTS, read: 1, errors: 1 },
    log: [
      {
        level: 'error',
        externalId: customer.externalId,
        code: 'WRITE_REFUSED',
        message,
      },
    ],
    kept: [
      {
        externalId: customer.externalId,
        email: customer.email,
        level: 'error',
        codes: ['WRITE_REFUSED'],
        message,
        data: { kind: 'mapped', customer },
        changedAt: Number.isNaN(Date.parse(customer.updatedAt))
          ? null
          : new Date(customer.updatedAt).toISOString(),
      },
    ],
    seen: Number.isNaN(Date.parse(customer.updatedAt)) ? [] : [customer.updatedAt],
  };
}

/** Logs a refused record and keeps it open (without its data, should the database refuse that too). */
async function writeRefused(db: Db, target: PageTarget, refused: PagePlan): Promise<void> {
  const write = (plan: PagePlan) =>
    db.transaction(async (tx) => {
      await recordPage(tx, target.runId, plan.counts, null, plan.log);
      await keepOpenRecords(tx, target.channelId, target.runId, plan.kept);
    });
  try {
    await write(refused);
  } catch (error) {
    if (!isDataRefusal(error)) throw error;
    await write({ ...refused, kept: refused.kept.map((item) => ({ ...item, data: { kind: 'none' } })) });
  }
}

function merge(plans: PagePlan[]): PagePlan {
  return plans.reduce((all, plan) => ({
    creates: [...all.creates, ...plan.creates],
    updates: [...all.updates, ...plan.updates],
    links: [...all.links, ...plan.links],
    counts: addCounts(all.counts, plan.counts),
    log: [...all.log, ...plan.log],
    heldBack: [...all.heldBack, ...plan.heldBack],
    kept: [...all.kept, ...plan.kept],
    imported: [...all.imported, ...plan.imported],
    seen: [...all.seen, ...plan.seen],
    undated: all.undated || plan.undated,
  }));
}

export async function commitPage(db: Db, target: PageTarget, page: CustomerPage): Promise<PagePlan> {
  try {
    const quiet = target.quiet;
    if (quiet?.last) {
      const plan = await commitOnlyCounts(db, target, page, page.cursor);
      if (plan) return plan;
    }
    const plan = await writeInOneTransaction(db, target, page, page.cursor);
    if (quiet) quiet.last = onlyCounts(target, page, plan);
    return plan;
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
      const refused = refusedPlan(customer, error, target);
      await writeRefused(db, target, refused);
      plans.push(refused);
    }
  }
  await recordPage(db, target.runId, { ...ZERO_COUNTS }, page.cursor, []);
  return merge(plans);
}
