import { describe, expect, it } from 'vitest';
import { lastTransferSince, WATERMARK_OVERLAP_MS, WatermarkTracker } from './watermark.ts';

const NOW = new Date('2026-06-01T00:00:00.000Z');

describe('WatermarkTracker', () => {
  it('keeps the previous watermark when nothing was read', () => {
    expect(new WatermarkTracker('2026-01-01T00:00:00.000Z', NOW).next()).toBe('2026-01-01T00:00:00.000Z');
    expect(new WatermarkTracker(null, NOW).next()).toBeNull();
  });

  it('moves to the newest change time seen', () => {
    const tracker = new WatermarkTracker(null, NOW);
    tracker.addPage(['2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z'], []);
    tracker.addPage(['2026-01-02T00:00:00Z'], []);
    expect(tracker.next()).toBe('2026-01-03T00:00:00.000Z');
  });

  it('never passes a record that was not imported, even one older than the previous watermark', () => {
    const tracker = new WatermarkTracker('2026-01-02T00:00:00.000Z', NOW);
    tracker.addPage(['2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z'], ['2026-01-01T00:00:00Z']);
    tracker.addPage(['2026-01-06T00:00:00Z'], ['2026-01-04T00:00:00Z']);
    expect(tracker.next()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('never passes the start of the read, whatever change time a record gives', () => {
    const tracker = new WatermarkTracker('2026-01-01T00:00:00.000Z', NOW);
    tracker.addPage(['2026-02-01T00:00:00Z', '2099-01-01T00:00:00Z'], []);
    expect(tracker.next()).toBe(NOW.toISOString());
    const held = new WatermarkTracker(null, NOW);
    held.addPage(['2099-01-01T00:00:00Z'], ['2099-01-01T00:00:00Z']);
    expect(held.next()).toBe(NOW.toISOString());
    // A watermark that an earlier version left in the future comes back to the present.
    expect(new WatermarkTracker('2099-01-01T00:00:00.000Z', NOW).next()).toBe(NOW.toISOString());
  });
});

describe('WatermarkTracker and records without a readable change time', () => {
  it('holds at where the read began when the first page refused one', () => {
    const fromStart = new WatermarkTracker('2026-01-01T00:00:00.000Z', NOW, null);
    fromStart.addPage(['2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z'], ['2026-02-01T00:00:00Z'], true);
    fromStart.addPage(['2026-03-01T00:00:00Z'], []);
    expect(fromStart.next()).toBeNull();
    const lastTransfer = new WatermarkTracker('2026-01-01T00:00:00.000Z', NOW);
    lastTransfer.addPage(['2026-02-01T00:00:00Z'], ['2026-02-01T00:00:00Z'], true);
    expect(lastTransfer.next()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('holds at the newest change time of the earlier pages when a later page refused one', () => {
    const tracker = new WatermarkTracker(null, NOW);
    tracker.addPage(['2026-02-01T00:00:00Z', '2026-02-03T00:00:00Z'], []);
    tracker.addPage(['2026-02-05T00:00:00Z'], ['2026-02-05T00:00:00Z'], true);
    tracker.addPage(['2026-02-07T00:00:00Z'], []);
    expect(tracker.next()).toBe('2026-02-03T00:00:00.000Z');
  });
});

describe('lastTransferSince', () => {
  it('reads everything before the first transfer and from the overlap before the watermark after it', () => {
    expect(lastTransferSince(null, NOW)).toBeNull();
    expect(lastTransferSince('2026-01-01T00:10:00.000Z', NOW)?.getTime()).toBe(
      Date.parse('2026-01-01T00:10:00.000Z') - WATERMARK_OVERLAP_MS,
    );
  });

  it('reads from the present when a watermark lies in the future', () => {
    expect(lastTransferSince('2099-01-01T00:00:00.000Z', NOW)?.getTime()).toBe(
      NOW.getTime() - WATERMARK_OVERLAP_MS,
    );
  });
});
