/** The explicit list of adapter kinds Kontor ships. */
import { ConfigError } from '../domain/errors.ts';
import type { Adapter } from './adapter.ts';
import { amazonAdapter } from './amazon/adapter.ts';
import { cloudAdapter } from './cloud/adapter.ts';
import { ibusAdapter } from './ibus/adapter.ts';
import { magentoAdapter } from './magento/adapter.ts';
import { oxidAdapter } from './oxid/adapter.ts';
import { retailPosAdapter } from './retail-pos/adapter.ts';
import { sfaAdapter } from './sfa/adapter.ts';
import { shopwareAdapter } from './shopware/adapter.ts';
import { webshopAdapter } from './webshop/adapter.ts';

export interface AdapterRegistry {
  get(kind: string): Adapter;
  list(): readonly Adapter[];
}

export function createAdapterRegistry(adapters: readonly Adapter[]): AdapterRegistry {
  const byKind = new Map(adapters.map((adapter) => [adapter.kind, adapter]));
  return {
    get(kind) {
      const adapter = byKind.get(kind);
      if (!adapter) {
        throw new ConfigError(
          'UNKNOWN_ADAPTER',
          `There is no adapter "${kind}". Known adapters: ${[...byKind.keys()].join(', ')}.`,
        );
      }
      return adapter;
    },
    list: () => adapters,
  };
}

export const defaultAdapters: AdapterRegistry = createAdapterRegistry([
  magentoAdapter,
  shopwareAdapter,
  webshopAdapter,
  sfaAdapter,
  ibusAdapter,
  cloudAdapter,
  amazonAdapter,
  oxidAdapter,
  retailPosAdapter,
]);
