/**
 * Every adapter's simulator harness: the adapter contract test runs them all, `kontor simulator <kind>`
 * starts one, and `kontor demo` starts several with demo channels.
 */
import { amazonHarness } from './amazon/harness.ts';
import { cloudHarness } from './cloud/harness.ts';
import { ibusHarness } from './ibus/harness.ts';
import type { AdapterHarness } from './kit/harness.ts';
import { magentoHarness } from './magento/harness.ts';
import { oxidHarness } from './oxid/harness.ts';
import { retailPosHarness } from './retail-pos/harness.ts';
import { sfaHarness } from './sfa/harness.ts';
import { shopwareHarness } from './shopware/harness.ts';
import { webshopHarness } from './webshop/harness.ts';

export const HARNESSES: readonly AdapterHarness[] = [
  magentoHarness,
  shopwareHarness,
  webshopHarness,
  sfaHarness,
  ibusHarness,
  cloudHarness,
  amazonHarness,
  oxidHarness,
  retailPosHarness,
];

export function harnessOf(kind: string): AdapterHarness | undefined {
  return HARNESSES.find((harness) => harness.adapter.kind === kind);
}
