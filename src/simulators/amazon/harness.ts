/**
 * The Amazon adapter and simulator for the adapter contract test, `kontor simulator amazon` and the demo:
 * high usage plans on both sides (the rate-limit behaviour has its own tests) and no processing delay, so
 * that orders changed "now" are visible at once. A customer is a buyer: a distinct BuyerEmail on an order
 * Amazon gives buyer data for. Generated data are clean (no broken share).
 */

import { createAmazonAdapter } from '../../adapters/amazon/adapter.ts';
import type { UsagePlan } from '../../adapters/amazon/sp-api.ts';
import type { OrderStatus, SpOrder } from '../../adapters/amazon/sp-api-types.ts';
import {
  type AdapterHarness,
  pageSizeSetting,
  type SimulatorHarness,
  simulatorFaults,
} from '../kit/harness.ts';
import { movableClock } from '../kit/movable-clock.ts';
import { type AmazonSimulator, startAmazonSimulator } from './simulator.ts';

const FAST: UsagePlan = { rate: 1000, burst: 1000 };
export const FAST_USAGE_PLANS = {
  getOrders: FAST,
  createRestrictedDataToken: FAST,
  getMarketplaceParticipations: FAST,
};

/** Orders whose buyer Amazon shows (and so Kontor imports). */
export const BUYER_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'Unshipped',
  'PartiallyShipped',
  'Shipped',
  'InvoiceUnconfirmed',
]);

/** The buyers' keys (lower-case BuyerEmail) of the simulator's visible orders, each once. */
export function buyerKeys(orders: readonly SpOrder[]): string[] {
  const keys = orders.flatMap((order) => {
    const email = order.BuyerInfo?.BuyerEmail;
    return BUYER_STATUSES.has(order.OrderStatus) && email ? [email.toLowerCase()] : [];
  });
  return [...new Set(keys)];
}

/** The settings of a channel on the simulator. */
export function simulatorSettings(
  sim: AmazonSimulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    marketplaceIds: sim.marketplaceIds.join(','),
    clientId: sim.credentials.clientId,
    clientSecret: sim.credentials.clientSecret,
    refreshToken: sim.credentials.refreshToken,
    tokenUrl: sim.tokenUrl,
    ...extra,
  };
}

export const amazonHarness: AdapterHarness = {
  adapter: createAmazonAdapter({
    http: { retry: { retries: 1, backoffBaseMs: 1 } },
    usagePlans: FAST_USAGE_PLANS,
  }),
  channelType: 'b2b-b2c',
  async start(options) {
    const { customers, seed, port } = options;
    const clock = movableClock();
    const sim = await startAmazonSimulator({
      clock,
      buyers: customers,
      seed,
      port,
      usagePlans: FAST_USAGE_PLANS,
      processingDelayMs: 0,
    });
    let moves = 0;
    const latestOrders = (): Map<string, SpOrder> => {
      const latest = new Map<string, SpOrder>();
      for (const order of sim.store.list()) {
        if (!BUYER_STATUSES.has(order.OrderStatus) || !order.BuyerInfo?.BuyerEmail) continue;
        latest.set(order.BuyerInfo.BuyerEmail.toLowerCase(), order);
      }
      return latest;
    };
    const harness: Omit<SimulatorHarness, 'faults'> = {
      connection: { url: sim.url, settings: simulatorSettings(sim, pageSizeSetting(options)) },
      allIds: () => buyerKeys(sim.store.snapshot()),
      emailsOf: (count) =>
        [...latestOrders()]
          .slice(-count)
          .map(([key, order]) => ({ externalId: key, email: order.BuyerInfo?.BuyerEmail as string })),
      async change(count) {
        // The buyers order again, to a new address.
        const changed = [...latestOrders()].slice(0, count);
        for (const [, order] of changed) {
          moves += 1;
          sim.store.placeOrder(order, { AddressLine1: `Neue Straße ${moves}`, AddressLine2: undefined });
        }
        return changed.map(([key]) => key);
      },
      // Orders are never deleted, and a buyer cannot be seen to leave (deletions: 'none').
      remove: async () => [],
      close: () => sim.close(),
    };
    return { ...harness, faults: simulatorFaults(sim, clock, harness.change, () => sim.expireTokens()) };
  },
};
