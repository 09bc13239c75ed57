/** The Cloud adapter and simulator (Kontor cloud shape) for the adapter contract test. */
import type { AdapterHarness } from '../simulator-kit/harness.ts';
import { createCloudAdapter } from './adapter.ts';
import { startCloudSimulator } from './simulator.ts';

export const cloudHarness: AdapterHarness = {
  adapter: createCloudAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start({ customers, seed }) {
    const sim = await startCloudSimulator({ customers, seed });
    const ids = () => sim.store.byId().map((item) => item.id);
    return {
      connection: { url: sim.url, settings: { ...sim.channelSettings, pageSize: '50' } },
      allIds: ids,
      emailsOf: () => [],
      async change(count) {
        const changed = ids().slice(0, count);
        for (const id of changed) sim.store.change(id, (raw) => (raw.lastName = `${raw.lastName}-x`));
        return changed;
      },
      async remove(count) {
        const removed = ids().slice(-count);
        for (const id of removed) sim.store.delete(id);
        return removed;
      },
      close: () => sim.close(),
    };
  },
};
