/**
 * The Content Security Policy (src/api/security-headers.ts) in real Chromium against a real `kontor serve`:
 * the built web UI (login, an application with server push) and the Swagger UI at /api/docs render with no
 * violation, and the headers reach the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchChromium } from './support/browser.ts';
import { watchCspViolations } from './support/csp-violations.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logIn, nav } from './support/ui.ts';

describeBrowser('security headers in Chromium', () => {
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    server = await startKontorServer('csp-test');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.setDefaultTimeout(15_000);
    violations = watchCspViolations(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the web UI under the policy: login, choose a password, an application', async () => {
    const answer = await page.goto(`${server.url}/`);
    const headers = answer?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    await logIn(page, server.url, 'admin', server.admin.oneTimePassword);
    await page.getByText('Choose your password').waitFor();
    // Mantine's styles applied (its CSS variables come in an inline <style>, which style-src must allow:
    // without 'unsafe-inline' Chromium reports style-src-elem violations here and in Swagger UI's bundle).
    const background = await page
      .getByRole('button', { name: 'Change password' })
      .evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    // The login's ticket stands for the one-time password: it is not asked again.
    expect(await page.getByLabel(/^One-time password/).count()).toBe(0);
    await page.getByLabel(/^New password/).fill('csp-test-password');
    await page.getByLabel(/^Repeat new password/).fill('csp-test-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('home-channels').waitFor();
    await nav(page, 'Import customers');
    await page.getByTestId('import-customers-dialog').waitFor();
    await nav(page, 'Sales channels');
    await page.getByRole('button', { name: 'New sales channel' }).first().waitFor();
    await nav(page, 'Batch jobs');
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  });

  it('renders the Swagger UI at /api/docs under the policy', async () => {
    violations.length = 0;
    const answer = await page.goto(`${server.url}/api/docs`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await eventually(() => page.locator('.swagger-ui .info .title').textContent()).toContain(
      'Kontor HTTP API',
    );
    // The operations are listed and one opens (Swagger UI's own scripts and styles run).
    await page.locator('.opblock-tag-section').first().waitFor();
    const login = page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).first();
    await login.click();
    await page.locator('.opblock-body').first().waitFor();
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  });

  it('refuses to be framed by another page', async () => {
    const framing = await browser.newPage();
    await framing.setContent(`<iframe id="f" src="${server.url}/"></iframe>`);
    await framing.waitForTimeout(1500);
    const frame = framing.frames().find((f) => f.url().startsWith(server.url));
    const framed = frame
      ? await frame
          .locator('#root')
          .count()
          .catch(() => 0)
      : 0;
    expect(framed).toBe(0);
    await framing.close();
  });
});
