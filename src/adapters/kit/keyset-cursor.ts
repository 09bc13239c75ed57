/**
 * The resume point of adapters whose protocol pages by a keyset of (change time, id): the change time
 * exactly as the server wrote it and the id of the last record read. Text form
 * "<kind>:v1|<change time>|<id>", e.g. "webshop:v1|2025-03-02T14:05:09.120+01:00|1042". The change time is
 * kept as the server's text, so a record whose change time the adapter cannot read still moves the cursor.
 */
import { ConfigError } from '../../domain/errors.ts';

export interface KeysetCursor {
  /** The server's change time text of the last record read. */
  changedAt: string;
  id: string;
}

export interface KeysetCursorCodec {
  encode(cursor: KeysetCursor): string;
  decode(text: string): KeysetCursor;
  /** Orders keysets like the server. */
  compare(a: KeysetCursor, b: KeysetCursor): number;
  /** True when `next` lies after `previous` (for the paging driver). */
  advanced(previous: KeysetCursor, next: KeysetCursor): boolean;
  /** "cursor <previous>, last item <next>", the detail of a stuck error. */
  describe(previous: KeysetCursor, next: KeysetCursor): string;
}

export interface KeysetCursorOptions {
  /** The server's change-time text in milliseconds for the order check (NaN if unreadable: then only the id decides). */
  instantOf: (changedAt: string) => number;
  /** Orders ids like the server. */
  compareIds: (a: string, b: string) => number;
  /** The change-time and id a cursor may hold (a stricter decode); default any non-empty text without a final "|". */
  pattern?: RegExp;
  /** The adapter's name in the INVALID_CURSOR message; default the kind. */
  label?: string;
}

export function keysetCursorCodec(kind: string, options: KeysetCursorOptions): KeysetCursorCodec {
  const prefix = `${kind}:v1|`;
  const { instantOf, compareIds } = options;
  const compare = (a: KeysetCursor, b: KeysetCursor): number => {
    const ta = instantOf(a.changedAt);
    const tb = instantOf(b.changedAt);
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
    return compareIds(a.id, b.id);
  };
  const encode = (cursor: KeysetCursor): string => `${prefix}${cursor.changedAt}|${cursor.id}`;
  return {
    encode,
    compare,
    advanced: (previous, next) => compare(next, previous) > 0,
    describe: (previous, next) => `cursor ${encode(previous)}, last item ${next.changedAt}|${next.id}`,
    decode(text) {
      const rest = text.startsWith(prefix) ? text.slice(prefix.length) : null;
      const cut = rest?.lastIndexOf('|') ?? -1;
      const changedAt = rest?.slice(0, cut) ?? '';
      const id = rest?.slice(cut + 1) ?? '';
      const valid =
        rest !== null &&
        cut > 0 &&
        cut < rest.length - 1 &&
        (options.pattern === undefined || options.pattern.test(`${changedAt}|${id}`));
      if (!valid) {
        throw new ConfigError(
          'INVALID_CURSOR',
          `"${text}" is not a cursor of the ${options.label ?? kind} adapter.`,
        );
      }
      return { changedAt, id };
    },
  };
}
