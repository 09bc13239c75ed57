/**
 * The resume point of adapters whose protocol pages by a keyset of (change time, id): the change time
 * exactly as the server wrote it and the id of the last record read. Text form
 * "<kind>:v1|<change time>|<id>", e.g. "webshop:v1|2025-03-02T14:05:09.120+01:00|1042". The change time is
 * kept as the server's text, so a record whose change time the adapter cannot read still moves the cursor.
 */
import { BugError, ConfigError } from '../domain/errors.ts';

export interface KeysetCursor {
  /** The server's change time text of the last record read. */
  changedAt: string;
  id: string;
}

export interface KeysetCursorCodec {
  encode(cursor: KeysetCursor): string;
  decode(text: string): KeysetCursor;
  /**
   * Throws a BugError (`<KIND>_PAGING_STUCK`) unless `next` lies after `previous` in the server's order:
   * a server that does not honour the keyset would otherwise make the adapter read forever.
   */
  assertAdvanced(previous: KeysetCursor | null, next: KeysetCursor, host: string): void;
}

/**
 * A codec for one adapter kind. `instantOf` turns the server's change-time text into milliseconds for the
 * order check (NaN if unreadable: then only the id decides); `compareIds` orders ids like the server.
 */
export function keysetCursorCodec(
  kind: string,
  instantOf: (changedAt: string) => number,
  compareIds: (a: string, b: string) => number,
): KeysetCursorCodec {
  const prefix = `${kind}:v1|`;
  const compare = (a: KeysetCursor, b: KeysetCursor): number => {
    const ta = instantOf(a.changedAt);
    const tb = instantOf(b.changedAt);
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
    return compareIds(a.id, b.id);
  };
  return {
    encode: (cursor) => `${prefix}${cursor.changedAt}|${cursor.id}`,
    decode(text) {
      const rest = text.startsWith(prefix) ? text.slice(prefix.length) : null;
      const cut = rest?.lastIndexOf('|') ?? -1;
      if (rest === null || cut <= 0 || cut === rest.length - 1) {
        throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the ${kind} adapter.`);
      }
      return { changedAt: rest.slice(0, cut), id: rest.slice(cut + 1) };
    },
    assertAdvanced(previous, next, host) {
      if (previous === null || compare(next, previous) > 0) return;
      throw new BugError(
        `${kind.toUpperCase().replace(/-/g, '_')}_PAGING_STUCK`,
        `${host} does not honour the paging parameters: the customer list did not move past the last customer read.`,
        {
          detail: `cursor ${prefix}${previous.changedAt}|${previous.id}, last item ${next.changedAt}|${next.id}`,
        },
      );
    },
  };
}
