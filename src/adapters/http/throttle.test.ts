import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../domain/errors.ts';
import { createThrottle } from './throttle.ts';

describe('createThrottle', () => {
  it('spaces requests evenly at the configured rate', async () => {
    let clock = 1_000;
    const waits: number[] = [];
    const throttle = createThrottle(4, {
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await throttle.acquire();
    await throttle.acquire();
    await throttle.acquire();
    expect(waits).toEqual([0, 250, 500]);
    clock += 2_000;
    await throttle.acquire();
    expect(waits.at(-1)).toBe(0);
  });

  it('lets a burst through at once, then refills at the rate (a token bucket)', async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttle = createThrottle(0.5, {
      burst: 3,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    for (let i = 0; i < 5; i++) await throttle.acquire();
    // 3 at once, then one every 2 s
    expect(waits).toEqual([0, 0, 0, 2_000, 4_000]);
    // after a quiet period the bucket is full again, but never fuller than the burst
    clock += 60_000;
    waits.length = 0;
    for (let i = 0; i < 4; i++) await throttle.acquire();
    expect(waits).toEqual([0, 0, 0, 2_000]);
  });

  it('after a "too many requests" waits one interval, whatever the bucket held', async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttle = createThrottle(1, {
      burst: 20,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await throttle.acquire();
    throttle.drain();
    await throttle.acquire();
    await throttle.acquire();
    expect(waits).toEqual([0, 1_000, 2_000]);
    clock += 2_000;
    throttle.drain();
    await throttle.acquire();
    expect(waits.at(-1)).toBe(1_000);
  });

  it('rejects a nonsensical rate or burst', () => {
    expect(() => createThrottle(0)).toThrow(RangeError);
    expect(() => createThrottle(Number.NaN)).toThrow(RangeError);
    expect(() => createThrottle(1, { burst: 0 })).toThrow(RangeError);
    expect(() => createThrottle(1, { burst: 1.5 })).toThrow(RangeError);
  });

  it('stops waiting when the caller aborts', async () => {
    const throttle = createThrottle(0.5);
    await throttle.acquire();
    const controller = new AbortController();
    const waiting = throttle.acquire(controller.signal);
    controller.abort('canceled by user');
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  });
});
