/** The Magento adapter and simulator for the adapter contract test. */
import { type AdapterHarness, pageSizeSetting } from '../simulator-kit/harness.ts';
import { createMagentoAdapter } from './adapter.ts';
import { startMagentoSimulator } from './simulator.ts';

export const magentoHarness: AdapterHarness = {
  adapter: createMagentoAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port, brokenShare } = options;
    const sim = await startMagentoSimulator({ customers, seed, port, brokenShare });
    const ids = () => sim.store.list().map((customer) => customer.id as number);
    const pick = (count: number) => ids().slice(0, count);
    return {
      connection: { url: sim.url, settings: { token: sim.token, ...pageSizeSetting(options) } },
      allIds: () => ids().map(String),
      emailsOf: (count) =>
        sim.store
          .list()
          .filter((customer) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(String(customer.email)))
          .slice(-count)
          .map((customer) => ({ externalId: String(customer.id), email: customer.email as string })),
      async change(count) {
        const changed = pick(count);
        for (const id of changed)
          sim.store.change(id, (customer) => (customer.lastname = `${customer.lastname}-x`));
        return changed.map(String);
      },
      async remove(count) {
        const removed = ids().slice(-count);
        for (const id of removed) sim.store.delete(id);
        return removed.map(String);
      },
      close: () => sim.close(),
    };
  },
};
