/** The IBUS adapter and simulator for the adapter contract test. */

import { createIbusAdapter } from '../../adapters/ibus/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
  storeEdits,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { type IbusSimulator, startIbusSimulator } from './simulator.ts';

/** The channel settings for a started simulator (page size `pageSize`). */
export function ibusConnection(sim: IbusSimulator, settings: Record<string, string> = {}) {
  return {
    url: sim.url,
    settings: {
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      username: sim.username,
      password: sim.password,
      ...settings,
    },
  };
}

export const ibusHarness: AdapterHarness = {
  adapter: createIbusAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startIbusSimulator({ clock, customers, seed, port, brokenShare });
    const ids = () => sim.store.ids();
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: ibusConnection(sim, pageSizeSetting(options)),
      allIds: ids,
      emailsOf: () => [],
      ...storeEdits(sim.store, ids, (customer) => (customer.name = `${customer.name} (neu)`)),
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change, () => sim.auth.expireAll()) };
  },
};
