/**
 * What each open-record action does with the kept records it was given (import/open-record-service.ts runs
 * it as an import run of its own, under the channel's run guard): confirm imports them from the kept mapped
 * record, their warnings confirmed; a review (link, create new) imports them on a user's decision; ignore
 * closes them, by whom; retry reads them again from the shop by id. Each answers which ids it handled and why
 * the others failed.
 */

import type { Adapter, ChannelConnection } from '../adapters/adapter.ts';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { ZERO_COUNTS } from '../domain/import-run.ts';
import type { Logger } from '../domain/logger.ts';
import { ENGLISH_MESSAGES } from '../domain/messages/messages.ts';
import type { RecordActionResult } from '../domain/open-record.ts';
import type { MatchDecision } from '../domain/page-plan.ts';
import type { SalesChannel } from '../domain/sales-channel.ts';
import type { Db } from '../storage/db.ts';
import { recordPage } from '../storage/import-run-store.ts';
import { findKeptRecords, ignoreOpenRecords, type KeptOpenRecord } from '../storage/open-record-store.ts';
import { recordUserLink } from '../storage/partner-history-store.ts';
import { retryDatabaseStep } from './database-retry.ts';
import { decide, type ReviewChoice, reviewable } from './match-review.ts';
import { confirmRefusal, notKept } from './open-record-checks.ts';
import { rereadByIds } from './open-record-reread.ts';
import type { PlanContext } from './page-plan.ts';
import { commitPage, type PageTarget } from './page-writer.ts';

/** What an action knows: the channel and its adapter, its run, the ids asked for and their kept records. */
export interface ActionContext {
  channel: SalesChannel;
  adapter: Adapter;
  connection: ChannelConnection;
  runId: number;
  ids: string[];
  kept: Map<string, KeptOpenRecord>;
  by: string;
  signal?: AbortSignal;
}

export type Outcome = Omit<RecordActionResult, 'runId'>;

/** Held-back records imported from the kept mapped record, their warnings confirmed; no read. */
export async function confirmKept(db: Db, context: ActionContext): Promise<Outcome> {
  const failed: Outcome['failed'] = [];
  const customers: ChannelCustomer[] = [];
  for (const id of context.ids) {
    const kept = context.kept.get(id);
    const refusal = confirmRefusal(id, kept, context.channel.name);
    if (refusal !== null || kept?.data.kind !== 'mapped') {
      failed.push({ externalId: id, message: refusal ?? `No mapped record of customer ${id} is kept.` });
      continue;
    }
    customers.push(kept.data.customer);
  }
  if (customers.length === 0) return { handled: [], failed };
  const target = pageTarget(context, true, { state: 'confirmed', by: context.by });
  const plan = await retryDatabaseStep(() =>
    commitPage(db, target, { customers, rejected: [], deleted: [], cursor: null }),
  );
  const imported = new Set(plan.imported);
  const handled: string[] = [];
  for (const customer of customers) {
    if (imported.has(customer.externalId)) {
      handled.push(customer.externalId);
      continue;
    }
    const reason = plan.log.find((line) => line.externalId === customer.externalId);
    failed.push({ externalId: customer.externalId, message: reason?.message ?? 'It was not imported.' });
  }
  return { handled, failed };
}

/** A user's decision (link, create new) on kept records, checked again inside the channel's run guard. */
export async function reviewKept(db: Db, context: ActionContext, choice: ReviewChoice): Promise<Outcome> {
  const failed: Outcome['failed'] = [];
  const customers: ChannelCustomer[] = [];
  const decisions = new Map<string, MatchDecision>();
  for (const id of context.ids) {
    const kept = reviewable(id, context.kept.get(id), context.channel.name);
    const checked = 'customer' in kept ? await decide(db, context.channel, kept.customer, choice) : kept;
    if ('refusal' in checked || !('customer' in kept)) {
      failed.push({ externalId: id, message: 'refusal' in checked ? checked.refusal : '' });
      continue;
    }
    customers.push(kept.customer);
    decisions.set(id, checked.decision);
  }
  if (customers.length === 0) return { handled: [], failed };
  const target: PageTarget = {
    ...pageTarget(context, true, { state: 'confirmed', by: context.by }, decisions),
    // A link chosen by a user is recorded in the partner's history, with who, in the page's transaction.
    afterWrite: async (tx, written) => {
      for (const update of written.updates) {
        if (update.matched?.by !== 'user') continue;
        const externalId = update.customer.externalId;
        await recordUserLink(tx, {
          partnerNumber: update.matched.number,
          channel: context.channel.name,
          externalId,
          by: context.by,
        });
      }
    },
  };
  const plan = await retryDatabaseStep(() =>
    commitPage(db, target, { customers, rejected: [], deleted: [], cursor: null }),
  );
  const imported = new Set(plan.imported);
  const handled: string[] = [];
  for (const customer of customers) {
    if (imported.has(customer.externalId)) handled.push(customer.externalId);
    else {
      const reason = plan.log.find((line) => line.externalId === customer.externalId);
      failed.push({ externalId: customer.externalId, message: reason?.message ?? 'It was not imported.' });
    }
  }
  return { handled, failed };
}

/** Open records closed as ignored, by whom and when (an ignored one again: nothing to do). */
export async function ignoreKept(db: Db, context: ActionContext): Promise<Outcome> {
  const failed: Outcome['failed'] = [];
  const open: string[] = [];
  const handled: string[] = [];
  for (const id of context.ids) {
    const kept = context.kept.get(id);
    if (!kept) failed.push({ externalId: id, message: notKept(id, context.channel.name) });
    else if (kept.state === 'open') open.push(id);
    else if (kept.state === 'ignored') handled.push(id);
    else failed.push({ externalId: id, message: `Customer ${id} was already ${kept.state}.` });
  }
  if (open.length > 0) {
    const ignored = await retryDatabaseStep(() =>
      db.transaction(async (tx) => {
        const closed = await ignoreOpenRecords(tx, context.channel.id, context.runId, open, context.by);
        const log = closed.map((externalId) => ({
          level: 'info' as const,
          externalId,
          code: 'RECORD_IGNORED',
          message: ENGLISH_MESSAGES.say('RECORD_IGNORED', { user: context.by }),
        }));
        await recordPage(tx, context.runId, { ...ZERO_COUNTS }, null, log);
        return closed;
      }),
    );
    const closed = new Set(ignored);
    for (const id of open) {
      if (closed.has(id)) handled.push(id);
      else failed.push({ externalId: id, message: `Customer ${id} is no longer open.` });
    }
  }
  return { handled, failed };
}

/** The customers read again from the shop by id and imported where now valid. */
export async function retryKept(db: Db, log: Logger, context: ActionContext): Promise<Outcome> {
  const failed: Outcome['failed'] = [];
  const wanted: string[] = [];
  for (const id of context.ids) {
    const kept = context.kept.get(id);
    if (!kept) failed.push({ externalId: id, message: notKept(id, context.channel.name) });
    else if (kept.state === 'imported' || kept.state === 'confirmed')
      failed.push({ externalId: id, message: `Customer ${id} was already ${kept.state}.` });
    else wanted.push(id);
  }
  if (wanted.length === 0) return { handled: [], failed };
  if (!context.adapter.readByIds) {
    const message = `The ${context.adapter.label} adapter cannot read customers by id; the record stays open until a read of the channel returns it.`;
    return { handled: [], failed: [...failed, ...wanted.map((externalId) => ({ externalId, message }))] };
  }
  const { returned } = await rereadByIds(
    {
      db: db,
      adapter: context.adapter,
      connection: context.connection,
      target: pageTarget(context, false, { state: 'imported', by: null }),
      log: log,
      ...(context.signal ? { signal: context.signal } : {}),
    },
    wanted,
  );
  const after = await findKeptRecords(db, context.channel.id, wanted);
  const handled: string[] = [];
  for (const id of wanted) {
    const record = after.get(id);
    if (!returned.has(id))
      failed.push({ externalId: id, message: `The shop did not return customer ${id} (deleted there?).` });
    else if (record?.state === 'imported') handled.push(id);
    else
      failed.push({
        externalId: id,
        message: `Customer ${id} is still not importable: ${(record?.codes ?? []).join(', ')}.`,
      });
  }
  return { handled, failed };
}

function pageTarget(
  context: ActionContext,
  confirmAllWarnings: boolean,
  resolution: NonNullable<PageTarget['resolution']>,
  decisions?: ReadonlyMap<string, MatchDecision>,
): PageTarget {
  const { channel, adapter } = context;
  const planContext: PlanContext = {
    channelType: channel.type,
    statusPolicy: {
      customerApproval: channel.customerApproval,
      alwaysBlocked: adapter.capabilities.alwaysBlocked,
    },
    pseudoPartner: channel.usePseudoPartner ? channel.pseudoPartnerNumber : null,
    confirmAllWarnings,
    readStartedAt: new Date().toISOString(),
    matchRules: channel.matchRules,
    ...(decisions ? { decisions } : {}),
  };
  return {
    runId: context.runId,
    channelId: channel.id,
    context: planContext,
    deactivateDeleted: false,
    resolution,
  };
}
