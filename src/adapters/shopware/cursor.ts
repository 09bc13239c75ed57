/**
 * The Shopware adapter's resume point: where each of its two keyset streams stands (customers never
 * changed, by createdAt; changed customers, by updatedAt). Text form: "shopware:v1|" + base64url(JSON).
 */
import { ConfigError } from '../../domain/errors.ts';
import { START, type StreamPosition } from './keyset.ts';

export interface ShopwareCursor {
  fresh: StreamPosition;
  changed: StreamPosition;
}

const PREFIX = 'shopware:v1|';

export function encodeCursor(cursor: ShopwareCursor): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(cursor)).toString('base64url')}`;
}

export function decodeCursor(text: string): ShopwareCursor {
  const invalid = () =>
    new ConfigError('INVALID_CURSOR', `"${text.slice(0, 80)}" is not a cursor of the Shopware adapter.`);
  if (!text.startsWith(PREFIX)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const cursor = value as Partial<ShopwareCursor> | null;
  if (!isPosition(cursor?.fresh) || !isPosition(cursor?.changed)) throw invalid();
  return { fresh: cursor.fresh, changed: cursor.changed };
}

export const START_CURSOR: ShopwareCursor = { fresh: START, changed: START };

function isPosition(value: unknown): value is StreamPosition {
  const position = value as StreamPosition | null;
  return (
    typeof position === 'object' &&
    position !== null &&
    (position.t === null || (typeof position.t === 'string' && !Number.isNaN(Date.parse(position.t)))) &&
    Array.isArray(position.ids) &&
    position.ids.every((id) => typeof id === 'string' && /^[0-9a-f]{32}$/.test(id)) &&
    (position.offset === null || (Number.isInteger(position.offset) && position.offset >= 0))
  );
}
