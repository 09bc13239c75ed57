/** The Comarch SFA adapter and simulator for the adapter contract test. */

import { createSfaAdapter } from '../../adapters/sfa/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
  storeEdits,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startSfaSimulator } from './simulator.ts';

export const sfaHarness: AdapterHarness = {
  adapter: createSfaAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startSfaSimulator({
      clock,
      customers,
      seed,
      port,
      brokenShare,
      requestsPerSecond: null,
    });
    const ids = () => sim.store.ids(null, Number.POSITIVE_INFINITY);
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: {
        url: sim.url,
        settings: { clientId: sim.clientId, clientSecret: sim.clientSecret, ...pageSizeSetting(options) },
      },
      allIds: ids,
      emailsOf: () => [],
      ...storeEdits(sim.store, ids, (customer) => (customer.phone = '+48 12 000 00 00')),
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change, () => sim.expireTokens()) };
  },
};
