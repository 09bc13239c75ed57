/**
 * The demo's sales channels: one simulator per adapter with generated customers, and the channel
 * demo-<kind> pointing at it (created, or pointed at the new simulator when the database already has it).
 */

import type { ChannelService } from '../../channels/channel-service.ts';
import { HARNESSES } from '../../simulators/harnesses.ts';
import type { AdapterHarness, SimulatorHarness } from '../../simulators/kit/harness.ts';
import { onFreePort } from '../port-in-use.ts';
import { DEMO_BROKEN_SHARE } from './demo-notice.ts';

export interface DemoShop {
  channel: string;
  harness: AdapterHarness;
  simulator: SimulatorHarness;
}

/** Starts every adapter's simulator on consecutive ports from `basePort` (0 = any free ports). */
export async function startDemoShops(basePort: number, customers: number): Promise<DemoShop[]> {
  const shops: DemoShop[] = [];
  try {
    for (const [index, harness] of HARNESSES.entries()) {
      const port = basePort === 0 ? 0 : basePort + index;
      const simulator = await onFreePort(port, () =>
        harness.start({ port, customers, seed: index + 1, brokenShare: DEMO_BROKEN_SHARE }),
      );
      shops.push({ channel: `demo-${harness.adapter.kind}`, harness, simulator });
    }
  } catch (error) {
    await stopDemoShops(shops);
    throw error;
  }
  return shops;
}

export async function stopDemoShops(shops: readonly DemoShop[]): Promise<void> {
  await Promise.all(shops.map((shop) => shop.simulator.close()));
}

/** Creates the shop's channel, or points the existing one at the running simulator. Returns true if created. */
export async function ensureDemoChannel(channels: ChannelService, shop: DemoShop): Promise<boolean> {
  const { url, settings } = shop.simulator.connection;
  const existing = await channels.find(shop.channel);
  if (existing) {
    await channels.moveConnection(shop.channel, url, { ...existing.settings, ...settings });
    return false;
  }
  await channels.add({
    name: shop.channel,
    adapter: shop.harness.adapter.kind,
    type: shop.harness.channelType,
    url,
    settings,
    customerApproval: false,
    pseudoPartnerNumber: null,
  });
  return true;
}

/** Life in the demo shops: every `everyMs` one customer of the next shop changes, so Last transfer finds it. */
export function startShopActivity(
  shops: readonly DemoShop[],
  everyMs: number,
  report: (line: string) => void,
): { stop(): void } {
  let tick = 0;
  const timer = setInterval(() => {
    const shop = shops[tick % shops.length];
    tick += 1;
    if (!shop) return;
    void shop.simulator
      .change(1)
      .then((ids) => report(`[${shop.channel}] customer ${ids.join(', ')} changed in the shop.`))
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
