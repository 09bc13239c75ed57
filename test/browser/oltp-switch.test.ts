/**
 * OLTP databases in the web UI: the header shows the session's one, its menu switches from PROD to TEST and
 * the Sales channels application then shows TEST's channels, not PROD's; the login form offers them all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logInFirstTime, nav } from './support/ui.ts';

const PASSWORD = 'oltp-switch-password';

async function kontor(folder: string, ...args: string[]): Promise<void> {
  const lines: string[] = [];
  const output = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
  const code = await main(['node', 'kontor', '--db', folder, ...args], output);
  if (code !== 0) throw new Error(`kontor ${args.join(' ')}: exit ${code}\n${lines.join('\n')}`);
}

const channel = (name: string) => [
  'channel',
  'add',
  name,
  '--adapter',
  'magento',
  '--type',
  'b2c',
  '--url',
  'http://127.0.0.1:9',
  '--setting',
  'token=not-a-real-token',
];

describeBrowser('OLTP databases in the web UI', () => {
  let server: KontorServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startKontorServer('oltp-web', undefined, async (folder) => {
      await kontor(folder, 'oltp', 'add', 'PROD');
      await kontor(folder, 'oltp', 'add', 'TEST', '--language', 'de');
      await kontor(folder, '--oltp', 'PROD', ...channel('prod-shop'));
      await kontor(folder, '--oltp', 'TEST', ...channel('test-shop'));
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** How many cells of the Sales channels table show each demo channel's name. */
  const shown = async () => ({
    prod: await page.getByRole('cell', { name: 'prod-shop' }).count(),
    test: await page.getByRole('cell', { name: 'test-shop' }).count(),
  });

  it('switches the OLTP database from PROD to TEST in the header and shows the other one’s channels', async () => {
    await logInFirstTime(page, server.url, server.admin.oneTimePassword, PASSWORD);
    const menu = page.getByTestId('oltp-menu');
    await eventually(() => menu.textContent()).toBe('default');

    await menu.click();
    await page.getByRole('menuitem', { name: 'PROD' }).click();
    await eventually(() => menu.textContent()).toBe('PROD');
    await nav(page, 'Sales channels');
    await page.getByRole('button', { name: 'New sales channel' }).first().waitFor();
    await eventually(shown).toEqual({ prod: 1, test: 0 });

    await menu.click();
    await page.getByRole('menuitem', { name: 'TEST' }).click();
    await eventually(() => menu.textContent()).toBe('TEST');
    await page.getByRole('button', { name: 'New sales channel' }).first().waitFor();
    await eventually(shown).toEqual({ prod: 0, test: 1 });
    await screenshot(page, 'oltp-switched-to-test');

    // The Batch settings' OLTP database is the session's.
    await nav(page, 'Import customers');
    await page.getByRole('tab', { name: 'Batch settings' }).click();
    await eventually(() => page.getByTestId('field-oltp-database').inputValue()).toBe('TEST');
  });

  it('offers the OLTP databases at login and works on the one chosen', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('textbox', { name: 'User' }).fill('admin');
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('combobox', { name: 'OLTP database' }).click();
    await page.getByRole('option', { name: 'PROD' }).click();
    await page.getByRole('button', { name: 'Log in' }).click();
    await eventually(() => page.getByTestId('oltp-menu').textContent()).toBe('PROD');
  });
});
