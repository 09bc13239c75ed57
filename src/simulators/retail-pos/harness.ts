/** The Retail POS adapter and simulator for the adapter contract test. */

import { createRetailPosAdapter } from '../../adapters/retail-pos/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startRetailPosSimulator } from './simulator.ts';

export const retailPosHarness: AdapterHarness = {
  adapter: createRetailPosAdapter({ http: { retry: { retries: 2, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startRetailPosSimulator({ clock, customers, seed, port, brokenShare });
    const ids = () => sim.store.ids();
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: { url: sim.url, settings: { apiKey: sim.apiKey, ...pageSizeSetting(options) } },
      allIds: ids,
      emailsOf: (count) =>
        sim.store
          .list()
          .filter((customer) => customer.email !== null && !sim.broken.has(customer.customerId))
          .slice(-count)
          .map((customer) => ({ externalId: customer.customerId, email: customer.email as string })),
      async change(count) {
        const changed = ids().slice(0, count);
        for (const id of changed)
          sim.store.change(id, (customer) => (customer.marketingConsent = !customer.marketingConsent));
        return changed;
      },
      async remove(count) {
        const removed = ids().slice(-count);
        for (const [n, id] of removed.entries()) sim.store.remove(id, n % 2 === 0 ? 'deleted' : 'anonymized');
        return removed;
      },
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change) };
  },
};
