/** The Cloud adapter and simulator (Kontor cloud shape) for the adapter contract test. */

import { createCloudAdapter } from '../../adapters/cloud/adapter.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
  storeEdits,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { startCloudSimulator } from './simulator.ts';

export const cloudHarness: AdapterHarness = {
  adapter: createCloudAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const clock = movableClock();
    const sim = await startCloudSimulator({ clock, customers, seed, port, brokenShare });
    const ids = () => sim.store.byId().map((item) => item.id);
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: { url: sim.url, settings: { ...sim.channelSettings, ...pageSizeSetting(options) } },
      allIds: ids,
      emailsOf: () => [],
      ...storeEdits(sim.store, ids, (raw) => (raw.lastName = `${raw.lastName}-x`)),
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change) };
  },
};
