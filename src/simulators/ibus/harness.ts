/** The IBUS adapter and simulator for the adapter contract test. */

import { createIbusAdapter } from '../../adapters/ibus/adapter.ts';
import { type AdapterHarness, pageSizeSetting, storeEdits } from '../kit/harness.ts';
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
      ...storeEdits(sim.store, ids, (customer) => (customer.name = `${customer.name} (neu)`)),
      close: () => sim.close(),
    };
  },
};
