/**
 * The pipelined read of an import: while page n is written, page n+1 is already being fetched. A bounded
 * queue keeps memory flat: at most `depth` pages (default 2) are read ahead of the page being written,
 * waiting or being fetched.
 *
 * Pages come out in the order the source gives them; an error of the source comes out after every page read
 * before it (so the pages before a read error are written and committed, as without the pipeline). When the
 * consumer stops early (a write failed, the run was stopped: `for await` ends and calls `return()`), the
 * read ahead is aborted through the signal the source was given, its outcome is swallowed, and `return()`
 * resolves only after the source has stopped: no fetch is left running and no rejection goes unhandled.
 */
import { AbortedError } from '../domain/errors.ts';
import { abortReason } from './abort-reason.ts';

export interface PipelineOptions {
  /** Stops the read (maximum run time, cancel); the source gets a signal that follows it. */
  signal?: AbortSignal;
  /** Pages read ahead of the one being written, waiting or being fetched (default 2). */
  depth?: number;
}

type Slot<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'done' };

/**
 * Reads `open(signal)` ahead of its consumer. `signal` is aborted when the run's signal aborts and when the
 * consumer stops early; pass it to the adapter's read.
 */
export function prefetchPages<T>(
  open: (signal: AbortSignal) => AsyncIterable<T>,
  options: PipelineOptions = {},
): AsyncIterableIterator<T> {
  const depth = Math.max(1, options.depth ?? 2);
  const stop = new AbortController();
  const outer = options.signal;
  const follow = () => stop.abort(outer?.reason);
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });

  let source: AsyncIterator<T> | null = null;
  const queue: Slot<T>[] = [];
  let finished = false; // the source ended, failed or was stopped: nothing more is fetched
  let stopped = false; // the consumer stopped
  let producing: Promise<void> | null = null;
  let waiting: Array<() => void> = [];

  const wakeAll = () => {
    const woken = waiting;
    waiting = [];
    for (const resolve of woken) resolve();
  };
  const push = (slot: Slot<T>) => {
    queue.push(slot);
    wakeAll();
  };

  async function produce(): Promise<void> {
    try {
      source ??= open(stop.signal)[Symbol.asyncIterator]();
      while (!stopped && queue.length < depth) {
        if (stop.signal.aborted) {
          finished = true;
          push({ kind: 'error', error: new AbortedError(abortReason(stop.signal)) });
          return;
        }
        const next = await source.next();
        if (stopped) return;
        if (next.done) {
          finished = true;
          push({ kind: 'done' });
          return;
        }
        push({ kind: 'value', value: next.value });
      }
    } catch (error) {
      finished = true;
      if (!stopped) push({ kind: 'error', error });
    }
  }

  /** Keeps the read-ahead going while there is room in the queue. */
  const fill = () => {
    if (finished || stopped || producing !== null || queue.length >= depth) return;
    const run = produce();
    producing = run;
    void run.then(() => {
      if (producing === run) producing = null;
      fill();
    });
  };

  const detach = () => outer?.removeEventListener('abort', follow);

  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => iterator,
    async next(): Promise<IteratorResult<T>> {
      if (stopped) return { done: true, value: undefined };
      fill();
      while (queue.length === 0) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        if (stopped) return { done: true, value: undefined };
      }
      const slot = queue.shift() as Slot<T>;
      if (slot.kind === 'value') {
        fill(); // fetch the next page while the consumer writes this one
        return { done: false, value: slot.value };
      }
      stopped = true;
      detach();
      if (slot.kind === 'error') throw slot.error;
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<T>> {
      if (stopped) return { done: true, value: undefined };
      stopped = true;
      detach();
      queue.length = 0;
      wakeAll();
      stop.abort(new AbortedError('the import stopped writing'));
      // Let the fetch under way end (the abort makes it quick), then close the source.
      await producing?.catch(() => undefined);
      if (!finished && source?.return) await source.return().catch(() => undefined);
      finished = true;
      return { done: true, value: undefined };
    },
  };
  return iterator;
}
