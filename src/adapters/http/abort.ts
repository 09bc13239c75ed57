/**
 * Cooperative cancellation for adapters: an abortable sleep and the KontorError a caller's abort
 * turns into. A caller aborts with a reason (maximum run time, cancel request); a KontorError reason
 * is passed on as it is, anything else becomes an AbortedError.
 */
import { AbortedError, KontorError } from '../../domain/errors.ts';

/** The error to throw when `signal` was aborted by the caller. */
export function abortErrorOf(signal: AbortSignal): KontorError {
  const reason: unknown = signal.reason;
  if (reason instanceof KontorError) return reason;
  if (typeof reason === 'string' && reason !== '') return new AbortedError(reason);
  if (reason instanceof Error && reason.name !== 'AbortError') return new AbortedError(reason.message);
  return new AbortedError('canceled');
}

/** Throws the caller's abort as a KontorError if `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortErrorOf(signal);
}

/** Waits `ms` milliseconds; rejects with the abort error as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorOf(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortErrorOf(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
