/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (which never
 * downloads a browser). Without it the tests are skipped with a message, unless KONTOR_REQUIRE_BROWSER=1.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM = process.env.KONTOR_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');

const available = existsSync(CHROMIUM);
if (!available && process.env.KONTOR_REQUIRE_BROWSER === '1')
  throw new Error(
    `KONTOR_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium).`,
  );
if (!available)
  console.log(
    `\nBrowser tests: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium, or set KONTOR_CHROMIUM).\n`,
  );

/** `describe` when Chromium is there, `describe.skip` otherwise. */
export const describeBrowser = available ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A screenshot of the whole page (the window grows to the content) in test/browser/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('.mantine-Drawer-body, .mantine-Modal-body')].map(
        (e) => e.scrollHeight + 120,
      ),
    ),
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(viewport.height, height), 2400),
  });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(viewport);
  return path;
}
