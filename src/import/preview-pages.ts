/**
 * The pages a preview plans, in the order the run commits them: the selection's read, then (Last transfer,
 * adapters that read by id) the channel's open records that the read did not return, read again by id as the
 * run's import/open-record-reread.ts does. As in the run, a failure of that second read leaves the open records
 * as they are (the run logs OPEN_RECORDS_NOT_REREAD) and a stop stops the preview.
 */
import type { Adapter, ChannelConnection, CustomerPage } from '../adapters/adapter.ts';
import { asKontorError } from '../domain/errors.ts';
import type { Selection } from './selection.ts';

export interface PreviewPagesInput {
  adapter: Adapter;
  connection: ChannelConnection;
  selection: Selection;
  signal: AbortSignal;
  /** The channel's open records (external ids). */
  openIds: () => Promise<string[]>;
}

export async function* previewPages(input: PreviewPagesInput): AsyncGenerator<CustomerPage> {
  const { adapter, connection, selection, signal } = input;
  const read = new Set<string>();
  const pages = adapter.readCustomers(connection, {
    since: selection.since,
    emails: selection.emails,
    cursor: null,
    signal,
  });
  for await (const page of pages) {
    for (const record of [...page.customers, ...page.rejected])
      if (record.externalId !== null) read.add(record.externalId);
    yield page;
  }
  if (selection.mode !== 'last-transfer' || !adapter.readByIds) return;
  const ids = (await input.openIds()).filter((id) => !read.has(id));
  if (ids.length === 0) return;
  const reread = adapter.readByIds(connection, ids, signal)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<CustomerPage>;
    try {
      next = await reread.next();
    } catch (error) {
      // The pages read before the failure count, as the run committed them; the rest stay open.
      if (signal.aborted || asKontorError(error).kind === 'bug') throw error;
      return;
    }
    if (next.done) return;
    yield next.value;
  }
}
