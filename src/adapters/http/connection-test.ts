/**
 * Test connection answers at once when the shop cannot be reached at all: inside `asConnectionTest` the HTTP
 * client does not retry a refused connection, an unknown host or a failed TLS handshake (it still retries
 * 429, 5xx and timeouts as always). An import keeps every retry: a shop that restarts comes back.
 *
 * The scope travels with the async calls of the test (AsyncLocalStorage), so every adapter's `check` gets
 * it from `defineAdapter` without each API client passing a flag down to its requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<true>();

/** Runs `test` (an adapter's check) with the fail-fast rule of a connection test. */
export function asConnectionTest<T>(test: () => Promise<T>): Promise<T> {
  return scope.run(true, test);
}

/** Whether the caller runs inside `asConnectionTest`. */
export function inConnectionTest(): boolean {
  return scope.getStore() === true;
}
