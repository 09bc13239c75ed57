/** The IBUS adapter and simulator for the adapter contract test. */
import { type AdapterHarness, pageSizeSetting } from '../simulator-kit/harness.ts';
import { createIbusAdapter } from './adapter.ts';
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
    const sim = await startIbusSimulator({ customers, seed, port, brokenShare });
    const ids = () => sim.store.list().map((customer) => customer.id);
    return {
      connection: ibusConnection(sim, pageSizeSetting(options)),
      allIds: ids,
      emailsOf: () => [],
      async change(count) {
        const changed = ids().slice(0, count);
        for (const id of changed)
          sim.store.change(id, (customer) => (customer.name = `${customer.name} (neu)`));
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
