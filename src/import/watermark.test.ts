import { describe, expect, it } from 'vitest';
import { lastTransferSince, WATERMARK_OVERLAP_MS, WatermarkTracker } from './watermark.ts';

describe('WatermarkTracker', () => {
  it('keeps the previous watermark when nothing was read', () => {
    expect(new WatermarkTracker('2026-01-01T00:00:00.000Z').next()).toBe('2026-01-01T00:00:00.000Z');
    expect(new WatermarkTracker(null).next()).toBeNull();
  });

  it('moves to the newest change time seen', () => {
    const tracker = new WatermarkTracker(null);
    tracker.addPage(['2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z'], []);
    tracker.addPage(['2026-01-02T00:00:00Z'], []);
    expect(tracker.next()).toBe('2026-01-03T00:00:00.000Z');
  });

  it('never passes a record that was not imported, even one older than the previous watermark', () => {
    const tracker = new WatermarkTracker('2026-01-02T00:00:00.000Z');
    tracker.addPage(['2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z'], ['2026-01-01T00:00:00Z']);
    tracker.addPage(['2026-01-06T00:00:00Z'], ['2026-01-04T00:00:00Z']);
    expect(tracker.next()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('lastTransferSince', () => {
  it('reads everything before the first transfer and from the overlap before the watermark after it', () => {
    expect(lastTransferSince(null)).toBeNull();
    expect(lastTransferSince('2026-01-01T00:10:00.000Z')?.getTime()).toBe(
      Date.parse('2026-01-01T00:10:00.000Z') - WATERMARK_OVERLAP_MS,
    );
  });
});
