/**
 * The IBUS adapter's resume point: (changedAt, id) of the last feed entry read. Text form:
 * "ibus:v1|2025-06-01T08:03:11.123Z|K-000123".
 */
import { ConfigError } from '../../domain/errors.ts';

export interface IbusCursor {
  changedAt: string;
  id: string;
}

export function encodeCursor(cursor: IbusCursor): string {
  return `ibus:v1|${cursor.changedAt}|${cursor.id}`;
}

export function decodeCursor(text: string): IbusCursor {
  const match = /^ibus:v1\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(.+)$/.exec(text);
  if (!match) throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the IBUS adapter.`);
  return { changedAt: match[1] as string, id: match[2] as string };
}

/** The feed's order: changedAt, then id (ordinal comparison). */
export function compareCursors(a: IbusCursor, b: IbusCursor): number {
  if (a.changedAt !== b.changedAt) return a.changedAt < b.changedAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
