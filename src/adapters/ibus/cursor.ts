/**
 * The IBUS adapter's resume point: the keyset (changedAt, id) of the last feed entry read, in the kit's
 * keyset form "ibus:v1|2025-06-01T08:03:11.123Z|K-000123". The bus writes changedAt in one fixed UTC form
 * and orders ids ordinally.
 */
import { compareOrdinal, type KeysetCursor, keysetCursorCodec } from '../kit/index.ts';

/** The form of the bus's change times (ISO 8601 UTC with milliseconds). */
export const IBUS_CHANGED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export type IbusCursor = KeysetCursor;

export const ibusCursor = keysetCursorCodec('ibus', {
  instantOf: (changedAt) => Date.parse(changedAt),
  compareIds: compareOrdinal,
  pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[^|]+$/,
  label: 'IBUS',
});
