/**
 * The Last transfer watermark (DESIGN.md section 3). Adapters deliver pages in ascending order of the
 * channel's change time, so after any committed page every record changed before the newest one seen
 * has been read. The watermark is the channel's own clock (never Kontor's), and:
 * - it never passes a record that was not imported (error / awaiting confirmation): the next run reads
 *   that record again;
 * - the next Last transfer reads from OVERLAP before it, so records that the shop committed late with an
 *   earlier change time (a transaction that was still open while we read) are not missed. Records read
 *   again in the overlap are recognised by their fingerprint and count as unchanged.
 */
export const WATERMARK_OVERLAP_MS = 60_000;

/** Where a Last transfer read starts: the watermark minus the overlap; null (everything) before the first. */
export function lastTransferSince(watermark: string | null): Date | null {
  return watermark === null ? null : new Date(Date.parse(watermark) - WATERMARK_OVERLAP_MS);
}

/** Tracks what a run has committed so far and gives the watermark it may set. */
export class WatermarkTracker {
  private newestSeen: number | null = null;
  private oldestHeld: number | null = null;

  constructor(private readonly previous: string | null) {}

  /** Adds a committed page: the change times read and those of records not imported. */
  addPage(seen: readonly string[], heldBack: readonly string[]): void {
    for (const value of seen) {
      const time = Date.parse(value);
      if (this.newestSeen === null || time > this.newestSeen) this.newestSeen = time;
    }
    for (const value of heldBack) {
      const time = Date.parse(value);
      if (this.oldestHeld === null || time < this.oldestHeld) this.oldestHeld = time;
    }
  }

  /** The watermark after the committed pages: the oldest held-back record, else the newest seen. */
  next(): string | null {
    const time = this.oldestHeld ?? this.newestSeen;
    return time === null ? this.previous : new Date(time).toISOString();
  }
}
