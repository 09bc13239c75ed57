import { describe, expect, it } from 'vitest';
import { AbortedError } from '../domain/errors.ts';
import { prefetchPages } from './page-pipeline.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A source of `count` pages that takes `fetchMs` a page, honours its signal and logs what it does. */
function source(
  events: string[],
  count: number,
  options: { fetchMs?: number; failAt?: number; ignoreSignal?: boolean } = {},
) {
  const state = { signal: null as AbortSignal | null, started: 0, closed: false };
  const open = (signal: AbortSignal) => {
    state.signal = signal;
    return (async function* () {
      try {
        for (let page = 1; page <= count; page += 1) {
          events.push(`fetch ${page}`);
          state.started = page;
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, options.fetchMs ?? 5);
            if (options.ignoreSignal) return;
            signal.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new Error(`fetch ${page} aborted`));
            });
          });
          if (page === options.failAt) throw new Error(`read of page ${page} failed`);
          events.push(`fetched ${page}`);
          yield page;
        }
      } finally {
        state.closed = true;
        events.push('source closed');
      }
    })();
  };
  return { open, state };
}

describe('prefetchPages', () => {
  it('fetches the next page while the current one is written, in order', async () => {
    const events: string[] = [];
    const { open } = source(events, 4, { fetchMs: 10 });
    const written: number[] = [];
    for await (const page of prefetchPages(open, { depth: 1 })) {
      events.push(`write ${page}`);
      await sleep(15);
      events.push(`written ${page}`);
      written.push(page);
    }
    expect(written).toEqual([1, 2, 3, 4]);
    // Page 2 is fetched while page 1 is written.
    expect(events.indexOf('fetch 2')).toBeLessThan(events.indexOf('written 1'));
    expect(events.indexOf('fetched 2')).toBeLessThan(events.indexOf('written 1'));
    expect(events.at(-1)).toBe('written 4');
    expect(events).toContain('source closed');
  });

  it('reads at most `depth` pages ahead of the writer', async () => {
    for (const depth of [1, 2]) {
      const events: string[] = [];
      const { open, state } = source(events, 12, { fetchMs: 1 });
      let written = 0;
      let mostAhead = 0;
      for await (const page of prefetchPages(open, { depth })) {
        await sleep(8); // a slow writer: the reader would run away without the bound
        mostAhead = Math.max(mostAhead, state.started - page);
        written += 1;
      }
      expect(written).toBe(12);
      // Besides the page being written: `depth` pages, waiting or being fetched.
      expect(mostAhead).toBe(depth);
    }
  });

  it('gives every page read before a read error, then the error', async () => {
    const events: string[] = [];
    const { open } = source(events, 5, { failAt: 3 });
    const written: number[] = [];
    const failure = await (async () => {
      for await (const page of prefetchPages(open)) {
        await sleep(10);
        written.push(page);
      }
    })().catch((error: unknown) => error);
    expect(written).toEqual([1, 2]);
    expect((failure as Error).message).toBe('read of page 3 failed');
  });

  it('stops the fetch under way and closes the source when the writer fails', async () => {
    const events: string[] = [];
    const { open, state } = source(events, 10, { fetchMs: 50 });
    const failure = await (async () => {
      for await (const page of prefetchPages(open)) {
        if (page === 2) throw new Error('write of page 2 failed');
      }
    })().catch((error: unknown) => error);
    expect((failure as Error).message).toBe('write of page 2 failed');
    // return() resolved only after the read ahead (page 3) was aborted and the source closed.
    expect(state.signal?.aborted).toBe(true);
    expect(state.closed).toBe(true);
    expect(events).toContain('fetch 3');
    expect(events).not.toContain('fetched 3');
    expect(events.at(-1)).toBe('source closed');
    await sleep(60);
    expect(events).not.toContain('fetch 4');
  });

  it('waits for a fetch that ignores the signal before it closes the source', async () => {
    const events: string[] = [];
    const { open, state } = source(events, 10, { fetchMs: 30, ignoreSignal: true });
    for await (const page of prefetchPages(open)) {
      if (page === 1) break;
    }
    expect(state.closed).toBe(true);
    expect(events).toEqual(['fetch 1', 'fetched 1', 'fetch 2', 'fetched 2', 'source closed']);
  });

  it('stops reading when the run is stopped, and the source sees the stop', async () => {
    const events: string[] = [];
    const { open, state } = source(events, 10, { fetchMs: 20 });
    const controller = new AbortController();
    const written: number[] = [];
    const failure = await (async () => {
      for await (const page of prefetchPages(open, { signal: controller.signal })) {
        written.push(page);
        if (page === 2) controller.abort(new Error('maximum run time reached'));
        await sleep(5);
      }
    })().catch((error: unknown) => error);
    expect(written).toEqual([1, 2]);
    expect(state.signal?.aborted).toBe(true);
    expect((failure as Error).message).toBe('fetch 3 aborted');
    expect(state.closed).toBe(true);
    await sleep(40);
    expect(events).not.toContain('fetch 4');
  });

  it('reads nothing when the run was stopped before it began', async () => {
    const events: string[] = [];
    const { open } = source(events, 3, { ignoreSignal: true });
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const iterator = prefetchPages(open, { signal: controller.signal });
    await expect(iterator.next()).rejects.toBeInstanceOf(AbortedError);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(events.filter((event) => event.startsWith('fetch'))).toEqual([]);
  });

  it('stops a source that ignores the signal at the next page after a stop', async () => {
    const events: string[] = [];
    const { open } = source(events, 10, { fetchMs: 5, ignoreSignal: true });
    const controller = new AbortController();
    const written: number[] = [];
    const failure = await (async () => {
      for await (const page of prefetchPages(open, { signal: controller.signal })) {
        written.push(page);
        if (page === 1) controller.abort(new Error('cancelled'));
        await sleep(20);
      }
    })().catch((error: unknown) => error);
    // Page 2 was read before the stop was seen; nothing after it is fetched.
    expect(written).toEqual([1, 2]);
    expect(failure).toBeInstanceOf(AbortedError);
    expect((failure as Error).message).toContain('cancelled');
    expect(events).not.toContain('fetch 4');
  });
});
