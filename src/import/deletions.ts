/**
 * Deactivate deleted customer accounts: tombstones are applied page by page (page-writer.ts); an id scan
 * runs after a complete read and deactivates the links whose customer the channel no longer has.
 */
import type { Adapter, ChannelConnection } from '../adapters/adapter.ts';
import { DataError } from '../domain/errors.ts';
import type { RunLogLine } from '../domain/import-run.ts';
import { ZERO_COUNTS } from '../domain/import-run.ts';
import { ENGLISH_MESSAGES, type Messages } from '../domain/messages/messages.ts';
import type { Db } from '../storage/db.ts';
import { recordPage } from '../storage/import-run-store.ts';
import {
  countActiveLinks,
  type DeactivatedLink,
  deactivateMissingLinks,
} from '../storage/link-deletion-store.ts';

export function deactivationLog(
  links: readonly DeactivatedLink[],
  messages: Messages = ENGLISH_MESSAGES,
): RunLogLine[] {
  return links.map((link) => ({
    level: 'info',
    externalId: link.externalId,
    code: 'ACCOUNT_DELETED',
    message: messages.say('ACCOUNT_DELETED', {
      deletedAt: link.deletedAt.toISOString(),
      partner: link.partnerNumber,
    }),
  }));
}

/** Lists every id the channel has and deactivates the links of the missing ones; returns how many. */
export async function scanForDeletedAccounts(
  db: Db,
  adapter: Adapter,
  connection: ChannelConnection,
  target: { runId: number; channelId: number; now: Date; messages?: Messages },
  signal?: AbortSignal,
): Promise<number> {
  if (!adapter.listIds) return 0;
  const present: string[] = [];
  for await (const batch of adapter.listIds(connection, signal)) present.push(...batch);
  if (present.length === 0 && (await countActiveLinks(db, target.channelId)) > 0) {
    throw new DataError(
      'ID_SCAN_EMPTY',
      `The ${adapter.label} channel listed no customers at all, so no account was deactivated (check the channel's settings).`,
    );
  }
  return db.transaction(async (tx) => {
    const deactivated = await deactivateMissingLinks(tx, target.channelId, present, target.now);
    await recordPage(
      tx,
      target.runId,
      { ...ZERO_COUNTS, deactivated: deactivated.length },
      null,
      deactivationLog(deactivated, target.messages),
    );
    return deactivated.length;
  });
}
