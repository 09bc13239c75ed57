/** The Magento adapter and simulator for the adapter contract test. */

import { createMagentoAdapter } from '../../adapters/magento/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
  storeEdits,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startMagentoSimulator } from './simulator.ts';

export const magentoHarness: AdapterHarness = {
  adapter: createMagentoAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startMagentoSimulator({ clock, customers, seed, port, brokenShare });
    const ids = () => sim.store.ids();
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: { url: sim.url, settings: { token: sim.token, ...pageSizeSetting(options) } },
      allIds: () => ids().map(String),
      emailsOf: (count) =>
        sim.store
          .lastCustomers(count, (customer) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(String(customer.email)))
          .map((customer) => ({ externalId: String(customer.id), email: customer.email as string })),
      ...storeEdits(sim.store, ids, (customer) => (customer.lastname = `${customer.lastname}-x`)),
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change) };
  },
};
