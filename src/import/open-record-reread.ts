/**
 * Open records read again by id (docs/import-rules.md "Open records"): a Last transfer reads the channel's open
 * records that its own read did not return, and Retry reads the records a user picked. Each page is committed
 * like any other (import/page-writer.ts): records now valid are imported and their open records close, the rest
 * stay open, seen again by this run. The pages do not move the watermark: they are not part of the change-time
 * ordered read.
 */
import type { Adapter, ChannelConnection } from '../adapters/adapter.ts';
import { asKontorError } from '../domain/errors.ts';
import { addCounts, type RunCounts, ZERO_COUNTS } from '../domain/import-run.ts';
import type { Logger } from '../domain/logger.ts';
import { ENGLISH_MESSAGES } from '../domain/messages/messages.ts';
import type { Db } from '../storage/db.ts';
import { recordPage } from '../storage/import-run-store.ts';
import { openIdsNotSeenBy } from '../storage/open-record-store.ts';
import { retryDatabaseStep } from './database-retry.ts';
import { commitPage, type PageTarget } from './page-writer.ts';

export interface RereadInput {
  db: Db;
  adapter: Adapter;
  connection: ChannelConnection;
  target: PageTarget;
  signal?: AbortSignal;
  log: Logger;
  onPage?: (counts: RunCounts) => void;
}

/** Reads these ids again and commits what the channel returns; returns the counts and the ids it returned. */
export async function rereadByIds(
  input: RereadInput,
  externalIds: readonly string[],
): Promise<{ counts: RunCounts; returned: Set<string> }> {
  let counts: RunCounts = { ...ZERO_COUNTS };
  const returned = new Set<string>();
  if (!input.adapter.readByIds || externalIds.length === 0) return { counts, returned };
  const { db, target } = input;
  for await (const page of input.adapter.readByIds(input.connection, externalIds, input.signal)) {
    for (const customer of page.customers) returned.add(customer.externalId);
    for (const record of page.rejected) if (record.externalId !== null) returned.add(record.externalId);
    const plan = await retryDatabaseStep(() => commitPage(db, target, page), {
      signal: input.signal,
      onRetry: (error) =>
        input.log.warn(`kontor: import run ${target.runId}: ${error.message}; committing the page again`),
    });
    counts = addCounts(counts, plan.counts);
    input.onPage?.(counts);
    input.signal?.throwIfAborted();
  }
  return { counts, returned };
}

/**
 * A Last transfer's second step: the channel's open records that its read did not return, read again by id. A
 * failure of this step is logged as a warning of the run and does not fail it (the records stay open; the
 * watermark of the read stands); a stop (cancel, maximum run time) stops the run.
 */
export async function rereadOpenRecords(input: RereadInput): Promise<RunCounts> {
  if (!input.adapter.readByIds) return { ...ZERO_COUNTS };
  const { db, target } = input;
  const ids = await openIdsNotSeenBy(db, target.channelId, target.runId);
  try {
    return (await rereadByIds(input, ids)).counts;
  } catch (error) {
    if (input.signal?.aborted) throw error;
    const kontorError = asKontorError(error);
    if (kontorError.kind === 'bug') throw error;
    await recordPage(db, target.runId, { ...ZERO_COUNTS }, null, [
      {
        level: 'warning',
        externalId: null,
        code: 'OPEN_RECORDS_NOT_REREAD',
        message: (target.context.messages ?? ENGLISH_MESSAGES).say('OPEN_RECORDS_NOT_REREAD', {
          reason: kontorError.message,
        }),
      },
    ]);
    return { ...ZERO_COUNTS };
  }
}
