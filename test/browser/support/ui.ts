/** How the browser tests work the UI: log in, pick from a Mantine Select, read a field's state. */
import type { Page } from 'playwright-core';

export async function logIn(page: Page, baseUrl: string, name: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('textbox', { name: 'User' }).fill(name);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
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

/** Closes every dialog notification that is open (OK). */
export async function closeNotificationDialogs(page: Page): Promise<string[]> {
  const titles: string[] = [];
  const dialog = page.getByTestId('notification-dialog');
  while ((await page.getByRole('button', { name: 'OK' }).count()) > 0) {
    titles.push((await page.locator('.mantine-Modal-title').first().textContent()) ?? '');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.waitForTimeout(300);
    if ((await dialog.count()) === 0) break;
  }
  return titles;
}
