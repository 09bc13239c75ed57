/**
 * The Amazon adapter's resume point. A read covers the orders last updated in a window [from, to] (Amazon's
 * LastUpdatedAfter / LastUpdatedBefore, both inclusive) and delivers the window's buyers in (change time,
 * key) order. The cursor names the window and the last buyer delivered, so reading with it reads the same
 * window again and continues after that buyer. Text form:
 * "amazon:v1|2025-06-01T00:00:00Z|2025-06-30T11:58:00Z|2025-06-29T10:00:00.000Z|abc123%40marketplace.amazon.de"
 * (an empty change time stands for a buyer whose orders had no readable change time: they come first).
 */
import { ConfigError } from '../../domain/errors.ts';
import type { Position } from './map.ts';

export interface AmazonCursor {
  /** LastUpdatedAfter of the window, as sent. */
  from: string;
  /** LastUpdatedBefore of the window, as Amazon answered it. */
  to: string;
  after: Position;
}

const PREFIX = 'amazon:v1|';
const DATE = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z`;
const PATTERN = new RegExp(`^amazon:v1\\|(${DATE})\\|(${DATE})\\|(${DATE})?\\|([^|]+)$`);

export function encodeCursor(cursor: AmazonCursor): string {
  const { from, to, after } = cursor;
  return `${PREFIX}${from}|${to}|${after.updatedAt ?? ''}|${encodeURIComponent(after.key)}`;
}

export function decodeCursor(text: string): AmazonCursor {
  const match = PATTERN.exec(text);
  const key = match ? safeDecode(match[4] as string) : null;
  if (!match || key === null) {
    throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the Amazon adapter.`);
  }
  return {
    from: match[1] as string,
    to: match[2] as string,
    after: { updatedAt: match[3] ?? null, key },
  };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
