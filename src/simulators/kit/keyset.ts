/**
 * Keyset paging as the simulated systems do it: entries ordered by (instant, id), an optional inclusive lower
 * bound on the instant, and the page after a position. A changed entry moves behind a reader's position
 * and comes again, instead of shifting every later entry as offset paging would.
 */
export interface KeysetEntry {
  /** The entry's change instant, ms since the epoch. */
  time: number;
  id: string;
}

export function compareKeys(a: KeysetEntry, b: KeysetEntry): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first `limit` entries changed at or after `since` and after the position `after`, in key order. */
export function keysetPage<Entry extends KeysetEntry>(
  entries: readonly Entry[],
  options: { since: number | null; after: KeysetEntry | null; limit: number },
): Entry[] {
  const { since, after, limit } = options;
  return entries
    .filter(
      (entry) => (since === null || entry.time >= since) && (after === null || compareKeys(entry, after) > 0),
    )
    .sort(compareKeys)
    .slice(0, limit);
}
