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

  it('rejects a nonsensical rate', () => {
    expect(() => createThrottle(0)).toThrow(RangeError);
    expect(() => createThrottle(Number.NaN)).toThrow(RangeError);
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
