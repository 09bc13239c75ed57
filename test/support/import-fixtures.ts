/**
 * Shared set-up of the end-to-end import tests: the adapters, channels on the simulators, import requests,
 * and the imported partners by the ids their channel gave them.
 */
import { createAmazonAdapter } from '../../src/adapters/amazon/adapter.ts';
import { createMagentoAdapter } from '../../src/adapters/magento/adapter.ts';
import { createOxidAdapter } from '../../src/adapters/oxid/adapter.ts';
import { type AdapterRegistry, createAdapterRegistry } from '../../src/adapters/registry.ts';
import { createRetailPosAdapter } from '../../src/adapters/retail-pos/adapter.ts';
import { createShopwareAdapter } from '../../src/adapters/shopware/adapter.ts';
import { type ChannelInput, ChannelService } from '../../src/channels/channel-service.ts';
import type { Partner } from '../../src/domain/partner.ts';
import type { ImportRequest } from '../../src/import/import-service.ts';
import { FAST_USAGE_PLANS } from '../../src/simulators/amazon/harness.ts';
import type { MagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import type { ShopwareSimulator } from '../../src/simulators/shopware/simulator.ts';
import type { Db } from '../../src/storage/db.ts';

/** The real adapters, with quick retries so that failure tests do not wait for the production backoff. */
export const testAdapters = createAdapterRegistry([
  createMagentoAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  createShopwareAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  // High usage plans: the simulators of these tests allow them (rate limits have their own adapter tests).
  createAmazonAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } }, usagePlans: FAST_USAGE_PLANS }),
  createOxidAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
  createRetailPosAdapter({ http: { retry: { retries: 2, backoffBaseMs: 1 } } }),
]);

/** Creates a channel; without customer approval and pseudo partner number unless said otherwise. */
export async function createChannel(
  db: Db,
  adapters: AdapterRegistry,
  channel: Omit<ChannelInput, 'customerApproval' | 'pseudoPartnerNumber'> & Partial<ChannelInput>,
): Promise<void> {
  await new ChannelService(db, adapters).add({
    customerApproval: false,
    pseudoPartnerNumber: null,
    ...channel,
  });
}

/** Creates a Magento channel on the simulator (B2B & B2C unless said otherwise). */
export async function addMagentoChannel(
  db: Db,
  sim: Pick<MagentoSimulator, 'url' | 'token'>,
  name: string,
  overrides: Partial<ChannelInput> = {},
): Promise<void> {
  await createChannel(db, testAdapters, {
    name,
    adapter: 'magento',
    type: 'b2b-b2c',
    url: sim.url,
    settings: { token: sim.token },
    ...overrides,
  });
}

/** Creates a Shopware channel on the simulator's integration (B2B & B2C unless said otherwise). */
export async function addShopwareChannel(
  db: Db,
  sim: Pick<ShopwareSimulator, 'url' | 'integration'>,
  name: string,
  overrides: Partial<ChannelInput> = {},
): Promise<void> {
  await createChannel(db, testAdapters, {
    name,
    adapter: 'shopware',
    type: 'b2b-b2c',
    url: sim.url,
    settings: { clientId: sim.integration.clientId, clientSecret: sim.integration.clientSecret },
    ...overrides,
  });
}

export function importRequest(channel: string, overrides: Partial<ImportRequest> = {}): ImportRequest {
  return {
    channel,
    changedSince: 'anytime',
    timestamp: null,
    emails: null,
    deactivateDeleted: false,
    confirmAllWarnings: false,
    ...overrides,
  };
}

/** An import of every customer that confirms all warnings. */
export const anytime = (channel: string): ImportRequest =>
  importRequest(channel, { confirmAllWarnings: true });

/** An import of the changes since the last transfer that confirms all warnings. */
export const lastTransfer = (channel: string): ImportRequest =>
  importRequest(channel, { changedSince: 'last-transfer', confirmAllWarnings: true });

/** The partners linked to `channel`, by the channel's id of the customer. */
export function byExternalId(partners: Partner[], channel: string): Map<string, Partner> {
  const map = new Map<string, Partner>();
  for (const partner of partners)
    for (const link of partner.links) if (link.channel === channel) map.set(link.externalId, partner);
  return map;
}
