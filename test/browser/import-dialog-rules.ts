/**
 * The field rules of the Import customers dialog as the browser tests check them: which fields each start
 * mode enables (docs/web-ui.md), and what the adapter's capabilities show and enable.
 */

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { enabledFields, eventually, pick } from './support/ui.ts';

const SCHEDULE_FIELDS = [
  'field-begin',
  'field-max-run-time',
  'field-timeout-notification',
  'field-pattern',
  'field-time-zone',
  'field-end',
  'field-series-canceled',
  'field-release-immediately',
] as const;

type Expectation = Record<(typeof SCHEDULE_FIELDS)[number], boolean>;

const none: Expectation = {
  'field-begin': false,
  'field-max-run-time': false,
  'field-timeout-notification': false,
  'field-pattern': false,
  'field-time-zone': false,
  'field-end': false,
  'field-series-canceled': false,
  'field-release-immediately': false,
};

export const START_MODE_RULES: { label: string; enabled: Expectation; released: boolean }[] = [
  { label: 'Add to queue', enabled: { ...none, 'field-release-immediately': true }, released: true },
  {
    label: 'At restart of application server',
    enabled: { ...none, 'field-release-immediately': true },
    released: true,
  },
  { label: 'Scheduled: external', enabled: none, released: false },
  {
    label: 'Scheduled: once only',
    enabled: { ...none, 'field-begin': true, 'field-max-run-time': true, 'field-timeout-notification': true },
    released: false,
  },
  {
    label: 'Scheduled: as a series',
    enabled: {
      'field-begin': true,
      'field-max-run-time': true,
      'field-timeout-notification': true,
      'field-pattern': true,
      'field-time-zone': true,
      'field-end': true,
      'field-series-canceled': true,
      'field-release-immediately': false,
    },
    released: false,
  },
];

/** On the Batch settings tab: each start mode enables its fields; Release immediately is checked only where offered. */
export async function checkStartModeRules(page: Page): Promise<void> {
  await page.getByTestId('tab-batch').click();
  for (const rule of START_MODE_RULES) {
    await pick(page, 'field-start-mode', rule.label);
    expect({ mode: rule.label, ...(await enabledFields(page, SCHEDULE_FIELDS)) }).toEqual({
      mode: rule.label,
      ...rule.enabled,
    });
    expect(await page.getByTestId('field-release-immediately').isChecked(), rule.label).toBe(rule.released);
  }
  await pick(page, 'field-start-mode', 'Add to queue');
}

/** On the Application tab with a channel whose adapter selects by e-mail and detects deletions (Magento). */
export async function checkByEmailRules(page: Page): Promise<void> {
  await page.getByTestId('tab-application').click();
  await eventually(() => page.getByTestId('field-by-email').count()).toBe(1);
  expect(await enabledFields(page, ['field-changed-since', 'field-timestamp', 'field-emails'])).toEqual({
    'field-changed-since': true,
    'field-timestamp': false,
    'field-emails': false,
  });
  expect(await page.getByTestId('field-deactivate-deleted').isDisabled()).toBe(false);
  await pick(page, 'field-changed-since', 'Manual');
  expect(await page.getByTestId('field-timestamp').isDisabled()).toBe(false);
  expect(await page.getByTestId('field-timestamp').inputValue()).not.toBe('');
  await page.getByTestId('field-by-email').check();
  expect(await enabledFields(page, ['field-changed-since', 'field-timestamp', 'field-emails'])).toEqual({
    'field-changed-since': false,
    'field-timestamp': false,
    'field-emails': true,
  });
  await page.getByTestId('field-by-email').uncheck();
  await pick(page, 'field-changed-since', 'Last transfer');
}

/** With a channel whose adapter cannot (Amazon: no e-mail selection, no deletions): hidden and disabled. */
export async function checkNoCapabilityRules(page: Page): Promise<void> {
  await page.getByTestId('tab-application').click();
  await eventually(() => page.getByTestId('field-by-email').count()).toBe(0);
  expect(await page.getByTestId('field-emails').count()).toBe(0);
  expect(await page.getByTestId('field-deactivate-deleted').isDisabled()).toBe(true);
  await eventually(() => page.getByText('cannot detect deleted customer accounts').count()).toBeGreaterThan(
    0,
  );
}
