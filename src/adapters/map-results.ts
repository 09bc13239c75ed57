/**
 * The result of mapping one raw channel record to a ChannelCustomer, and its rejection; a page's records
 * mapped and sorted into what the adapter delivers. Field readers (text, phones, e-mail) are in
 * record-values.ts.
 */
import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';
import type { DeletedCustomer } from './adapter.ts';

export type MapResult = { ok: true; customer: ChannelCustomer } | { ok: false; rejected: RejectedRecord };

/** The result of mapping one item of a feed that carries tombstones: a customer, a deletion or a rejection. */
export type FeedMapResult =
  | { kind: 'customer'; customer: ChannelCustomer }
  | { kind: 'deleted'; deleted: DeletedCustomer }
  | { kind: 'rejected'; rejected: RejectedRecord };

export function reject(
  externalId: string | null,
  code: string,
  message: string,
  updatedAt: string | null,
): MapResult {
  return { ok: false, rejected: { externalId, code, message, updatedAt } };
}

/** A rejection with the raw record's e-mail (as the shop sent it), where it is a text. */
export function withRawEmail(result: MapResult, email: unknown): MapResult {
  if (result.ok || typeof email !== 'string' || email.trim() === '') return result;
  return { ok: false, rejected: { ...result.rejected, email: email.trim() } };
}

/** One field of a raw record that may not even be an object. */
export function rawField(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
}

/** Maps a page's records, in order, into its customers and rejections. */
export function mapRecords<T>(
  records: Iterable<T>,
  map: (record: T) => MapResult,
): { customers: ChannelCustomer[]; rejected: RejectedRecord[] } {
  const customers: ChannelCustomer[] = [];
  const rejected: RejectedRecord[] = [];
  for (const record of records) {
    const result = map(record);
    if (result.ok) customers.push(result.customer);
    else rejected.push(withRaw(result.rejected, record));
  }
  return { customers, rejected };
}

/** Maps a page of feed items, in order, into its customers, rejections and deletions. */
export function mapFeedItems<T>(
  items: Iterable<T>,
  map: (item: T) => FeedMapResult,
): { customers: ChannelCustomer[]; rejected: RejectedRecord[]; deleted: DeletedCustomer[] } {
  const customers: ChannelCustomer[] = [];
  const rejected: RejectedRecord[] = [];
  const deleted: DeletedCustomer[] = [];
  for (const item of items) {
    const result = map(item);
    if (result.kind === 'customer') customers.push(result.customer);
    else if (result.kind === 'deleted') deleted.push(result.deleted);
    else rejected.push(withRaw(result.rejected, item));
  }
  return { customers, rejected, deleted };
}

/** A rejection with the shop's raw record, kept with the open record so that nobody loses sight of it. */
export function withRaw(rejected: RejectedRecord, raw: unknown): RejectedRecord {
  if (rejected.raw !== undefined) return rejected;
  const email = (raw as { email?: unknown } | null)?.email;
  return {
    ...rejected,
    raw,
    ...(typeof email === 'string' && email.trim() !== '' ? { email: email.trim() } : {}),
  };
}
