/**
 * The import's read of a channel: the first pages on the import's own thread, the rest of a long read in a
 * worker thread (import/worker-read.ts). A read that the shop says is longer than HAND_OFF_PAGES more pages,
 * or that has gone on for that many, continues from the cursor of the page last read (every adapter resumes
 * from its cursor without losing or repeating a customer: test/adapter-contract.test.ts), so short reads, the
 * usual Last transfer, cost no thread. Only the default adapters can be built in a worker; any other adapter
 * (tests') reads on the import's thread throughout.
 */
import type { Adapter, ChannelConnection, CustomerPage, ReadRequest } from '../adapters/adapter.ts';
import { defaultAdapters } from '../adapters/registry.ts';
import { readInWorker } from './worker-read.ts';

/** Pages ahead (by the shop's total) or read, from which on the rest is read in a worker. */
export const HAND_OFF_PAGES = 20;

function inDefaultRegistry(adapter: Adapter): boolean {
  return defaultAdapters.list().includes(adapter);
}

export interface ReadHooks {
  /** The read goes on in a worker thread after this many pages. */
  onHandOff?: (pagesRead: number) => void;
}

export async function* readChannel(
  adapter: Adapter,
  connection: ChannelConnection,
  request: Omit<ReadRequest, 'signal'>,
  signal: AbortSignal,
  hooks: ReadHooks = {},
): AsyncGenerator<CustomerPage> {
  const inThread = adapter.readCustomers(connection, { ...request, signal });
  if (!inDefaultRegistry(adapter)) {
    yield* inThread;
    return;
  }
  let pages = 0;
  let records = 0;
  let cursor: string | null = null;
  for await (const page of inThread) {
    pages += 1;
    records += page.customers.length + page.rejected.length;
    yield page;
    const ahead = page.total === undefined ? 0 : (page.total - records) / adapter.capabilities.pageSize;
    if (page.cursor !== null && (pages >= HAND_OFF_PAGES || ahead >= HAND_OFF_PAGES)) {
      cursor = page.cursor;
      break;
    }
  }
  if (cursor === null) return;
  hooks.onHandOff?.(pages);
  const rest = {
    kind: adapter.kind,
    connection,
    request: { since: request.since?.toISOString() ?? null, emails: request.emails, cursor },
  };
  // The worker's read counts its total from the cursor on: the pages read here come before.
  for await (const page of readInWorker(rest, signal))
    yield page.total === undefined ? page : { ...page, total: records + page.total };
}
