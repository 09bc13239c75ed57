/**
 * The web UI as an operator uses it, in real Chromium against a real `kontor serve` (and `kontor demo`): the
 * forced password change without the one-time password again, required fields and the user-name rule; Test
 * connection before saving and a refused connection answered at once; settings named by their labels;
 * [In batch] naming the filed job and ready for the next, a refused job using no id, long job names cut with
 * the whole name on hover; Begin in the browser's time zone; Swagger UI with Kontor's name and no CSP
 * violation; the demo's banner and its tasks saying that the broken records are on purpose.
 * Screenshots go to test/browser/screenshots/ (ops-*.png).
 */
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { watchCspViolations } from './support/csp-violations.ts';
import { jobRow, openJobs } from './support/jobs-ui.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logIn, nav, openPage, pick } from './support/ui.ts';

const PASSWORD = 'operator-test-password';
const LONG_NAME = `nightly-import-of-every-customer-of-the-main-web-shop-${'x'.repeat(20)}-end`;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Messages on the console that tell of a Content Security Policy violation (besides the event watcher). */
function watchCspConsole(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text()))
      found.push(message.text());
  });
  page.on('pageerror', (error) => found.push(`page error: ${error.message}`));
  return found;
}

describeBrowser('web UI as an operator uses it', () => {
  describe('kontor serve', () => {
    let magento: MagentoSimulator;
    let server: KontorServer;
    let browser: Browser;
    let page: Page;
    let violations: string[] = [];

    beforeAll(async () => {
      magento = await startMagentoSimulator({ customers: 12, seed: 21, brokenShare: 0 });
      server = await startKontorServer('ops-web-test');
      browser = await launchChromium();
      page = await openPage(browser, 'Europe/Berlin');
      violations = watchCspViolations(page);
    });

    afterEach(async ({ task }) => {
      if (task.result?.state === 'fail' && page)
        await screenshot(page, `failed-ops-${task.name.slice(0, 40)}`);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await magento?.close();
    });

    it('changes the one-time password without asking for it again; required fields say so', async () => {
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Log in' }).click();
      await eventually(() => page.getByText('User is required.', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Password is required.', { exact: true }).count()).toBe(1);
      await logIn(page, server.url, 'admin', server.admin.oneTimePassword);
      await page.getByText('Choose your password').waitFor();
      // The login's ticket stands for the one-time password just typed.
      expect(await page.getByLabel(/^One-time password/).count()).toBe(0);
      await page.getByRole('button', { name: 'Change password' }).click();
      await eventually(() => page.getByText('New password is required.', { exact: true }).count()).toBe(1);
      expect(await page.getByText('Repeat new password is required.', { exact: true }).count()).toBe(1);
      await page.getByLabel(/^New password/).fill('Admin');
      await eventually(() => page.getByText('Must not be your user name.', { exact: true }).count()).toBe(1);
      await screenshot(page, 'ops-00-choose-password');
      await page.getByLabel(/^New password/).fill(PASSWORD);
      await page.getByLabel(/^Repeat new password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByTestId('home-channels').waitFor(); // Home is the landing page
    });

    it('tests a new channel before it is saved, and answers a refused connection at once', async () => {
      await nav(page, 'Sales channels');
      await page.getByRole('button', { name: 'New sales channel' }).first().click();
      await page.getByTestId('channel-name').fill('shop');
      await pick(page, 'channel-adapter', /Magento/);
      await pick(page, 'channel-type', 'B2C');
      await page.getByTestId('channel-url').fill(magento.url);
      await page.getByTestId('setting-token').fill(magento.token);
      await page.getByTestId('test-connection').click();
      await eventually(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('true');
      expect(await page.getByTestId('test-result').textContent()).toContain('12');
      // Nothing is saved by a test.
      expect((await (await page.request.get(`${server.url}/api/channels`)).json()) as unknown[]).toEqual([]);

      const port = await closedPort();
      await page.getByTestId('channel-url').fill(`http://127.0.0.1:${port}`);
      await page.getByTestId('test-connection').click();
      await eventually(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('false');
      const refused = (await page.getByTestId('test-result').textContent()) ?? '';
      expect(refused).toContain(`Could not reach 127.0.0.1:${port}: the connection was refused.`);
      expect(refused).not.toContain('Gave up');
      await screenshot(page, 'ops-10-test-refused');

      // A page size out of range: the server names the setting by its label and says the range.
      await page.getByTestId('channel-url').fill(magento.url);
      await page.getByTestId('setting-pageSize').fill('1000000');
      await page.getByTestId('channel-save').click();
      await eventually(() =>
        page
          .getByText(
            /The Magento setting Page size \("pageSize"\) is "1000000"; expected a whole number from 1 to/,
          )
          .count(),
      ).toBe(1);
      await screenshot(page, 'ops-11-setting-label');
      await page.getByTestId('setting-pageSize').fill('5');
      await page.getByTestId('channel-save').click();
      await page.waitForURL(/\/sales-channels\/shop$/);
    });

    it('tests an edit with the stored token when its field is left empty', async () => {
      await eventually(() => page.getByTestId('setting-token').getAttribute('placeholder')).toBe(
        'stored – leave empty to keep',
      );
      await page.getByTestId('test-connection').click();
      await eventually(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('true');
      await page.getByTestId('setting-token').fill('w'.repeat(32));
      await page.getByTestId('test-connection').click();
      await eventually(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('false');
      await screenshot(page, 'ops-12-test-edit');
    });

    it('names the filed job and starts over; a refused job uses no id; long names are cut', async () => {
      await nav(page, 'Import customers');
      await pick(page, 'field-channel', 'shop');
      await page.getByTestId('tab-batch').click();
      await page.getByTestId('field-job-name').fill(LONG_NAME);
      await pick(page, 'field-start-mode', 'Scheduled: external');
      await page.getByTestId('submit-import').click();
      const filed = page.getByTestId('job-filed');
      await filed.waitFor();
      const firstId = Number(await filed.getAttribute('data-job-id'));
      expect(await filed.textContent()).toContain(`Batch job ${firstId} filed`);
      expect(await page.getByTestId('job-filed-name').getAttribute('title')).toBe(LONG_NAME);
      expect(await page.getByTestId('job-filed-link').getAttribute('href')).toBe(`/batch-jobs/${firstId}`);
      // Ready for the next job: the form is back at its defaults.
      await page.getByTestId('tab-batch').click();
      expect(await page.getByTestId('field-job-name').inputValue()).toBe('');
      await screenshot(page, 'ops-20-job-filed');

      // Begin in the past: refused by the server, in the browser's time zone (Berlin) and format.
      await page.getByTestId('tab-application').click();
      await pick(page, 'field-channel', 'shop');
      await page.getByTestId('tab-batch').click();
      await page.getByTestId('field-job-name').fill(LONG_NAME);
      await pick(page, 'field-start-mode', 'Scheduled: once only');
      await page.getByTestId('field-begin').fill('2001-01-01T01:00');
      await page.getByTestId('submit-import').click();
      await eventually(() =>
        page.getByText('Begin Jan 1, 2001, 1:00 AM GMT+1 lies in the past.').count(),
      ).toBe(1);
      await screenshot(page, 'ops-21-begin-in-the-past');
      // The name is still open: refused too.
      await pick(page, 'field-start-mode', 'Scheduled: external');
      await page.getByTestId('submit-import').click();
      await eventually(() => page.getByText(`A batch job named "${LONG_NAME}" is still open.`).count()).toBe(
        1,
      );
      await page.getByTestId('field-job-name').fill('');
      await page.getByTestId('submit-import').click();
      await eventually(() => filed.getAttribute('data-job-id')).toBe(String(firstId + 1));

      await openJobs(page);
      const name = jobRow(page, firstId).getByTestId(`job-name-${firstId}`);
      expect(await name.getAttribute('title')).toBe(LONG_NAME);
      const cut = await name.evaluate((element) => element.scrollWidth > element.clientWidth);
      expect(cut).toBe(true);
      await name.hover();
      await screenshot(page, 'ops-22-long-job-name');
      expect(violations).toEqual([]);
    });

    it("shows Swagger UI with Kontor's name and no CSP violation", async () => {
      const consoleViolations = watchCspConsole(page);
      violations.length = 0;
      await page.goto(`${server.url}/api/docs`);
      await eventually(() => page.title()).toBe('Kontor API docs');
      await eventually(() => page.locator('.swagger-ui .info .title').textContent()).toContain(
        'Kontor HTTP API',
      );
      const logo = page.locator('.swagger-ui .topbar img').first();
      expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      const logoText = Buffer.from((await logo.getAttribute('src'))!.split(',')[1]!, 'base64').toString();
      expect(logoText).toContain('Kontor API');
      const topbar = await page
        .locator('.swagger-ui .topbar')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(topbar).toBe('rgb(28, 126, 214)');
      await page.locator('.opblock-tag-section').first().waitFor();
      expect(await page.locator('.opblock-summary-path', { hasText: '/api/channels/test' }).count()).toBe(1);
      await page.waitForTimeout(500);
      await screenshot(page, 'ops-30-swagger-ui');
      expect(violations).toEqual([]);
      expect(consoleViolations).toEqual([]);
    });
  });

  describe('kontor demo', () => {
    let server: KontorServer;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      server = await startKontorServer('ops-demo-test', { customers: 30 });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      page.setDefaultTimeout(15_000);
    }, 180_000);

    afterEach(async ({ task }) => {
      if (task.result?.state === 'fail' && page) await screenshot(page, 'failed-ops-demo');
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('says that its broken records are on purpose: banner, badge and its inbox tasks', async () => {
      await logIn(page, server.url, 'admin', server.admin.oneTimePassword);
      await page.getByLabel(/^New password/).fill(PASSWORD);
      await page.getByLabel(/^Repeat new password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      const banner = page.getByTestId('demo-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('broken on purpose');
      expect(await page.getByTestId('demo-badge').count()).toBe(1);
      const system = await (await page.request.get(`${server.url}/api/system`)).json();
      expect(system).toMatchObject({ demo: true, demoNotice: expect.stringContaining('on purpose') });
      await page.goto(`${server.url}/inbox`);
      const tasks = page.getByTestId('task-message');
      await tasks.first().waitFor();
      const texts = await tasks.allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).toContain('Demo: the shop simulator breaks about 2 %');
      await screenshot(page, 'ops-40-demo-inbox');
      // Closed, the banner stays away in this tab; the badge stays.
      await banner.getByRole('button').click();
      await page.reload();
      await page.getByTestId('demo-badge').waitFor();
      expect(await page.getByTestId('demo-banner').count()).toBe(0);
    });
  });
});
