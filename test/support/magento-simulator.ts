/**
 * Test support for the tests that run the Magento simulator over HTTP: starting and closing simulators,
 * raw requests, and the adapter with fast retries plus the helpers to read through it.
 *
 *   const start = useSimulators({ customers: 12, seed: 5, brokenShare: 0 });
 *   it('...', async () => { const sim = await start(); expect((await call(sim, 'GET', path)).status)... });
 */
import { afterEach } from 'vitest';
import type { Adapter } from '../../src/adapters/adapter.ts';
import type { RetryEvent } from '../../src/adapters/http/http-client.ts';
import { createMagentoAdapter } from '../../src/adapters/magento/adapter.ts';
import {
  type MagentoSimulator,
  type MagentoSimulatorOptions,
  startMagentoSimulator,
} from '../../src/simulators/magento/simulator.ts';
import { useRunning } from './adapter-test-helpers.ts';

export { collect, idsOf, read } from './adapter-test-helpers.ts';

/** Returns a `start(options)` that starts a simulator with `defaults` under `options`; all close after each test. */
export function useSimulators(
  defaults: MagentoSimulatorOptions,
): (options?: MagentoSimulatorOptions) => Promise<MagentoSimulator> {
  return useRunning(startMagentoSimulator, defaults);
}

/**
 * For the adapter tests: `start` with 57 customers (seed 9, none broken), and a Magento adapter with 2 quick
 * retries and a 2 s timeout; `retries` records them and is emptied after each test.
 */
export function useAdapterTest() {
  const start = useSimulators({ customers: 57, seed: 9, brokenShare: 0 });
  const retries: RetryEvent[] = [];
  const adapter: Adapter = createMagentoAdapter({
    http: {
      retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 20 },
      timeoutMs: 2_000,
      onRetry: (event) => retries.push(event),
    },
  });
  afterEach(() => {
    retries.length = 0;
  });
  return { start, adapter, retries };
}

/** Sends one request to the simulator (the sim's token unless `token` is given; null sends none); JSON bodies parsed. */
export async function call(
  sim: MagentoSimulator,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const token = options.token === undefined ? sim.token : options.token;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML pages stay text
  }
  return { status: response.status, headers: response.headers, body };
}

/** The adapter connection for `sim`: its token, 10 per page, plus `settings`. */
export const connection = (sim: MagentoSimulator, settings: Record<string, string> = {}) => ({
  url: sim.url,
  settings: { token: sim.token, pageSize: '10', ...settings },
});

/** The customer search requests the simulator has logged. */
export const searchRequests = (sim: MagentoSimulator) =>
  sim.requests.filter((r) => r.path.endsWith('/customers/search'));
