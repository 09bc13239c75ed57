/**
 * The paging driver every adapter's read loop runs on: before each request it checks the abort signal,
 * after each page it checks that the position moved forward (else the server does not honour the paging
 * parameters and the adapter would read forever: a BugError with the adapter's stable `<KIND>_PAGING_STUCK`
 * code), and it stops on an empty or last page. The adapter supplies how to fetch a page at a position
 * and how positions compare; the styles (keyset, next token, next link, page/offset) differ only in that.
 */
import { BugError } from '../../domain/errors.ts';
import { throwIfAborted } from '../http/abort.ts';

export interface FetchedPage<P, T> {
  /** What the page holds (records, ids); handed on to the caller with the position after it. */
  items: T;
  /** The position after this page. */
  next: P;
  /** True when the server says (or the page size shows) that no page follows. */
  last: boolean;
}

export interface PagingOptions<P, T> {
  /** The position to resume after (a decoded cursor), null = from the beginning. */
  start: P | null;
  /** The page after `after`; null for an empty page, which ends the read. */
  fetch(after: P | null): Promise<FetchedPage<P, T> | null>;
  /** True when `next` lies after `previous` in the server's order. */
  advanced(previous: P, next: P): boolean;
  /** The stable error code, e.g. "MAGENTO_PAGING_STUCK". */
  stuckCode: string;
  /** The stuck error's message (names the host and the parameters not honoured). */
  stuckMessage: string;
  /** Detail for the stuck error (positions; never secrets). */
  describe?: (previous: P, next: P) => string;
  signal?: AbortSignal;
}

export interface DrivenPage<P, T> {
  items: T;
  /** The position after this page. */
  position: P;
}

export async function* drivePages<P, T>(options: PagingOptions<P, T>): AsyncGenerator<DrivenPage<P, T>> {
  let position = options.start;
  for (;;) {
    throwIfAborted(options.signal);
    const page = await options.fetch(position);
    if (page === null) return;
    if (position !== null && !options.advanced(position, page.next)) {
      throw new BugError(
        options.stuckCode,
        options.stuckMessage,
        options.describe ? { detail: options.describe(position, page.next) } : undefined,
      );
    }
    position = page.next;
    yield { items: page.items, position };
    if (page.last) return;
  }
}

/** Orders text like the servers that compare ordinally (by UTF-16 code units). */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
