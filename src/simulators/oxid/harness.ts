/** The OXID adapter and simulator for the adapter contract test. */

import { createOxidAdapter } from '../../adapters/oxid/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startOxidSimulator } from './simulator.ts';

export const oxidHarness: AdapterHarness = {
  adapter: createOxidAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startOxidSimulator({ clock, customers, seed, port, brokenShare });
    const customerIds = () => sim.store.listedIds();
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: { url: sim.url, settings: { apiKey: sim.apiKey, ...pageSizeSetting(options) } },
      allIds: customerIds,
      emailsOf: (count) =>
        sim.store
          .customers()
          .filter((user) => !sim.broken.has(user.columns.OXID))
          .slice(-count)
          .map((user) => ({ externalId: user.columns.OXID, email: user.columns.OXUSERNAME })),
      async change(count) {
        const changed = customerIds().slice(0, count);
        for (const id of changed) sim.store.changeUser(id, (user) => (user.OXLNAME = `${user.OXLNAME}-x`));
        return changed;
      },
      async remove(count) {
        const removed = customerIds().slice(-count);
        for (const id of removed) sim.store.deleteUser(id);
        return removed;
      },
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change) };
  },
};
