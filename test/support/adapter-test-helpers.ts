/**
 * Helpers for adapter tests that read from a simulator: starting simulators that close after each test, a
 * read request, reading all pages, the ids the pages delivered, and the error a promise rejects with.
 */
import { afterEach } from 'vitest';
import type { CustomerPage, ReadRequest } from '../../src/adapters/adapter.ts';

/** A read request for everything, with `overrides`. */
export const read = (overrides: Partial<ReadRequest> = {}): ReadRequest => ({
  since: null,
  emails: null,
  cursor: null,
  ...overrides,
});

/** Reads all pages into an array. */
export async function collect(pages: AsyncIterable<CustomerPage>): Promise<CustomerPage[]> {
  const result: CustomerPage[] = [];
  for await (const page of pages) result.push(page);
  return result;
}

/** What `promise` rejects with (undefined if it resolves). */
export const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );

/** Returns `start(options)`, which starts a simulator with `defaults` under `options`; all close after each test. */
export function useRunning<Options extends object, Sim extends { close(): Promise<void> }>(
  startSimulator: (options: Options) => Promise<Sim>,
  defaults: NoInfer<Options>,
): (options?: NoInfer<Options>) => Promise<Sim> {
  const running: Sim[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sim) => sim.close()));
  });
  return async (options) => {
    const sim = await startSimulator({ ...defaults, ...options });
    running.push(sim);
    return sim;
  };
}

/** The external ids of the pages' customers, in order. */
export const idsOf = (pages: CustomerPage[]): string[] =>
  pages.flatMap((page) => page.customers.map((c) => c.externalId));
