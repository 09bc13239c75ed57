/**
 * The Magento adapter's resume point: the (updated_at, entity_id) of the last customer read, with
 * updated_at exactly as the shop wrote it, on the kit's keyset cursor codec. Reading with a cursor
 * continues with the customers after it in (updated_at, entity_id) order. Text form:
 * "magento:v1|2024-05-17 08:03:11|4711".
 */
import { keysetCursorCodec } from '../kit/keyset-cursor.ts';
import { magentoTimeOrder } from './magento-dates.ts';

export interface MagentoCursor {
  /** Magento's updated_at text of the last record read. */
  updatedAt: string;
  id: number;
}

/** The codec the adapter pages with (entity ids compare as numbers). */
export const magentoCursor = keysetCursorCodec('magento', {
  instantOf: magentoTimeOrder,
  compareIds: (a, b) => Number(a) - Number(b),
  pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\|\d+$/,
  label: 'Magento',
});

export function encodeCursor(cursor: MagentoCursor): string {
  return magentoCursor.encode({ changedAt: cursor.updatedAt, id: String(cursor.id) });
}

export function decodeCursor(text: string): MagentoCursor {
  const { changedAt, id } = magentoCursor.decode(text);
  return { updatedAt: changedAt, id: Number(id) };
}
