/**
 * Preview of an Import customers run: reads the selection exactly as the run would (same channel, watermark,
 * selection rules, adapter read) and plans every page with the run's page plan and look-ups, the pages
 * planned before laid over the partner master (PreviewOverlay), and writes nothing: no partner, link,
 * run, log, watermark or lease. A preview reads on demand: `next(limit)` plans pages until it has `limit`
 * records to give, so a large preview pages, and stops reading when its signal aborts (cancel).
 *
 * What a preview cannot foresee: a record the database would refuse on writing (WRITE_REFUSED), and
 * deactivations by an id scan (Deactivate deleted on adapters without tombstones); both happen only in a run.
 */
import type { Adapter, CustomerPage } from '../adapters/adapter.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { AbortedError, NotFoundError } from '../domain/errors.ts';
import type { ExistingLink } from '../domain/page-plan.ts';
import type { Partner } from '../domain/partner.ts';
import { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { findChannelByName } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { openIdsNotSeenBy } from '../storage/open-record-store.ts';
import { partnersById } from '../storage/partner-read-store.ts';
import { abortReason } from './abort-reason.ts';
import { checkImportSettings, type ImportCustomersSettings, toSelectionInput } from './import-settings.ts';
import { lookUpPage, storedLookups } from './page-input.ts';
import { type PlanContext, planPage } from './page-plan.ts';
import { fieldChanges, importedFields, storedFields } from './partner-changes.ts';
import { planContext } from './plan-context.ts';
import { PreviewOverlay } from './preview-overlay.ts';
import { previewPages } from './preview-pages.ts';
import {
  addPreviewCounts,
  type PreviewCounts,
  type PreviewRecord,
  previewRecords,
  ZERO_PREVIEW_COUNTS,
} from './preview-records.ts';
import { RequestedEmails } from './requested-emails.ts';

export interface PreviewChunk {
  /** Counts of every record planned so far (all of them once `done`). */
  counts: PreviewCounts;
  records: PreviewRecord[];
  /** Every page is read and every record given. */
  done: boolean;
  /** By email: the requested addresses the shop has no customer for (once done). */
  emailsNotFound?: string[];
}

export interface PreviewResult {
  counts: PreviewCounts;
  records: PreviewRecord[];
  emailsNotFound?: string[];
}

export class PreviewService {
  constructor(
    private readonly db: Db,
    private readonly adapters: AdapterRegistry,
    private readonly secrets: ChannelSecrets = new ChannelSecrets(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Opens a preview of these settings (checked as a run checks them); nothing is read until `next`. */
  async open(settings: ImportCustomersSettings): Promise<ImportPreview> {
    const stored = await findChannelByName(this.db, settings.channel);
    if (!stored) throw new NotFoundError('Sales channel', settings.channel);
    const channel = this.secrets.open(stored);
    const adapter = this.adapters.get(channel.adapter);
    const readStartedAt = this.clock();
    const selection = checkImportSettings(toSelectionInput(settings), {
      adapterLabel: adapter.label,
      capabilities: adapter.capabilities,
      watermark: channel.watermark,
      now: readStartedAt,
    });
    const controller = new AbortController();
    const pages = previewPages({
      adapter,
      connection: { url: channel.url, settings: channel.settings },
      selection,
      signal: controller.signal,
      // Every open record of the channel (no run has seen any of them for this preview).
      openIds: () => openIdsNotSeenBy(this.db, channel.id, 0),
    });
    return new ImportPreview(this.db, channel.id, adapter, {
      pages: pages[Symbol.asyncIterator](),
      controller,
      context: planContext(channel, adapter, settings, readStartedAt),
      deactivateDeleted: settings.deactivateDeleted,
      requested: new RequestedEmails(selection.emails),
    });
  }

  /** The whole preview at once (the CLI); stops when the signal aborts. */
  async all(settings: ImportCustomersSettings, signal?: AbortSignal): Promise<PreviewResult> {
    const preview = await this.open(settings);
    const records: PreviewRecord[] = [];
    try {
      for (;;) {
        const chunk = await preview.next(1000, signal);
        records.push(...chunk.records);
        if (chunk.done) {
          const { counts, emailsNotFound } = chunk;
          return { counts, records, ...(emailsNotFound ? { emailsNotFound } : {}) };
        }
      }
    } finally {
      preview.close();
    }
  }
}

interface PreviewRead {
  pages: AsyncIterator<CustomerPage>;
  controller: AbortController;
  context: PlanContext;
  deactivateDeleted: boolean;
  requested: RequestedEmails;
}

export class ImportPreview {
  private readonly overlay: PreviewOverlay;
  private counts: PreviewCounts = { ...ZERO_PREVIEW_COUNTS };
  private readonly pending: PreviewRecord[] = [];
  private read = false;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    channelId: number,
    private readonly adapter: Pick<Adapter, 'capabilities'>,
    private readonly source: PreviewRead,
  ) {
    this.overlay = new PreviewOverlay(storedLookups(db, channelId, { readOnly: true }));
  }

  /** Stops the read (cancel); a later `next` fails. */
  close(reason = 'The preview was cancelled.'): void {
    if (!this.source.controller.signal.aborted) this.source.controller.abort(new AbortedError(reason));
    void this.source.pages.return?.().catch(() => {});
  }

  get closed(): boolean {
    return this.source.controller.signal.aborted;
  }

  /** Up to `limit` more records (whole pages are planned; the rest waits for the next call). */
  next(limit: number, signal?: AbortSignal): Promise<PreviewChunk> {
    const work = this.busy.then(() => this.take(limit, signal));
    this.busy = work.catch(() => {});
    return work;
  }

  private async take(limit: number, signal?: AbortSignal): Promise<PreviewChunk> {
    // A request that goes away (the client aborted, disconnected) stops the read: the preview is cancelled.
    const stop = () => this.close('The preview was cancelled: its client went away.');
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      this.throwIfClosed();
      while (!this.read && this.pending.length < limit) {
        this.throwIfClosed();
        const next = await this.source.pages.next();
        this.throwIfClosed();
        if (next.done) this.read = true;
        else this.pending.push(...(await this.plan(next.value)));
      }
    } catch (error) {
      this.close();
      if (this.source.controller.signal.aborted) throw this.abortError();
      throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    const records = this.pending.splice(0, limit);
    const done = this.read && this.pending.length === 0;
    const notFound = this.source.requested.notFound();
    return {
      counts: { ...this.counts },
      records,
      done,
      ...(done && this.adapter.capabilities.byEmail && notFound.length > 0
        ? { emailsNotFound: notFound }
        : {}),
    };
  }

  private throwIfClosed(): void {
    if (this.source.controller.signal.aborted) throw this.abortError();
  }

  private abortError(): AbortedError {
    return new AbortedError(abortReason(this.source.controller.signal));
  }

  /** Plans one page as the run's page writer would, and lays the plan over the partner master. */
  private async plan(page: CustomerPage): Promise<PreviewRecord[]> {
    this.source.requested.addPage(page);
    const input = await lookUpPage(this.overlay, page, this.source.context.matchRules);
    const plan = planPage(input, this.source.context);
    const stored = await partnersById(
      this.db,
      plan.updates.filter((update) => !this.overlay.planned(update.partnerId)).map((u) => u.partnerId),
    );
    const before = (partnerId: number) => {
      const planned = this.overlay.planned(partnerId);
      if (planned) return planned;
      const partner = stored.get(partnerId) as Partner;
      return { type: partner.type, number: partner.number, fields: storedFields(partner) };
    };
    const records = previewRecords(page, plan, (customer, partnerId) => {
      const partner = before(partnerId);
      return fieldChanges(partner.fields, importedFields(customer, partner.type));
    });
    this.overlay.apply(plan, before);
    if (this.source.deactivateDeleted) await this.deactivate(page);
    this.counts = addPreviewCounts(this.counts, plan);
    return records;
  }

  /** Tombstones of the page, as the page writer applies them (a tombstone older than a record read: undone). */
  private async deactivate(page: CustomerPage): Promise<void> {
    if (page.deleted.length === 0) return;
    const links = await this.overlay.links(page.deleted.map((item) => item.externalId));
    const newest = new Map(page.customers.map((customer) => [customer.externalId, customer.updatedAt]));
    const deleted = page.deleted.filter((item) => {
      const seen = newest.get(item.externalId);
      return seen === undefined || Date.parse(seen) < Date.parse(item.deletedAt);
    });
    this.overlay.deactivate(
      deleted.flatMap((item): ExistingLink[] => {
        const link = links.get(item.externalId);
        return link?.active ? [link] : [];
      }),
    );
  }
}
