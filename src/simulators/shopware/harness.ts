/** The Shopware adapter and simulator for the adapter contract test. */

import { createShopwareAdapter } from '../../adapters/shopware/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
  storeEdits,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startShopwareSimulator } from './simulator.ts';

export const shopwareHarness: AdapterHarness = {
  // A small exclusion limit, so that the seed's groups of equal change times are read page by page.
  adapter: createShopwareAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } }, maxExcludedIds: 8 }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startShopwareSimulator({ clock, customers, seed, port, brokenShare });
    const ids = () => sim.store.ids();
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: {
        url: sim.url,
        settings: {
          clientId: sim.integration.clientId,
          clientSecret: sim.integration.clientSecret,
          ...pageSizeSetting(options),
        },
      },
      allIds: ids,
      emailsOf: (count) =>
        sim.store
          .list()
          .filter((customer) => !sim.broken.has(customer.id) && !customer.guest)
          .slice(-count)
          .map((customer) => ({ externalId: customer.id, email: customer.email })),
      ...storeEdits(sim.store, ids, (customer) => (customer.lastName = `${customer.lastName}-x`)),
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change, () => sim.revokeTokens()) };
  },
};
