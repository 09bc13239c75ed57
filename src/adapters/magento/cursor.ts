/**
 * The Magento adapter's resume point: the (updated_at, entity_id) of the last customer read, with
 * updated_at exactly as the shop wrote it. Reading with a cursor continues with the customers after it in
 * (updated_at, entity_id) order. Text form: "magento:v1|2024-05-17 08:03:11|4711".
 */
import { ConfigError } from '../../domain/errors.ts';

export interface MagentoCursor {
  /** Magento's updated_at text of the last record read. */
  updatedAt: string;
  id: number;
}

const PREFIX = 'magento:v1|';

export function encodeCursor(cursor: MagentoCursor): string {
  return `${PREFIX}${cursor.updatedAt}|${cursor.id}`;
}

export function decodeCursor(text: string): MagentoCursor {
  const match = /^magento:v1\|(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\|(\d+)$/.exec(text);
  if (!match) throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the Magento adapter.`);
  return { updatedAt: match[1] as string, id: Number(match[2]) };
}

/** Orders cursors like the shop sorts: by updated_at text, then by id. */
export function compareCursors(a: MagentoCursor, b: MagentoCursor): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  return a.id - b.id;
}
