/**
 * The web UI as an operator uses it, in real Chromium against a real `kontor serve` and a Magento simulator
 * with broken records: Home (every channel's health), a run's progress with the shop's total, a run that
 * finished with errors shown as such (badges, alert, inbox), a failed run that says why, the run log (partner
 * links, filters, CSV export) and Run again. Screenshots go to test/browser/screenshots/ (operator-*).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { jobRow, openJobs, waitForJobState } from './support/jobs-ui.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logIn, openPage, pick } from './support/ui.ts';

const PASSWORD = 'operator-test-password';
const HEADERS = { 'X-Kontor-Request': '1' };

describeBrowser('the web UI as an operator uses it', () => {
  let magento: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  const url = (path: string) => `${server.url}${path}`;
  const jobs: Record<string, number> = {};

  beforeAll(async () => {
    // Pages of 5 with some latency: a run takes a few seconds, so its progress can be watched.
    magento = await startMagentoSimulator({ customers: 60, seed: 11, brokenShare: 0.15, latencyMs: 300 });
    server = await startKontorServer('operator-test');
    browser = await launchChromium();
    page = await openPage(browser);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `operator-failed-${task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await magento?.close();
  });

  async function post(path: string, data: unknown) {
    const response = await page.request.post(url(path), { headers: HEADERS, data });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return await response.json();
  }

  const fileImport = async (channel: string, batch: Record<string, unknown> = {}) =>
    (
      await post('/api/import-customers', {
        application: { channel, changedSince: 'anytime', confirmAllWarnings: true },
        batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none', ...batch },
      })
    ).id as number;

  it('lands on Home after the password change, which says how to add a channel', async () => {
    await logIn(page, server.url, 'admin', server.admin.oneTimePassword);
    // The login's ticket stands for the one-time password just typed: the form asks only for the new one.
    await page.getByLabel(/^New password/).fill(PASSWORD);
    await page.getByLabel(/^Repeat new password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('home-channels').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('home-channels').textContent()).toContain('No sales channels yet');
    const channel = (name: string, token: string) =>
      post('/api/channels', {
        name,
        adapter: 'magento',
        type: 'b2b-b2c',
        url: magento.url,
        settings: { token, pageSize: '5' },
        customerApproval: false,
        pseudoPartnerNumber: null,
      });
    await channel('shop', magento.token);
    await channel('locked', 'x'.repeat(32));
  });

  it('shows a run with the shop total, then finished with errors in the badges, the alert and the inbox', async () => {
    jobs.first = await fileImport('shop', { name: 'first-import', notification: 'workflow' });
    await page.goto(url(`/batch-jobs/${jobs.first}`));
    const progress = page.locator(
      '[data-testid=run-progress][data-active=true] [data-testid=run-read-count]',
    );
    await eventually(
      async () => ((await progress.count()) > 0 ? await progress.textContent() : ''),
      30_000,
    ).toMatch(/^[1-9]\d* of 60( · (about|less than) .+ left)?$/);
    expect(await progress.getAttribute('data-total')).toBe('60');
    await page.getByTestId('run-progress-bar').waitFor();
    await screenshot(page, 'operator-10-run-progress');
    await eventually(() => page.getByTestId('run-outcome').count(), 60_000).toBe(1);
    expect(await page.getByTestId('run-outcome').textContent()).toMatch(
      /Finished with errors\d+ records? (was|were) not imported/,
    );
    await screenshot(page, 'operator-11-finished-with-errors');
    await page.keyboard.press('Escape');

    await openJobs(page);
    await waitForJobState(page, jobs.first, 'finished');
    const row = jobRow(page, jobs.first);
    expect(await row.getAttribute('data-outcome')).toBe('finished-with-errors');
    const badges = await row.locator('.mantine-Badge-root').allTextContents();
    expect(badges.map((b) => b.toLowerCase())).toEqual(['finished with errors', 'finished with errors']);
    expect(await row.getByTestId('run-summary-counts').textContent()).toMatch(/· \d+ errors?( ·|$)/);
    expect(await row.textContent()).not.toMatch(/\b1 errors\b/);
    await screenshot(page, 'operator-12-batch-jobs');

    await page.getByTestId('inbox-indicator').click();
    const task = page.locator('[data-testid^=task-row-]').first();
    await task.waitFor({ timeout: 30_000 });
    expect(await task.locator('.mantine-Badge-root').textContent()).toBe('Run ended with errors');
    expect(await task.textContent()).toContain('finished with errors');
    expect(await task.textContent()).toMatch(/finished with \d+ errors?:/);
    await screenshot(page, 'operator-13-inbox');
  });

  it('filters the run log, links records to their partners and exports the lines shown as CSV', async () => {
    await page.goto(url(`/batch-jobs/${jobs.first}`));
    const log = page.getByTestId('run-log');
    await log.waitFor();
    const lines = log.getByTestId('log-line');
    const all = await lines.count();
    expect(all).toBeGreaterThan(2);
    const levels = await lines.locator('td:first-child').allTextContents();
    expect(levels).toContain('error');
    expect(levels).toContain('warning');

    // Level: only errors, none linked to a partner (not imported).
    await log.getByTestId('log-level').getByText('error', { exact: true }).click();
    const errors = levels.filter((l) => l === 'error').length;
    await eventually(() => lines.count()).toBe(errors);
    expect(await log.getByTestId('log-partner').count()).toBe(0);
    expect(await log.getByTestId('log-count').textContent()).toBe(`${errors} of ${all} lines`);
    const download = page.waitForEvent('download');
    await log.getByTestId('log-csv').click();
    const file = await (await download).path();
    const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('level,external id,partner,code,message');
    expect(csv.slice(1, -1)).toHaveLength(errors);
    expect(csv.slice(1, -1).every((r) => r.startsWith('error,'))).toBe(true);
    await screenshot(page, 'operator-20-run-log-errors');

    // Code and text: the first error's code, then its external id.
    await log.getByTestId('log-level').getByText('All', { exact: true }).click();
    const firstError = lines.filter({ hasText: /^error/ }).first();
    const code = (await firstError.locator('td').nth(3).textContent()) ?? '';
    const externalId = (await firstError.locator('td').nth(1).textContent()) ?? '';
    await pick(page, 'log-code', code);
    await eventually(async () =>
      (await lines.locator('td:nth-child(4)').allTextContents()).every((c) => c === code),
    ).toBe(true);
    await log.getByTestId('log-search').fill(externalId);
    await eventually(async () =>
      (await lines.locator('td:nth-child(2)').allTextContents()).every((c) => c.includes(externalId)),
    ).toBe(true);
    expect(await lines.count()).toBeGreaterThan(0);
    // The filters start afresh with the drawer.
    await page.goto(url(`/batch-jobs/${jobs.first}`));
    await log.waitFor();

    // A warning was imported: its partner opens in the Sales channel partners cockpit.
    await log.getByTestId('log-level').getByText('warning', { exact: true }).click();
    const partner = log.getByTestId('log-partner').first();
    await partner.waitFor();
    const number = (await partner.textContent()) ?? '';
    const warned = (await lines.first().locator('td').nth(1).textContent()) ?? '';
    await screenshot(page, 'operator-21-run-log-warnings');
    await partner.click();
    await page.waitForURL(new RegExp(`/partners/${number}$`));
    const details = page.getByTestId('partner-details');
    await eventually(() => details.textContent()).toContain(warned);
    await screenshot(page, 'operator-22-partner-from-log');
  });

  it('says why a failed run failed, without "Every record read was imported"', async () => {
    jobs.locked = await fileImport('locked', { name: 'locked-import' });
    await page.goto(url('/batch-jobs'));
    await page.getByTestId('jobs-table').waitFor();
    await waitForJobState(page, jobs.locked, 'failed');
    expect(await jobRow(page, jobs.locked).getAttribute('data-outcome')).toBe('failed');
    await jobRow(page, jobs.locked).click();
    const outcome = page.getByTestId('run-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/^Run failed.*(token|refused|401|authori)/i);
    expect(await outcome.textContent()).toContain('CHANNEL_AUTH_FAILED');
    const log = await page.getByTestId('run-log').textContent();
    expect(log).not.toContain('Every record read was imported');
    expect(log).toContain('The run failed before it logged a record');
    await screenshot(page, 'operator-30-failed-run');
    await page.keyboard.press('Escape');
  });

  it('runs a job again in one click, with the same settings, and opens the new job', async () => {
    await page.goto(url(`/batch-jobs/${jobs.first}`));
    await page
      .getByTestId('job-details')
      .getByRole('button', { name: `Run again job ${jobs.first}` })
      .click();
    await page.waitForURL(
      (u) => /\/batch-jobs\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${jobs.first}`),
    );
    jobs.again = Number(new URL(page.url()).pathname.split('/').at(-1));
    expect(jobs.again).toBeGreaterThan(jobs.first as number);
    await eventually(() => page.getByTestId('job-details-name').textContent()).toBe('first-import');
    const again = await (await page.request.get(url(`/api/jobs/${jobs.again}`))).json();
    const first = await (await page.request.get(url(`/api/jobs/${jobs.first}`))).json();
    expect(again.settings).toEqual(first.settings);
    expect(again.notification).toBe('workflow');
    await page.keyboard.press('Escape');
    await openJobs(page);
    await waitForJobState(page, jobs.again, 'finished');
  });

  it('shows every channel on Home: last run, error trend, next scheduled run', async () => {
    const begin = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const once = await fileImport('shop', {
      name: 'shop-tonight',
      startMode: 'once',
      begin,
      releaseImmediately: false,
    });
    await post(`/api/jobs/${once}/release`, {});
    await page.goto(url('/'));
    const shop = page.getByTestId('health-shop');
    await eventually(() => shop.locator('[data-testid=error-trend]').getAttribute('data-errors')).toMatch(
      /^\d+,\d+$/,
    );
    expect(await shop.getAttribute('data-outcome')).toMatch(/^finished/);
    expect(await shop.textContent()).toContain('shop-tonight');
    expect(await shop.textContent()).toContain(`job ${jobs.again}`);
    const locked = page.getByTestId('health-locked');
    expect(await locked.getAttribute('data-outcome')).toBe('failed');
    expect(await locked.getByTestId('last-run-detail').textContent()).not.toBe('');
    expect(await locked.textContent()).toContain('none scheduled');
    expect(await page.getByTestId('tally-channels').textContent()).toContain('2');
    expect(await page.getByTestId('tally-failed').textContent()).toContain('1');
    await screenshot(page, 'operator-00-home');
  });
});
