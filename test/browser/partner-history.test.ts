/**
 * The Sales channel partners cockpit in real Chromium against a real `kontor serve`: a partner's history in its
 * drawer, Release (recorded with who), Merge with the duplicate another channel created (choosing the partner
 * kept), and the list filtered by the run that created the partners. Screenshots go to test/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logInFirstTime, nav, openPage, pick } from './support/ui.ts';

const PASSWORD = 'browser-partner-history-password';

interface ApiPartner {
  number: string;
  status: string;
  mergedInto: string | null;
  links: Array<{ channel: string; externalId: string }>;
}

describeBrowser('Partner history, release and merge in Chromium', () => {
  let shop: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  const url = (path: string) => `${server.url}${path}`;
  const headers = { 'x-kontor-request': '1' };
  const runIds: Record<string, number> = {};
  const partner = async (number: string): Promise<ApiPartner> =>
    await (await page.request.get(url(`/api/partners/${number}`))).json();

  async function importChannel(name: string): Promise<void> {
    const channel = await page.request.post(url('/api/channels'), {
      headers,
      data: {
        name,
        adapter: 'magento',
        type: 'b2b',
        url: shop.url,
        settings: { token: shop.token },
        customerApproval: false,
        pseudoPartnerNumber: null,
      },
    });
    expect(channel.status()).toBe(201);
    const filed = await page.request.post(url('/api/import-customers'), {
      headers,
      data: {
        application: { channel: name, changedSince: 'anytime', confirmAllWarnings: true },
        batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none' },
      },
    });
    expect(filed.status()).toBe(201);
    const jobId = (await filed.json()).id;
    for (let tries = 0; ; tries++) {
      const job = await (await page.request.get(url(`/api/jobs/${jobId}`))).json();
      if (job.state === 'finished') {
        runIds[name] = job.runs[0].importRunId;
        break;
      }
      if (tries > 300) throw new Error(`the import job did not finish: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    shop = await startMagentoSimulator({ customers: 5, seed: 21, brokenShare: 0 });
    server = await startKontorServer('partner-history-test');
    browser = await launchChromium();
    page = await openPage(browser);
    await logInFirstTime(page, server.url, server.admin.oneTimePassword, PASSWORD);
    // Two channels of one shop: every customer becomes two B2B partners (Blocked), duplicates to merge.
    await importChannel('shop');
    await importChannel('outlet');
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `failed-partners-${task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await shop?.close();
  });

  async function numbersOf(channel: string): Promise<Map<string, string>> {
    const list = await (await page.request.get(url(`/api/partners?channel=${channel}&limit=500`))).json();
    return new Map(
      (list.items as ApiPartner[]).map((p) => [
        p.links.find((l) => l.channel === channel)!.externalId,
        p.number,
      ]),
    );
  }

  it('shows the history, releases with who did it, and merges the duplicate into the partner kept', async () => {
    const shopPartners = await numbersOf('shop');
    const outletPartners = await numbersOf('outlet');
    const [externalId, keep] = [...shopPartners.entries()][0]!;
    const duplicate = outletPartners.get(externalId)!;

    await nav(page, 'Sales channel partners');
    await page.getByTestId(`partner-row-${keep}`).click();
    const drawer = page.getByTestId('partner-details');
    await drawer.waitFor();
    // The import's fields, with its run.
    const history = page.getByTestId('partner-history');
    await expect.poll(() => history.locator('tr[data-field="email"]').count()).toBe(1);
    expect(await history.locator('tr[data-field="email"]').textContent()).toContain('Import run');

    await page.getByTestId('partner-release').click();
    await eventually(async () => (await partner(keep)).status).toBe('Released');
    await history.locator('tr[data-action="status"]').waitFor();
    expect(await history.locator('tr[data-action="status"]').textContent()).toMatch(
      /admin[\s\S]*Blocked[\s\S]*Released/,
    );
    await page.getByTestId('partner-block').waitFor();

    await page.getByTestId('partner-merge').click();
    await pick(page, 'merge-other', new RegExp(`^${duplicate} `), duplicate);
    expect(await page.getByTestId('merge-summary').textContent()).toBe(
      `Partner ${duplicate} will be merged into partner ${keep}.`,
    );
    await screenshot(page, 'partner-merge-dialog');
    await page.getByTestId('merge-confirm').click();
    await eventually(async () => (await partner(duplicate)).mergedInto).toBe(keep);
    await eventually(() => page.getByTestId('partner-links').locator('tbody tr').count()).toBe(2);
    await history.locator('tr[data-field="mergedFrom"]').waitFor();
    expect((await partner(keep)).links.map((l) => l.channel).sort()).toEqual(['outlet', 'shop']);
    await screenshot(page, 'partner-history-merged');

    // The merged partner: its note, no actions; the list leaves it out unless asked.
    await page.goto(url(`/partners/${duplicate}`));
    await page.getByTestId('partner-merged-note').waitFor();
    expect(await page.getByTestId('partner-release').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('partners-table').waitFor();
    expect(await page.getByTestId(`partner-row-${duplicate}`).count()).toBe(0);
    await pick(page, 'partner-filter-merged', 'Only merged');
    await page.getByTestId(`partner-row-${duplicate}`).waitFor();
  });

  it('filters the list by the import run that created or changed the partners', async () => {
    const shopPartners = await numbersOf('shop');
    const total = new RegExp(`^${shopPartners.size} partners`);
    // The run log's link: /partners?run=<id>.
    await page.goto(url(`/partners?run=${runIds.shop}`));
    await page.getByTestId('partners-table').waitFor();
    await eventually(() => page.getByTestId('partner-total').textContent()).toMatch(total);
    for (const number of shopPartners.values())
      expect(await page.getByTestId(`partner-row-${number}`).count()).toBe(1);
    // The filter field, typed.
    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(() => page.getByTestId('partner-total').textContent()).not.toMatch(total);
    await page.getByTestId('partner-filter-run').fill(String(runIds.shop));
    await eventually(() => page.getByTestId('partner-total').textContent()).toMatch(total);
  });
});
