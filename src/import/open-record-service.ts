/**
 * Open records as the CLI and the API see them (docs/import-rules.md "Open records"): the list, and the
 * actions on one record or many. Confirm imports held-back records from the kept mapped record with their
 * warnings confirmed (no read); ignore closes them (by whom, when); retry reads them again from the shop by id
 * and imports those now valid. Each action is an import run of its own (changed since "open-records", so the
 * run log shows it) under the channel's run guard (import/run-guard.ts): never beside another import of the
 * channel. Here the run opens and finishes; what each action does is in import/open-record-actions.ts, the
 * checks of its ids and its refusals in import/open-record-checks.ts.
 */

import type { AdapterRegistry } from '../adapters/registry.ts';
import { AbortedError, asKontorError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';
import type {
  OpenRecord,
  OpenRecordAction,
  OpenRecordFilter,
  RecordActionResult,
  RecordRunAction,
} from '../domain/open-record.ts';
import { redact } from '../domain/redact.ts';
import type { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { findChannelByName } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { finishRun } from '../storage/import-run-store.ts';
import { countOpenRecords, findKeptRecords, listOpenRecords } from '../storage/open-record-store.ts';
import { abortReason } from './abort-reason.ts';
import { retryDatabaseStep } from './database-retry.ts';
import { decide, type ReviewChoice, reviewable } from './match-review.ts';
import {
  type ActionContext,
  confirmKept,
  ignoreKept,
  type Outcome,
  retryKept,
  reviewKept,
} from './open-record-actions.ts';
import { checkedIds } from './open-record-checks.ts';
import { openGuardedRun } from './run-guard.ts';
import { stderrLogger } from './stderr-logger.ts';

export interface RecordActionRequest {
  channel: string;
  externalIds: string[];
  /** Who acts (the logged-in user, the OS user of the CLI). */
  by: string;
  signal?: AbortSignal;
}

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
    return this.act('confirm', request, (context) => confirmKept(this.db, context));
  }

  ignore(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('ignore', request, (context) => ignoreKept(this.db, context));
  }

  retry(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('retry', request, (context) => retryKept(this.db, this.log, context));
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
    return this.act('link', request, (context) => reviewKept(this.db, context, choice));
  }

  /** records create-new: the kept records imported as new partners, their warnings confirmed. */
  createNew(request: RecordActionRequest): Promise<RecordActionResult> {
    return this.act('create-new', request, (context) => reviewKept(this.db, context, { kind: 'new' }));
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
}
