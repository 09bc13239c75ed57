/** How the browser tests work the UI: log in, pick from a Mantine Select, read a field's state. */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

export async function logIn(page: Page, baseUrl: string, name: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('textbox', { name: 'User' }).fill(name);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * The administrator's first login: the one-time password, then the forced change to `password` (the login's
 * ticket stands for the one-time password, so the form asks only for the new one); ends on Home.
 */
export async function logInFirstTime(
  page: Page,
  baseUrl: string,
  oneTimePassword: string,
  password: string,
): Promise<void> {
  await logIn(page, baseUrl, 'admin', oneTimePassword);
  await page.getByLabel(/^New password/).fill(password);
  await page.getByLabel(/^Repeat new password/).fill(password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByTestId('home-channels').waitFor();
}

/** expect.poll with the patience of a browser (its default of 1 s is too short on a busy machine). */
export function eventually<T>(value: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(value, { timeout, interval: 100 });
}

/** Opens an application from the navigation. */
export async function nav(page: Page, application: string): Promise<void> {
  await page.locator('nav').getByRole('link', { name: application, exact: true }).click();
}

/** Opens the picker with this test id, types to search if asked, and clicks the option. */
export async function pick(
  page: Page,
  testId: string,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

export async function disabled(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).isDisabled();
}

/** The enabled state of several fields at once, by test id. */
export async function enabledFields(
  page: Page,
  testIds: readonly string[],
): Promise<Record<string, boolean>> {
  const result: Record<string, boolean> = {};
  for (const id of testIds) result[id] = !(await disabled(page, id));
  return result;
}

/** Waits for the dialog notification with this title, (looks at it,) presses OK; returns its text. */
export async function closeNotificationDialog(
  page: Page,
  title: RegExp,
  look?: () => Promise<unknown>,
): Promise<string> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor({ timeout: 60_000 });
  const text = (await dialog.textContent()) ?? '';
  await look?.();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

/** A page as the browser tests look at the UI: 1440 x 900, English (en-US), times in UTC (or `timezoneId`). */
export async function openPage(browser: Browser, timezoneId = 'UTC'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId });
  page.setDefaultTimeout(15_000);
  return page;
}
