/**
 * [Preview] in the Import customers dialog, in real Chromium against a real `kontor serve`: the counts and
 * the paged table of records (action, changes, codes), nothing imported; and [Cancel] stops the server's read
 * of the shop. Screenshots go to test/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logInFirstTime, nav, openPage, pick } from './support/ui.ts';

const PASSWORD = 'browser-preview-password';

describeBrowser('Import customers preview in Chromium', () => {
  let shop: MagentoSimulator;
  let slow: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  const url = (path: string) => `${server.url}${path}`;
  const searches = (sim: MagentoSimulator) =>
    sim.requests.filter((request) => request.path.includes('/search')).length;

  async function addChannel(name: string, sim: MagentoSimulator) {
    const response = await page.request.post(url('/api/channels'), {
      headers: { 'x-kontor-request': '1' },
      data: {
        name,
        adapter: 'magento',
        type: 'b2b-b2c',
        url: sim.url,
        settings: { token: sim.token, pageSize: '5' },
        customerApproval: false,
        pseudoPartnerNumber: null,
      },
    });
    expect(response.status()).toBe(201);
  }

  beforeAll(async () => {
    shop = await startMagentoSimulator({ customers: 40, seed: 91, brokenShare: 0.1 });
    slow = await startMagentoSimulator({ customers: 400, seed: 92, brokenShare: 0, latencyMs: 400 });
    server = await startKontorServer('preview-test');
    browser = await launchChromium();
    page = await openPage(browser);
    await logInFirstTime(page, server.url, server.admin.oneTimePassword, PASSWORD);
    await addChannel('shop', shop);
    await addChannel('slow', slow);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `failed-preview-${task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await shop?.close();
    await slow?.close();
  });

  it('previews an import: counts and a paged table of records, nothing imported', async () => {
    await page.reload();
    await nav(page, 'Import customers');
    await pick(page, 'field-channel', 'shop');
    await pick(page, 'field-changed-since', 'Anytime');
    await page.getByTestId('preview-import').click();
    const modal = page.getByTestId('import-preview');
    await modal.waitFor();
    const count = (name: string) => modal.locator(`[data-count="${name}"]`).textContent();
    await eventually(() => count('read')).toBe('Read 40');
    const counts = await Promise.all(['create', 'awaiting', 'errors'].map(count));
    const number = (text: string | null | undefined) => Number(text?.split(' ').at(-1));
    expect(number(counts[0]) + number(counts[1]) + number(counts[2])).toBe(40);
    expect(number(counts[2])).toBeGreaterThan(0);
    const rows = modal.getByTestId('preview-table').locator('tbody tr');
    expect(await rows.count()).toBe(25);
    await screenshot(page, '40-import-preview');
    await modal.getByTestId('preview-pages').getByRole('button', { name: '2' }).click();
    await eventually(() => rows.count()).toBe(15);
    const actions = await modal
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    expect(actions.every((action) => ['create', 'awaiting', 'error'].includes(action ?? ''))).toBe(true);
    await modal.getByTestId('preview-close').click();

    // Nothing was imported: no partner, no job, no run.
    const partners = await (await page.request.get(url('/api/partners'))).json();
    expect(partners.total).toBe(0);
    const jobs = await (await page.request.get(url('/api/jobs'))).json();
    expect(jobs).toEqual([]);
  });

  it('cancels a large preview: the server stops reading the shop', async () => {
    await nav(page, 'Import customers');
    await pick(page, 'field-channel', 'slow');
    await pick(page, 'field-changed-since', 'Anytime');
    await page.getByTestId('preview-import').click();
    const modal = page.getByTestId('import-preview');
    // The first 100 records, then [Read more] reads on; [Cancel] while it reads.
    await modal.getByTestId('preview-more').waitFor({ timeout: 60_000 });
    expect(await modal.locator('[data-count="read"]').textContent()).toBe('Read 100');
    expect(await modal.getByTestId('preview-counts').textContent()).toContain('(so far)');
    const firstChunk = searches(slow);
    await modal.getByTestId('preview-more').click();
    await modal.getByTestId('preview-cancel').waitFor();
    await eventually(() => searches(slow)).toBeGreaterThan(firstChunk + 2);
    await modal.getByTestId('preview-cancel').click();
    await modal.getByTestId('preview-cancelled').waitFor();
    const atCancel = searches(slow);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(searches(slow)).toBeLessThanOrEqual(atCancel + 1);
    expect(searches(slow)).toBeLessThan(40);
    // The records read before stay; nothing more is read.
    expect(await modal.getByTestId('preview-table').locator('tbody tr').count()).toBe(25);
    await screenshot(page, '41-import-preview-cancelled');
    await modal.getByTestId('preview-close').click();
  });
});
