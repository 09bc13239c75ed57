/** The Cloud adapter and simulator (Kontor cloud shape) for the adapter contract test. */

import { createCloudAdapter } from '../../adapters/cloud/adapter.ts';
import { type AdapterHarness, pageSizeSetting, storeEdits } from '../kit/harness.ts';
import { startCloudSimulator } from './simulator.ts';

export const cloudHarness: AdapterHarness = {
  adapter: createCloudAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const sim = await startCloudSimulator({ customers, seed, port, brokenShare });
    const ids = () => sim.store.byId().map((item) => item.id);
    return {
      connection: { url: sim.url, settings: { ...sim.channelSettings, ...pageSizeSetting(options) } },
      allIds: ids,
      emailsOf: () => [],
      ...storeEdits(sim.store, ids, (raw) => (raw.lastName = `${raw.lastName}-x`)),
      close: () => sim.close(),
    };
  },
};
