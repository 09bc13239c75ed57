/**
 * A Magento adapter whose shops are lists of ChannelCustomers that the test writes, by channel URL: one page of
 * exactly these records per read (and by id). For rules that depend on the exact data of a few customers
 * (matching), where a simulator's generated customers would only be in the way.
 */
import type { CustomerPage } from '../../src/adapters/adapter.ts';
import { createMagentoAdapter } from '../../src/adapters/magento/adapter.ts';
import { type AdapterRegistry, createAdapterRegistry } from '../../src/adapters/registry.ts';
import type { ChannelCustomer } from '../../src/domain/channel-customer.ts';

export interface ScriptedShops {
  adapters: AdapterRegistry;
  /** The customers of the shop at this URL (replaces what it had). */
  set(url: string, customers: ChannelCustomer[]): void;
}

export function scriptedShops(): ScriptedShops {
  const magento = createMagentoAdapter();
  const shops = new Map<string, ChannelCustomer[]>();
  const page = (customers: ChannelCustomer[]): CustomerPage => ({
    customers: structuredClone(customers),
    rejected: [],
    deleted: [],
    cursor: null,
  });
  const adapters = createAdapterRegistry([
    {
      ...magento,
      async *readCustomers(connection) {
        yield page(shops.get(connection.url) ?? []);
      },
      async *readByIds(connection, externalIds) {
        const wanted = new Set(externalIds);
        yield page((shops.get(connection.url) ?? []).filter((customer) => wanted.has(customer.externalId)));
      },
    },
  ]);
  return { adapters, set: (url, customers) => shops.set(url, customers) };
}
