/**
 * The review of matches on the Review records page, in real Chromium against a real `kontor serve`: a channel
 * that matches by e-mail finds two partners with a customer's e-mail (MATCH_AMBIGUOUS); a person links one record
 * to the partner they choose and creates a new partner for another. Screenshots go to test/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logInFirstTime, openPage } from './support/ui.ts';

const PASSWORD = 'browser-matches-password';

interface Rec {
  externalId: string;
  state: string;
  codes: string[];
  candidates: string[];
  resolvedBy: string | null;
}

interface PartnerItem {
  number: string;
  links: Array<{ channel: string; externalId: string }>;
}

describeBrowser('Review of matches in Chromium', () => {
  let shopA: MagentoSimulator;
  let shopB: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  /** The ids in shop B of the customers that match two partners each. */
  let toLink: string;
  let toCreate: string;
  const url = (path: string) => `${server.url}${path}`;
  const headers = { 'x-kontor-request': '1' };
  const records = async (state: string): Promise<Rec[]> =>
    (await (await page.request.get(url(`/api/records?channel=b&state=${state}&limit=500`))).json()).records;
  const partners = async (): Promise<PartnerItem[]> =>
    (await (await page.request.get(url('/api/partners?limit=200'))).json()).items;

  async function addChannel(name: string, shop: MagentoSimulator, matchRules: string[]) {
    const created = await page.request.post(url('/api/channels'), {
      headers,
      data: {
        name,
        adapter: 'magento',
        type: 'b2c',
        url: shop.url,
        settings: { token: shop.token },
        customerApproval: false,
        pseudoPartnerNumber: null,
        matchRules,
      },
    });
    expect(created.status()).toBe(201);
    expect((await created.json()).matchRules).toEqual(matchRules);
  }

  async function importAll(channel: string) {
    const filed = await page.request.post(url('/api/import-customers'), {
      headers,
      data: {
        application: { channel, changedSince: 'anytime', confirmAllWarnings: true },
        batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none' },
      },
    });
    expect(filed.status()).toBe(201);
    const jobId = (await filed.json()).id;
    for (let tries = 0; ; tries++) {
      const job = await (await page.request.get(url(`/api/jobs/${jobId}`))).json();
      if (job.state === 'finished') return;
      if (tries > 300) throw new Error(`the import job did not finish: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const setEmail = (shop: MagentoSimulator, index: number, email: string): string => {
    const id = shop.store.list()[index]?.id as number;
    shop.store.change(id, (customer) => {
      customer.email = email;
    });
    return String(id);
  };

  beforeAll(async () => {
    shopA = await startMagentoSimulator({ customers: 6, seed: 14, brokenShare: 0 });
    shopB = await startMagentoSimulator({ customers: 4, seed: 41, brokenShare: 0 });
    // Two partners each with the e-mails that two customers of shop b have.
    setEmail(shopA, 0, 'twice.one@example.com');
    setEmail(shopA, 1, 'TWICE.one@example.com');
    setEmail(shopA, 2, 'twice.two@example.com');
    setEmail(shopA, 3, 'twice.two@example.com');
    toLink = setEmail(shopB, 0, 'Twice.One@example.com');
    toCreate = setEmail(shopB, 1, 'twice.two@example.com');
    server = await startKontorServer('review-matches');
    browser = await launchChromium();
    page = await openPage(browser);
    await logInFirstTime(page, server.url, server.admin.oneTimePassword, PASSWORD);
    await addChannel('a', shopA, []);
    await addChannel('b', shopB, ['email']);
    await importAll('a');
    await importAll('b');
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `failed-matches-${task.name.slice(0, 30)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([shopA?.close(), shopB?.close()]);
  });

  it('sets the matching rules of a channel in the Matching tab of its form, in the order chosen', async () => {
    await page.goto(url('/sales-channels/a'));
    await page.getByTestId('tab-matching').click();
    const rules = page.getByTestId('channel-match-rules');
    await rules.click();
    await page.getByRole('option', { name: 'Tax id' }).click();
    await page.getByRole('option', { name: 'E-mail' }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, '46-channel-matching-tab');
    await page.getByTestId('channel-save').click();
    await eventually(
      async () => (await (await page.request.get(url('/api/channels/a'))).json()).matchRules,
    ).toEqual(['tax-id', 'email']);
  });

  it('links an ambiguous record to the partner chosen among its candidates', async () => {
    const open = await records('open');
    expect(open.map((record) => record.externalId).sort()).toEqual([toLink, toCreate].sort());
    const waiting = open.find((record) => record.externalId === toLink);
    expect(waiting?.codes).toContain('MATCH_AMBIGUOUS');
    expect(waiting?.candidates).toHaveLength(2);
    const chosen = waiting?.candidates[1] as string;

    await page.goto(url('/records?channel=b&state=open'));
    // No Confirm for a record that waits for a decision: Link to partner or Create new partner.
    await page.getByTestId(`record-${toLink}-link`).waitFor();
    expect(await page.getByTestId(`record-${toLink}-confirm`).count()).toBe(0);
    await page.getByTestId(`record-${toLink}-link`).click();
    await page.getByTestId(`record-${toLink}-link-${chosen}`).waitFor();
    await screenshot(page, '44-review-match-candidates');
    await page.getByTestId(`record-${toLink}-link-${chosen}`).click();
    await eventually(() => page.getByTestId(`record-row-${toLink}`).count()).toBe(0);

    expect(await records('confirmed')).toEqual([
      expect.objectContaining({ externalId: toLink, resolvedBy: 'admin' }),
    ]);
    const partner = (await partners()).find((item) => item.number === chosen);
    expect(partner?.links.map((link) => `${link.channel}:${link.externalId}`)).toContain(`b:${toLink}`);
  });

  it('creates a new partner for an ambiguous record', async () => {
    const before = (await partners()).length;
    await page.goto(url('/records?channel=b&state=open'));
    await page.getByTestId(`record-${toCreate}-create-new`).click();
    await eventually(() => page.getByTestId(`record-row-${toCreate}`).count()).toBe(0);
    const after = await partners();
    expect(after).toHaveLength(before + 1);
    const created = after.find((item) =>
      item.links.some((link) => link.externalId === toCreate && link.channel === 'b'),
    );
    expect(created?.links).toHaveLength(1);
    expect((await records('open')).length).toBe(0);
    await screenshot(page, '45-review-match-created');
  });
});
