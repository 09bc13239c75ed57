/**
 * The web UI in real Chromium against a real `kontor serve` and a Magento simulator: log in, create a sales
 * channel, the Import customers dialog's field rules and checks, [In batch] in several start modes, Batch jobs
 * (progress, release, trigger, edit, cancel), dialog notifications live and at the next login, the workflow
 * inbox, the Sales channel partners cockpit and the System cockpit. Screenshots of every application go to
 * test/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { checkByEmailRules, checkNoCapabilityRules, checkStartModeRules } from './import-dialog-rules.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { watchCspViolations } from './support/csp-violations.ts';
import { fileImport, jobRow, openJobs, waitForJobState, waitForLastRun } from './support/jobs-ui.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { closeNotificationDialog, eventually, logIn, nav, openPage, pick } from './support/ui.ts';

const PASSWORD = 'browser-test-password';

describeBrowser('web UI in Chromium', () => {
  let magento: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;
  let cspViolations: string[] = [];
  const url = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    // Small pages and some latency: a run takes a few seconds, so its progress can be watched.
    magento = await startMagentoSimulator({ customers: 60, seed: 11, brokenShare: 0.05, latencyMs: 350 });
    server = await startKontorServer('web-test');
    browser = await launchChromium();
    page = await openPage(browser);
    cspViolations = watchCspViolations(page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page) await screenshot(page, `failed-${task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await magento?.close();
  });

  it('logs in with the one-time password and chooses a new one', async () => {
    await logIn(page, server.url, 'admin', server.admin.oneTimePassword);
    await eventually(() => page.getByText('Choose your password').count()).toBe(1);
    await screenshot(page, '00-choose-password');
    // The login's ticket stands for the one-time password: it is not asked again.
    expect(await page.getByLabel(/^One-time password/).count()).toBe(0);
    await page.getByLabel(/^New password/).fill(PASSWORD);
    await page.getByLabel(/^Repeat new password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    // The landing page is Home (every channel's health); Import customers is one click away.
    await page.getByTestId('home-channels').waitFor();
    await nav(page, 'Import customers');
    await page.getByTestId('import-customers-dialog').waitFor();
    await screenshot(page, '01-import-customers');
  });

  it('creates a Magento sales channel and tests its connection', async () => {
    await nav(page, 'Sales channels');
    await page.getByRole('button', { name: 'New sales channel' }).first().click();
    await page.getByTestId('channel-name').fill('shop-magento');
    await pick(page, 'channel-adapter', /Magento/);
    await pick(page, 'channel-type', 'B2B & B2C');
    await page.getByTestId('channel-url').fill(magento.url);
    await page.getByTestId('setting-token').fill(magento.token);
    await page.getByTestId('setting-pageSize').fill('5');
    await page.getByTestId('tab-b2b').click();
    await page.getByTestId('channel-customer-approval').check();
    await page.getByTestId('channel-save').click();
    await page.waitForURL(/\/sales-channels\/shop-magento$/);
    await eventually(() => page.getByTestId('setting-token').getAttribute('placeholder')).toBe(
      'stored – leave empty to keep',
    );
    await page.getByTestId('test-connection').click();
    await eventually(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('true');
    await screenshot(page, '10-sales-channel');
    // A channel whose adapter can neither select by e-mail nor detect deletions, for the dialog's rules.
    const amazon = await page.request.post(url('/api/channels'), {
      headers: { 'X-Kontor-Request': '1' },
      data: {
        name: 'shop-amazon',
        adapter: 'amazon',
        type: 'b2c',
        url: 'https://sellingpartnerapi-eu.amazon.com',
        settings: {
          marketplaceIds: 'A1PA6795UKMFR9',
          clientId: 'amzn1.application-oa2-client.web',
          clientSecret: 'secret',
          refreshToken: 'Atzr|web',
        },
        customerApproval: false,
        pseudoPartnerNumber: null,
      },
    });
    expect(amazon.status(), await amazon.text()).toBe(201);
    await nav(page, 'Sales channels');
    await page.getByTestId('channel-row-shop-amazon').waitFor();
    await screenshot(page, '11-sales-channels');
  });

  it('removes a stored secret: a Retail POS channel moves from its API key to user name and password', async () => {
    const created = await page.request.post(url('/api/channels'), {
      headers: { 'X-Kontor-Request': '1' },
      data: {
        name: 'shop-pos',
        adapter: 'retail-pos',
        type: 'b2c',
        url: 'https://pos.example.com',
        settings: { apiKey: 'pos-key-1' },
        customerApproval: false,
        pseudoPartnerNumber: null,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await page.goto(url('/sales-channels/shop-pos'));
    await page.getByTestId('clear-setting-apiKey').check();
    expect(await page.getByTestId('setting-apiKey').isDisabled()).toBe(true);
    await page.getByTestId('setting-username').fill('head-office');
    await page.getByTestId('setting-password').fill('pos-password-1');
    await page.getByTestId('channel-save').click();
    await eventually(async () => {
      const channel = await (await page.request.get(url('/api/channels/shop-pos'))).json();
      return { secrets: [...channel.secretsSet].sort(), username: channel.settings.username };
    }).toEqual({ secrets: ['password'], username: 'head-office' });
  });

  it('enables and disables the Import customers fields as the spec says, and checks at the fields', async () => {
    await nav(page, 'Import customers');
    await pick(page, 'field-channel', 'shop-amazon', 'amazon');
    await checkNoCapabilityRules(page);
    await pick(page, 'field-channel', 'shop-magento', 'magento');
    await checkByEmailRules(page);
    await checkStartModeRules(page);

    await page.getByRole('button', { name: 'Clear processing queue' }).click();
    await pick(page, 'field-start-mode', 'Scheduled: as a series');
    await page.getByTestId('submit-import').click();
    await eventually(() => page.getByText('Processing queue is required.').count()).toBe(1);
    expect(await page.getByText('A series needs a serial pattern.').count()).toBe(1);
    await screenshot(page, '02-import-customers-checks');
    // End before Begin: the dialog's own check.
    await pick(page, 'field-queue', 'default');
    await page.getByTestId('field-pattern').fill('0 2 * * *');
    await page.getByTestId('field-begin').fill('2031-01-10T02:00');
    await page.getByTestId('field-end').fill('2031-01-01T02:00');
    await page.getByTestId('submit-import').click();
    await eventually(() => page.getByText('End must lie after Begin.').count()).toBe(1);
    // A pattern only the server knows to be wrong (minute 99): its message at the field, on its tab.
    await page.getByTestId('field-end').fill('');
    await page.getByTestId('field-pattern').fill('99 2 * * *');
    await page.getByTestId('tab-application').click();
    await page.getByTestId('submit-import').click();
    await eventually(() => page.getByTestId('field-pattern').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('form-error').count()).toBe(0);
    await screenshot(page, '03-import-customers-server-check');
    await page.getByRole('button', { name: 'Reset' }).click();
  });

  it('files an import with [In batch], shows its progress in Batch jobs and the dialog notification', async () => {
    const id = await fileImport(page, {
      channel: 'shop-magento',
      changedSince: 'Anytime',
      confirmAllWarnings: true,
      name: 'web-anytime',
      notification: 'Using a dialog window',
    });
    await page.getByRole('link', { name: 'Show it in Batch jobs' }).click();
    await page.getByTestId('job-details-name').waitFor();
    // While the run goes on, the drawer shows its progress (records read so far).
    const readSoFar = page.locator(
      '[data-testid=run-progress][data-active=true] [data-testid=run-read-count]',
    );
    await eventually(
      async () => ((await readSoFar.count()) > 0 ? await readSoFar.textContent() : ''),
      20_000,
    ).toMatch(/^[1-9]\d* of 60/); // Magento tells its total_count
    await screenshot(page, '20-batch-job-running');
    const text = await closeNotificationDialog(page, /web-anytime/, () =>
      screenshot(page, '21-dialog-notification'),
    );
    expect(text).toContain('finished');
    await page.getByRole('tab', { name: /Runs/ }).click();
    await eventually(() => page.getByTestId('count-read').textContent()).toMatch(/Read\s*60/);
    await page.getByTestId('run-log-table').waitFor();
    await screenshot(page, '22-batch-job-finished');
    await page.keyboard.press('Escape');
    await waitForJobState(page, id, 'finished');
  });

  it('files scheduled jobs planned; releases, triggers, edits and cancels them in Batch jobs', async () => {
    const once = await fileImport(page, {
      channel: 'shop-magento',
      name: 'web-once',
      startMode: 'Scheduled: once only',
    });
    const series = await fileImport(page, {
      channel: 'shop-magento',
      name: 'web-series',
      startMode: 'Scheduled: as a series',
      pattern: '0 2 * * *',
    });
    const external = await fileImport(page, {
      channel: 'shop-magento',
      name: 'web-external',
      startMode: 'Scheduled: external',
      notification: 'By Workflow',
    });
    await openJobs(page);
    for (const id of [once, series, external])
      expect(await jobRow(page, id).getAttribute('data-state')).toBe('planned');
    await page.getByRole('button', { name: `Release job ${once}` }).click();
    await waitForJobState(page, once, 'released');
    await page.getByRole('button', { name: `Release job ${external}` }).click();
    await waitForJobState(page, external, 'released');
    await page.getByRole('button', { name: `Trigger job ${external}` }).click();
    await waitForLastRun(page, external, 'finished');
    await waitForJobState(page, external, 'released');

    await page.getByRole('button', { name: `Edit job ${series}` }).click();
    await page.getByTestId('tab-batch').click();
    expect(await page.getByTestId('field-pattern').inputValue()).toBe('0 2 * * *');
    await page.getByTestId('field-job-name').fill('web-series-nightly');
    await screenshot(page, '23-batch-job-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => jobRow(page, series).textContent()).toContain('web-series-nightly');
    await page.getByRole('button', { name: `Cancel job ${series}` }).click();
    await waitForJobState(page, series, 'canceled');

    await pick(page, 'filter-state', 'planned');
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('[data-testid^=job-row-]').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear' }).click();
    await screenshot(page, '24-batch-jobs');

    // By Workflow: a task in the inbox until acknowledged; the bell counts it.
    await eventually(() => page.getByTestId('inbox-indicator').getAttribute('data-count'), 30_000).toBe('1');
    await page.getByTestId('inbox-indicator').click();
    await page.getByRole('button', { name: 'Acknowledge' }).waitFor();
    await screenshot(page, '50-workflow-inbox');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await eventually(() => page.getByTestId('inbox-indicator').getAttribute('data-count')).toBe('0');
    // Three jobs filed, a run and an edit in a row: about a minute on a loaded machine (CI with other suites).
  }, 120_000);

  it('shows a dialog notification that came while the user was away at the next login', async () => {
    const id = await fileImport(page, {
      channel: 'shop-magento',
      name: 'web-away',
      notification: 'Using a dialog window',
    });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    // Meanwhile the job runs; another session (the API) sees it end.
    const other = await browser.newContext();
    await other.request.post(url('/api/auth/login'), {
      headers: { 'X-Kontor-Request': '1' },
      data: { name: 'admin', password: PASSWORD },
    });
    const state = async () => (await (await other.request.get(url(`/api/jobs/${id}`))).json()).state;
    await eventually(state, 60_000).toBe('finished');
    await other.close();
    await logIn(page, server.url, 'admin', PASSWORD);
    await closeNotificationDialog(page, /web-away/);
    expect(await page.locator('.mantine-Modal-content').count()).toBe(0);
  });

  it('finds the imported partners in the Sales channel partners cockpit', async () => {
    await nav(page, 'Sales channel partners');
    await pick(page, 'partner-filter-channel', 'shop-magento');
    await eventually(async () =>
      Number.parseInt((await page.getByTestId('partner-total').textContent()) ?? '0', 10),
    ).toBeGreaterThan(40);
    const customer = magento.store.list().find((c) => /@/.test(String(c.email)))!;
    await page.getByTestId('partner-search').fill(String(customer.email));
    await eventually(() => page.locator('[data-testid^=partner-row-]').count()).toBe(1);
    await screenshot(page, '30-sales-channel-partners');
    await page.locator('[data-testid^=partner-row-]').click();
    const links = page.getByTestId('partner-links');
    await eventually(() => links.textContent()).toContain(String(customer.id));
    expect(await links.textContent()).toContain('shop-magento');
    await screenshot(page, '31-partner-details');
    await page.keyboard.press('Escape');
  });

  it('shows processing queues and application servers in the System cockpit, and creates a user', async () => {
    await nav(page, 'System cockpit');
    await page.getByTestId('new-queue').click();
    await page.getByTestId('queue-name').fill('web-queue');
    await page.getByTestId('queue-description').fill('Imports filed in the browser test');
    await page.getByTestId('queue-save').click();
    await page.getByTestId('queue-row-web-queue').waitFor();
    await screenshot(page, '40-system-cockpit-queues');
    await pick(page, 'cockpit-category', 'Application servers');
    await eventually(() => page.getByTestId('app-server-row-web-test').textContent()).toContain('running');
    await screenshot(page, '41-system-cockpit-servers');
    await nav(page, 'Users');
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel(/^User name/).fill('clerk');
    await page.getByLabel(/^Display name/).fill('Clara Clerk');
    await page.getByRole('button', { name: 'Create user' }).click();
    expect(await page.getByTestId('one-time-password').textContent()).toMatch(/^\S{12,}$/);
    await screenshot(page, '61-user-created');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('user-row-clerk').waitFor();
    await screenshot(page, '60-users');
  });

  it('met no Content Security Policy violation in any of the applications above', () => {
    expect(cspViolations).toEqual([]);
  });
});
