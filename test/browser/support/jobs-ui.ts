/** Filing Import customers jobs in the dialog and following them in Batch jobs, as the browser tests do. */
import type { Locator, Page } from 'playwright-core';
import { eventually, nav, pick } from './ui.ts';

export interface ImportForm {
  channel: string;
  changedSince?: 'Anytime' | 'Last transfer' | 'Manual';
  confirmAllWarnings?: boolean;
  name?: string;
  startMode?: string;
  pattern?: string;
  notification?: string;
}

/** Fills the Import customers dialog, presses [In batch] and returns the new job's id. */
export async function fileImport(page: Page, form: ImportForm): Promise<number> {
  await nav(page, 'Import customers');
  await page.getByRole('button', { name: 'Reset' }).click();
  const filed = page.getByTestId('job-filed');
  const before = (await filed.count()) > 0 ? await filed.getAttribute('data-job-id') : null;
  await page.getByTestId('tab-application').click();
  await pick(page, 'field-channel', form.channel);
  if (form.changedSince) await pick(page, 'field-changed-since', form.changedSince);
  if (form.confirmAllWarnings) await page.getByTestId('field-confirm-all-warnings').check();
  await page.getByTestId('tab-batch').click();
  if (form.name) await page.getByTestId('field-job-name').fill(form.name);
  if (form.startMode) await pick(page, 'field-start-mode', form.startMode);
  if (form.pattern) await page.getByTestId('field-pattern').fill(form.pattern);
  if (form.notification) await pick(page, 'field-notification', form.notification);
  await page.getByTestId('submit-import').click();
  await eventually(async () =>
    (await filed.count()) > 0 ? await filed.getAttribute('data-job-id') : null,
  ).not.toBe(before);
  return Number(await filed.getAttribute('data-job-id'));
}

export async function openJobs(page: Page): Promise<void> {
  await nav(page, 'Batch jobs');
  await page.getByTestId('jobs-table').waitFor();
}

export function jobRow(page: Page, id: number): Locator {
  return page.getByTestId(`job-row-${id}`);
}

/** Waits until the Batch jobs list (refreshing itself) shows the job in this state. */
export async function waitForJobState(
  page: Page,
  id: number,
  state: string,
  timeout = 60_000,
): Promise<void> {
  await eventually(() => jobRow(page, id).getAttribute('data-state'), timeout).toBe(state);
}

/** Waits until the job's last run is in this state. */
export async function waitForLastRun(page: Page, id: number, state: string, timeout = 60_000): Promise<void> {
  await eventually(() => jobRow(page, id).getAttribute('data-last-run'), timeout).toBe(state);
}
