/** The Comarch ERP Webshop adapter and simulator for the adapter contract test. */

import { createWebshopAdapter } from '../../adapters/webshop/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
  storeEdits,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startWebshopSimulator } from './simulator.ts';

export const webshopHarness: AdapterHarness = {
  adapter: createWebshopAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startWebshopSimulator({
      clock,
      customers,
      seed,
      port,
      brokenShare,
      requestsPerSecond: null,
    });
    const ids = () => sim.store.ids();
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: {
        url: sim.url,
        settings: { shopName: sim.shopName, apiKey: sim.apiKey, ...pageSizeSetting(options) },
      },
      allIds: () => ids().map(String),
      emailsOf: () => [],
      ...storeEdits(sim.store, ids, (customer) => (customer.name = `${customer.name} (neu)`)),
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change) };
  },
};
