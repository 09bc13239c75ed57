/**
 * A preview's view of one planned page: per record what the run would do (create, update with the fields
 * that change, unchanged, skipped, awaiting with its warnings, error with its codes), and the counts.
 */
import type { CustomerPage } from '../adapters/adapter.ts';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import type { PagePlan } from '../domain/page-plan.ts';
import type { FieldChange } from './partner-changes.ts';

export const PREVIEW_ACTIONS = ['create', 'update', 'unchanged', 'skipped', 'awaiting', 'error'] as const;
export type PreviewAction = (typeof PREVIEW_ACTIONS)[number];

export interface PreviewRecord {
  externalId: string | null;
  action: PreviewAction;
  /** update: the fields that would change. */
  changes?: FieldChange[];
  /** awaiting: the warnings; error: the errors; create/update: warnings that would be confirmed. */
  codes?: string[];
}

export interface PreviewCounts {
  read: number;
  create: number;
  update: number;
  unchanged: number;
  awaiting: number;
  errors: number;
  /** Occasional customers the channel's pseudo partner stands for (the run's `skipped`). */
  skipped: number;
}

export const ZERO_PREVIEW_COUNTS: Readonly<PreviewCounts> = Object.freeze({
  read: 0,
  create: 0,
  update: 0,
  unchanged: 0,
  awaiting: 0,
  errors: 0,
  skipped: 0,
});

export function addPreviewCounts(a: PreviewCounts, plan: PagePlan): PreviewCounts {
  return {
    read: a.read + plan.counts.read,
    create: a.create + plan.counts.created,
    update: a.update + plan.counts.updated,
    unchanged: a.unchanged + plan.counts.unchanged,
    awaiting: a.awaiting + plan.counts.awaiting,
    errors: a.errors + plan.counts.errors,
    skipped: a.skipped + plan.counts.skipped,
  };
}

/** The records of a planned page, in the order read (a customer read twice in the page: once, as last read). */
export function previewRecords(
  page: Pick<CustomerPage, 'customers' | 'rejected'>,
  plan: PagePlan,
  changesOf: (customer: ChannelCustomer, partnerId: number) => FieldChange[],
): PreviewRecord[] {
  const records: PreviewRecord[] = page.rejected.map((record) => ({
    externalId: record.externalId,
    action: 'error',
    codes: [record.code],
  }));
  const created = new Set(plan.creates.map((create) => create.customer.externalId));
  const updated = new Map(plan.updates.map((update) => [update.customer.externalId, update]));
  const unique = new Map<string, ChannelCustomer>();
  for (const customer of page.customers) unique.set(customer.externalId, customer);
  for (const customer of unique.values()) {
    const lines = plan.log.filter((line) => line.externalId === customer.externalId);
    const codes = (level: string) => lines.filter((line) => line.level === level).map((line) => line.code);
    const errors = codes('error');
    const awaiting = codes('awaiting');
    const warnings = codes('warning');
    const id = customer.externalId;
    const update = updated.get(id);
    let record: PreviewRecord;
    if (errors.length > 0) record = { externalId: id, action: 'error', codes: errors };
    else if (awaiting.length > 0) record = { externalId: id, action: 'awaiting', codes: awaiting };
    else if (codes('skipped').length > 0)
      record = { externalId: id, action: 'skipped', codes: codes('skipped') };
    else if (created.has(id)) record = { externalId: id, action: 'create' };
    else if (update)
      record = { externalId: id, action: 'update', changes: changesOf(update.customer, update.partnerId) };
    else record = { externalId: id, action: 'unchanged' };
    if ((record.action === 'create' || record.action === 'update') && warnings.length > 0)
      record.codes = warnings;
    if (record.action === 'unchanged' && codes('info').length > 0) record.codes = codes('info');
    records.push(record);
  }
  return records;
}
