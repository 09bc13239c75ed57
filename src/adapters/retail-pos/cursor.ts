/**
 * The Retail POS adapter's resume point: the head office's keyset position after the last page read,
 * (modifiedAt exactly as the head office wrote it, customerId). Text form:
 * "retail-pos:v1|2025-06-01T08:00:00.123Z|100045".
 */
import { ConfigError } from '../../domain/errors.ts';
import type { PosPosition } from './pos-types.ts';

const PREFIX = 'retail-pos:v1|';

export function encodeCursor(position: PosPosition): string {
  return `${PREFIX}${position.modifiedAt}|${position.customerId}`;
}

export function decodeCursor(text: string): PosPosition {
  const match = /^retail-pos:v1\|([^|]+)\|([^|]+)$/.exec(text);
  if (!match || Number.isNaN(Date.parse(match[1] as string)))
    throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the Retail POS adapter.`);
  return { modifiedAt: match[1] as string, customerId: match[2] as string };
}
