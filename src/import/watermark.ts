/**
 * The Last transfer watermark (DESIGN.md section 3). Adapters deliver pages in ascending order of the
 * channel's change time, so after any committed page every record changed before the newest one seen
 * has been read. The watermark is the channel's own clock (never Kontor's), and:
 * - a record that was not imported (error / awaiting confirmation) is kept as an open record
 *   (storage/open-record-store.ts) and no longer holds it: every Last transfer reads the open records again
 *   by id (import/open-record-reread.ts). Only a record that cannot be kept (refused without an external id)
 *   holds it (heldBack), so that the next run reads that record again;
 * - the next Last transfer reads from OVERLAP before it, so records that the shop committed late with an
 *   earlier change time (a transaction that was still open while we read) are not missed. Records read
 *   again in the overlap are recognised by their fingerprint and count as unchanged;
 * - it never passes the present (the start of the run's read): a record whose change time lies in the future
 *   (a shop's broken clock, a typed-in 2099) would otherwise make every later Last transfer read nothing;
 * - it never passes the point before a page with a record without an external id refused for an unreadable change time (the shop
 *   sorts such a record before the dated ones, Magento's zero date first of all): it stays at the newest
 *   change time of the earlier pages, or where the run began reading, so the next Last transfer reads it again.
 */
export const WATERMARK_OVERLAP_MS = 60_000;

/** Where a Last transfer read starts: the watermark minus the overlap; null (everything) before the first. */
export function lastTransferSince(watermark: string | null, now: Date): Date | null {
  if (watermark === null) return null;
  return new Date(Math.min(Date.parse(watermark), now.getTime()) - WATERMARK_OVERLAP_MS);
}

/** Tracks what a run has committed so far and gives the watermark it may set. */
export class WatermarkTracker {
  private newestSeen: number | null = null;
  private oldestHeld: number | null = null;
  /** An undated refused record came before every dated record read: hold at `readFrom`. */
  private heldAtStart = false;

  /**
   * `present`: when the run started reading; no watermark it gives passes it. `readFrom`: where the read
   * began on the shop's clock (the previous watermark for a Last transfer; null: from the beginning).
   */
  constructor(
    private readonly previous: string | null,
    private readonly present: Date,
    private readonly readFrom: string | null = previous,
  ) {}

  /**
   * Adds a committed page: the change times read, those of records not imported, and whether a record
   * without a readable change time was refused in it.
   */
  addPage(seen: readonly string[], heldBack: readonly string[], undated = false): void {
    if (undated) {
      if (this.newestSeen === null) this.heldAtStart = true;
      else if (this.oldestHeld === null || this.newestSeen < this.oldestHeld)
        this.oldestHeld = this.newestSeen;
    }
    for (const value of seen) {
      const time = Math.min(Date.parse(value), this.present.getTime());
      if (this.newestSeen === null || time > this.newestSeen) this.newestSeen = time;
    }
    for (const value of heldBack) {
      const time = Math.min(Date.parse(value), this.present.getTime());
      if (this.oldestHeld === null || time < this.oldestHeld) this.oldestHeld = time;
    }
  }

  /** The watermark after the committed pages: the oldest held-back record, else the newest seen. */
  next(): string | null {
    if (this.heldAtStart) {
      if (this.readFrom === null) return null;
      return new Date(Math.min(Date.parse(this.readFrom), this.present.getTime())).toISOString();
    }
    const time = this.oldestHeld ?? this.newestSeen;
    if (time !== null) return new Date(time).toISOString();
    if (this.previous !== null && Date.parse(this.previous) > this.present.getTime())
      return this.present.toISOString();
    return this.previous;
  }
}
