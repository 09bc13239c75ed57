/**
 * The Review records page in real Chromium against a real `kontor serve`: an import leaves records not
 * imported (errors, warnings awaiting confirmation); the channel list and the run log link to them; a person
 * confirms one (imported without a new read) and ignores others in bulk (still listed as ignored, by whom).
 * Screenshots go to test/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logInFirstTime, nav, openPage, pick } from './support/ui.ts';

const PASSWORD = 'browser-review-password';

interface Rec {
  externalId: string;
  level: string;
  state: string;
  resolvedBy: string | null;
}

describeBrowser('Review records in Chromium', () => {
  let shop: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  const url = (path: string) => `${server.url}${path}`;
  const headers = { 'x-kontor-request': '1' };
  const records = async (state: string): Promise<Rec[]> =>
    (await (await page.request.get(url(`/api/records?channel=shop&state=${state}&limit=500`))).json())
      .records;

  beforeAll(async () => {
    shop = await startMagentoSimulator({ customers: 40, seed: 93, brokenShare: 0.1 });
    server = await startKontorServer('review-test');
    browser = await launchChromium();
    page = await openPage(browser);
    await logInFirstTime(page, server.url, server.admin.oneTimePassword, PASSWORD);
    const channel = await page.request.post(url('/api/channels'), {
      headers,
      data: {
        name: 'shop',
        adapter: 'magento',
        type: 'b2b-b2c',
        url: shop.url,
        settings: { token: shop.token, pageSize: '10' },
        customerApproval: false,
        pseudoPartnerNumber: null,
      },
    });
    expect(channel.status()).toBe(201);
    // An import that leaves records open: errors and warnings awaiting confirmation.
    const filed = await page.request.post(url('/api/import-customers'), {
      headers,
      data: {
        application: { channel: 'shop', changedSince: 'anytime' },
        batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none' },
      },
    });
    expect(filed.status()).toBe(201);
    const jobId = (await filed.json()).id;
    for (let tries = 0; ; tries++) {
      const job = await (await page.request.get(url(`/api/jobs/${jobId}`))).json();
      if (job.state === 'finished') break;
      if (tries > 300) throw new Error(`the import job did not finish: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `failed-review-${task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await shop?.close();
  });

  it('lists the open records, linked from the channel list', async () => {
    const open = await records('open');
    expect(open.some((record) => record.level === 'warning')).toBe(true);
    expect(open.some((record) => record.level === 'error')).toBe(true);
    await page.reload();
    await nav(page, 'Sales channels');
    const badge = page.getByTestId('channel-open-records-shop');
    await eventually(() => badge.textContent()).toBe(`${open.length} to review`);
    await badge.click();
    await page.waitForURL(/\/records\?channel=shop/);
    await eventually(() =>
      page.getByTestId('records-table').locator('tbody tr[data-state="open"]').count(),
    ).toBe(open.length);
    expect(await page.getByTestId('records-total').textContent()).toContain(`${open.length} record`);
    await screenshot(page, '42-review-records');
  });

  it('confirms one record and ignores others in bulk', async () => {
    const open = await records('open');
    const [awaiting] = open.filter((record) => record.level === 'warning');
    const errors = open.filter((record) => record.level === 'error');
    if (!awaiting || errors.length === 0) throw new Error('the seed left no warning or no error open');
    await page.goto(url('/records?channel=shop&state=open'));
    await page.getByTestId(`record-${awaiting.externalId}-confirm`).click();
    await eventually(() => page.getByTestId(`record-row-${awaiting.externalId}`).count()).toBe(0);
    const confirmed = await records('confirmed');
    expect(confirmed).toEqual([
      expect.objectContaining({ externalId: awaiting.externalId, resolvedBy: 'admin' }),
    ]);
    // The confirmed customer is a partner now.
    const partners = await (await page.request.get(url('/api/partners?channel=shop&limit=200'))).json();
    expect(
      partners.items.some((p: { links: Array<{ externalId: string }> }) =>
        p.links.some((link) => link.externalId === awaiting.externalId),
      ),
    ).toBe(true);

    // Ignore every record in error at once.
    await pick(page, 'records-state', 'Open');
    for (const record of errors) await page.getByTestId(`record-select-${record.externalId}`).check();
    await page.getByTestId('bulk-ignore').click();
    await eventually(async () =>
      (await records('ignored')).map((record) => record.externalId).sort(),
    ).toEqual(errors.map((record) => record.externalId).sort());
    expect((await records('ignored')).every((record) => record.resolvedBy === 'admin')).toBe(true);
    await eventually(() =>
      page.getByTestId('records-table').locator('tbody tr[data-state="open"]').count(),
    ).toBe(open.length - 1 - errors.length);
    // Still visible as ignored, with who.
    await pick(page, 'records-state', 'Ignored');
    await eventually(() =>
      page.getByTestId('records-table').locator('tbody tr[data-state="ignored"]').count(),
    ).toBe(errors.length);
    expect(await page.getByTestId('records-table').textContent()).toContain('by admin');
    await screenshot(page, '43-review-records-ignored');
  });

  it('links the run log to the Review page', async () => {
    await nav(page, 'Batch jobs');
    await page.getByTestId('jobs-table').waitFor();
    await page.getByTestId('jobs-table').locator('tbody tr').first().click();
    const link = page.getByTestId('run-log-review');
    await link.waitFor({ timeout: 30_000 }).catch(async () => {
      // The run log is one tab of the job's details.
      await page.getByRole('tab', { name: /log/i }).first().click();
      await link.waitFor();
    });
    await link.click();
    await page.waitForURL(/\/records\?channel=shop/);
  });
});
