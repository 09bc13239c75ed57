/**
 * Helpers for adapter tests that read from a simulator: starting simulators that close after each test and
 * the ids the pages delivered (read requests and reading all pages: protocol-kit/read-test-support.ts).
 */
import { afterEach } from 'vitest';
import type { CustomerPage } from '../adapter.ts';

export { collect, read } from '../protocol-kit/read-test-support.ts';

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
