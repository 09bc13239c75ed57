/**
 * Reads the rest of a channel in a worker thread (import/read-worker.ts), page by page as the import asks:
 * fetching, parsing and mapping a page then no longer take turns with writing the previous one on the
 * import's thread. The worker ends when the read is done, fails, is stopped (the signal) or left early.
 * A thread that dies (out of memory, a crash) fails the read with READ_WORKER_FAILED.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CustomerPage } from '../adapters/adapter.ts';
import { errorFromWire } from '../domain/error-wire.ts';
import { AbortedError, BugError } from '../domain/errors.ts';
import { abortReason } from './abort-reason.ts';
import type { ReadWorkerData, ReadWorkerReply } from './read-worker.ts';

/** The worker's module next to this one: .js when built, else .ts (then through tsx, as the tests run). */
function startWorker(data: ReadWorkerData): Worker {
  const extension = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./read-worker${extension}`, import.meta.url);
  if (extension === '.js') return new Worker(entry, { workerData: data });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

export async function* readInWorker(
  data: ReadWorkerData,
  signal?: AbortSignal,
): AsyncGenerator<CustomerPage> {
  const worker = startWorker(data);
  let pending: { resolve: (reply: ReadWorkerReply) => void; reject: (error: unknown) => void } | null = null;
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
    pending?.reject(failure);
    pending = null;
  };
  worker.on('message', (text: string) => {
    pending?.resolve(JSON.parse(text) as ReadWorkerReply);
    pending = null;
  });
  const ended = (detail: string) =>
    fail(
      new BugError('READ_WORKER_FAILED', 'Reading the sales channel failed: the reading thread ended.', {
        detail,
      }),
    );
  worker.on('error', (error) => ended(`${error.name}: ${error.message}`));
  worker.on('exit', (code) => ended(`read worker exited with code ${code}`));
  const onAbort = () => fail(new AbortedError(abortReason(signal as AbortSignal)));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (true) {
      if (signal?.aborted) onAbort();
      if (failure) throw failure;
      const reply = await new Promise<ReadWorkerReply>((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage('next');
      });
      if (reply.type === 'done') return;
      if (reply.type === 'error') throw errorFromWire(reply.error);
      yield reply.page;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
