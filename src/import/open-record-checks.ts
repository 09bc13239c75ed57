/**
 * The checks of an open-record action before and while it runs (import/open-record-service.ts): the external
 * ids a user named (trimmed, none empty, at most MAX_ACTION_IDS), and the refusal messages of records an action
 * cannot handle (not kept for the channel, not open, not confirmable).
 */

import { InvalidInputError } from '../domain/errors.ts';
import { MAX_ACTION_IDS } from '../domain/open-record.ts';
import type { KeptOpenRecord } from '../storage/open-record-store.ts';

export function checkedIds(externalIds: readonly string[]): string[] {
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

export function notKept(id: string, channel: string): string {
  return `No record with external id ${id} is kept for sales channel "${channel}".`;
}

export function confirmRefusal(id: string, kept: KeptOpenRecord | undefined, channel: string): string | null {
  if (!kept) return notKept(id, channel);
  if (kept.state !== 'open') return `Customer ${id} is ${kept.state}, not open.`;
  if (kept.level === 'error')
    return `Customer ${id} has errors (${kept.codes.join(', ')}) and cannot be confirmed: fix it in the shop and retry, or ignore it.`;
  if (kept.codes.includes('MATCH_AMBIGUOUS'))
    return `Customer ${id} matches several partners and waits for a decision: link it to one (records link --partner <number>) or create a new partner (records create-new).`;
  return null;
}
