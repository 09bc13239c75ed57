/**
 * A database step of an import run (committing a page, ending the run) tried again when the database was
 * out of reach for a moment: a dropped connection, a server restart or a failover costs a retry of the
 * step, not the run. Each step is one transaction, so a failed try left nothing behind; a page committed
 * just before its connection dropped is planned again and its records count as unchanged. Other errors,
 * and a fault that outlasts the waits, end the run as before.
 */
import { AbortedError, KontorError } from '../domain/errors.ts';

/** The waits between tries: about 20 s in all, the time a PostgreSQL restart or failover takes. */
export const DATABASE_RETRY_DELAYS_MS: readonly number[] = [250, 1_000, 2_500, 5_000, 10_000];

export function isDatabaseFault(error: unknown): boolean {
  return error instanceof KontorError && error.kind === 'transient' && error.code.startsWith('DB_');
}

export async function retryDatabaseStep<T>(
  step: () => Promise<T>,
  options: {
    signal?: AbortSignal;
    delaysMs?: readonly number[];
    onRetry?: (error: KontorError) => void;
  } = {},
): Promise<T> {
  const delays = options.delaysMs ?? DATABASE_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const delay = delays[attempt];
      if (!isDatabaseFault(error) || delay === undefined) throw error;
      options.onRetry?.(error as KontorError);
      await wait(delay, options.signal);
    }
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError('stopped while the database was out of reach'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(new AbortedError('stopped while the database was out of reach'));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
