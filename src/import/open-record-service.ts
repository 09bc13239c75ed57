/**
 * Open records as the CLI and the API see them (docs/import-rules.md "Open records"): the list, and the
 * actions on one record or many. Confirm imports held-back records from the kept mapped record with their
 * warnings confirmed (no read); ignore closes them (by whom, when); retry reads them again from the shop by id
 * and imports those now valid. Each action is an import run of its own (changed since "open-records", so the
 * run log shows it) under the channel's run guard (import/run-guard.ts): never beside another import of the
 * channel.
 */

import type { Adapter, ChannelConnection } from '../adapters/adapter.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { AbortedError, asKontorError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { ZERO_COUNTS } from '../domain/import-run.ts';
import type { Logger } from '../domain/logger.ts';
import { ENGLISH_MESSAGES } from '../domain/messages/messages.ts';
import {
  MAX_ACTION_IDS,
  type OpenRecord,
  type OpenRecordAction,
  type OpenRecordFilter,
  type RecordActionResult,
  type RecordRunAction,
} from '../domain/open-record.ts';
import type { MatchDecision } from '../domain/page-plan.ts';
import { redact } from '../domain/redact.ts';
import type { SalesChannel } from '../domain/sales-channel.ts';
import type { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { findChannelByName } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { finishRun, recordPage } from '../storage/import-run-store.ts';
import {
  countOpenRecords,
  findKeptRecords,
  ignoreOpenRecords,
  type KeptOpenRecord,
  listOpenRecords,
} from '../storage/open-record-store.ts';
import { recordUserLink } from '../storage/partner-history-store.ts';
import { abortReason } from './abort-reason.ts';
import { retryDatabaseStep } from './database-retry.ts';
import { decide, type ReviewChoice, reviewable } from './match-review.ts';
import { rereadByIds } from './open-record-reread.ts';
import type { PlanContext } from './page-plan.ts';
import { commitPage, type PageTarget } from './page-writer.ts';
import { openGuardedRun } from './run-guard.ts';
import { stderrLogger } from './stderr-logger.ts';

export interface RecordActionRequest {
  channel: string;
  externalIds: string[];
  /** Who acts (the logged-in user, the OS user of the CLI). */
  by: string;
  signal?: AbortSignal;
}

interface ActionContext {
  channel: SalesChannel;
  adapter: Adapter;
  connection: ChannelConnection;
  runId: number;
  ids: string[];
  kept: Map<string, KeptOpenRecord>;
  by: string;
  signal?: AbortSignal;
}

type Outcome = Omit<RecordActionResult, 'runId'>;

export class OpenRecordService {
  constructor(
    private readonly db: Db,
    private readonly adapters: AdapterRegistry,
    private readonly secrets: ChannelSecrets,
    private readonly log: Logger = stderrLogger,
  ) {}

  async list(filter: OpenRecordFilter): Promise<{ total: number; records: OpenRecord[] }> {
    return await listOpenRecords(this.db, filter);
  }

  /** Open records per channel id (the channel list shows them). */
  async openCounts(): Promise<Map<number, number>> {
    return await countOpenRecords(this.db);
  }

  confirm(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('confirm', request, (context) => this.confirmKept(context));
  }

  ignore(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('ignore', request, (context) => this.ignoreKept(context));
  }

  retry(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('retry', request, (context) => this.retryKept(context));
  }

  /**
   * records link: the kept record imported onto the chosen existing partner, its warnings confirmed. Checked
   * before a run opens: a partner that does not exist, has the other type or is linked to the channel already is
   * refused (InvalidInputError, field `partner`).
   */
  async link(request: RecordActionRequest & { partner: string }): Promise<RecordActionResult> {
    const ids = checkedIds(request.externalIds);
    if (ids.length !== 1)
      throw new InvalidInputError(
        'Link one record at a time: two customers of a channel never share a partner.',
        {
          field: 'externalIds',
        },
      );
    const choice: ReviewChoice = { kind: 'link', partner: request.partner.trim() };
    const stored = await findChannelByName(this.db, request.channel);
    if (!stored) throw new NotFoundError('Sales channel', request.channel);
    const channel = this.secrets.open(stored);
    const id = ids[0] as string;
    const kept = reviewable(id, (await findKeptRecords(this.db, channel.id, ids)).get(id), channel.name);
    const checked = 'customer' in kept ? await decide(this.db, channel, kept.customer, choice) : kept;
    if ('refusal' in checked) throw new InvalidInputError(checked.refusal, { field: 'partner' });
    return this.act('link', request, (context) => this.reviewKept(context, choice));
  }

  /** records create-new: the kept records imported as new partners, their warnings confirmed. */
  createNew(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('create-new', request, (context) => this.reviewKept(context, { kind: 'new' }));
  }

  run(action: OpenRecordAction, request: RecordActionRequest): Promise<RecordActionResult> {
    if (action === 'confirm') return this.confirm(request);
    if (action === 'ignore') return this.ignore(request);
    return this.retry(request);
  }

  private async act(
    action: RecordRunAction,
    request: RecordActionRequest,
    body: (context: ActionContext) => Promise<Outcome>,
  ): Promise<RecordActionResult> {
    const ids = checkedIds(request.externalIds);
    const guarded = await openGuardedRun(this.db, async () => {
      const stored = await findChannelByName(this.db, request.channel);
      if (!stored) throw new NotFoundError('Sales channel', request.channel);
      const channel = this.secrets.open(stored);
      // Before the run opens: a channel whose adapter is unknown opens no run.
      const adapter = this.adapters.get(channel.adapter);
      const run = {
        channelId: channel.id,
        changedSince: 'open-records' as const,
        since: null,
        emails: null,
        options: {
          action,
          externalIds: ids,
          by: request.by,
          ...('partner' in request ? { partner: request.partner } : {}),
        },
        watermarkBefore: channel.watermark,
      };
      return { channel, run, start: { channel, adapter } };
    });
    const { channel, adapter } = guarded.start;
    let outcome: Outcome = { handled: [], failed: [] };
    let failure: { code: string; message: string } | null = null;
    try {
      const kept = await findKeptRecords(this.db, channel.id, ids);
      outcome = await body({
        channel,
        adapter,
        connection: { url: channel.url, settings: channel.settings },
        runId: guarded.runId,
        ids,
        kept,
        by: request.by,
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      const kontorError = request.signal?.aborted
        ? new AbortedError(abortReason(request.signal))
        : asKontorError(error);
      const secrets = adapter.settings
        .filter((field) => field.type === 'secret')
        .map((field) => channel.settings[field.key] ?? '');
      failure = { code: kontorError.code, message: redact(kontorError.message, secrets) };
      if (kontorError.kind === 'bug')
        this.log.error(
          `kontor: import run ${guarded.runId} failed: ${redact(kontorError.detail ?? '', secrets)}`,
        );
      const done = new Set([...outcome.handled, ...outcome.failed.map((item) => item.externalId)]);
      outcome = {
        handled: outcome.handled,
        failed: [
          ...outcome.failed,
          ...ids
            .filter((id) => !done.has(id))
            .map((externalId) => ({ externalId, message: failure?.message ?? '' })),
        ],
      };
    } finally {
      guarded.release();
    }
    await retryDatabaseStep(() =>
      finishRun(this.db, guarded.runId, {
        state: failure ? 'failed' : 'finished',
        watermarkAfter: channel.watermark,
        error: failure,
      }),
    );
    return { ...outcome, runId: guarded.runId };
  }

  /** Held-back records imported from the kept mapped record, their warnings confirmed; no read. */
  private async confirmKept(context: ActionContext): Promise<Outcome> {
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
    const target = this.target(context, true, { state: 'confirmed', by: context.by });
    const plan = await retryDatabaseStep(() =>
      commitPage(this.db, target, { customers, rejected: [], deleted: [], cursor: null }),
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
  private async reviewKept(context: ActionContext, choice: ReviewChoice): Promise<Outcome> {
    const failed: Outcome['failed'] = [];
    const customers: ChannelCustomer[] = [];
    const decisions = new Map<string, MatchDecision>();
    for (const id of context.ids) {
      const kept = reviewable(id, context.kept.get(id), context.channel.name);
      const checked =
        'customer' in kept ? await decide(this.db, context.channel, kept.customer, choice) : kept;
      if ('refusal' in checked || !('customer' in kept)) {
        failed.push({ externalId: id, message: 'refusal' in checked ? checked.refusal : '' });
        continue;
      }
      customers.push(kept.customer);
      decisions.set(id, checked.decision);
    }
    if (customers.length === 0) return { handled: [], failed };
    const target: PageTarget = {
      ...this.target(context, true, { state: 'confirmed', by: context.by }, decisions),
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
      commitPage(this.db, target, { customers, rejected: [], deleted: [], cursor: null }),
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
  private async ignoreKept(context: ActionContext): Promise<Outcome> {
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
        this.db.transaction(async (tx) => {
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
  private async retryKept(context: ActionContext): Promise<Outcome> {
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
        db: this.db,
        adapter: context.adapter,
        connection: context.connection,
        target: this.target(context, false, { state: 'imported', by: null }),
        log: this.log,
        ...(context.signal ? { signal: context.signal } : {}),
      },
      wanted,
    );
    const after = await findKeptRecords(this.db, context.channel.id, wanted);
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

  private target(
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
}

function checkedIds(externalIds: readonly string[]): string[] {
  const ids = [...new Set(externalIds.map((id) => id.trim()))];
  if (ids.length === 0 || ids.some((id) => id === ''))
    throw new InvalidInputError('Name at least one external id (none may be empty).', {
      field: 'externalIds',
    });
  if (ids.length > MAX_ACTION_IDS)
    throw new InvalidInputError(`At most ${MAX_ACTION_IDS} records per action (got ${ids.length}).`, {
      field: 'externalIds',
    });
  return ids;
}

function notKept(id: string, channel: string): string {
  return `No record with external id ${id} is kept for sales channel "${channel}".`;
}

function confirmRefusal(id: string, kept: KeptOpenRecord | undefined, channel: string): string | null {
  if (!kept) return notKept(id, channel);
  if (kept.state !== 'open') return `Customer ${id} is ${kept.state}, not open.`;
  if (kept.level === 'error')
    return `Customer ${id} has errors (${kept.codes.join(', ')}) and cannot be confirmed: fix it in the shop and retry, or ignore it.`;
  if (kept.codes.includes('MATCH_AMBIGUOUS'))
    return `Customer ${id} matches several partners and waits for a decision: link it to one (records link --partner <number>) or create a new partner (records create-new).`;
  return null;
}
