/**
 * The web UI in the user's language, in real Chromium against a real `kontor serve`: English for an en-US
 * browser, German and Polish from the language menu (navigation, page labels, the Import customers dialog),
 * the choice kept for the user across a reload and in another browser, back to the browser's language, and
 * a German browser that gets German before anybody chose, a channel's Matching tab and a partner's history in
 * German. Screenshots go to test/browser/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../../src/simulators/magento/simulator.ts';
import { describeBrowser, launchChromium, screenshot } from './support/browser.ts';
import { type KontorServer, startKontorServer } from './support/kontor-server.ts';
import { eventually, logIn, logInFirstTime, openPage } from './support/ui.ts';

const PASSWORD = 'browser-language-password';

describeBrowser('the web UI in German and Polish', () => {
  let shop: MagentoSimulator;
  let server: KontorServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    shop = await startMagentoSimulator({ customers: 30, seed: 5, brokenShare: 0.2 });
    server = await startKontorServer('language-test');
    browser = await launchChromium();
    page = await openPage(browser);
    await logInFirstTime(page, server.url, server.admin.oneTimePassword, PASSWORD);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `languages-failed-${task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await shop?.close();
  });

  const navLinks = async (p: Page = page) =>
    (await p.locator('nav').getByRole('link').allTextContents()).map((text) => text.trim());
  const storedLanguage = async () =>
    (await (await page.request.get(`${server.url}/api/auth/me`)).json()).user.uiLanguage;

  async function choose(language: 'en' | 'de' | 'pl' | 'browser') {
    await page.getByTestId('language-menu').click();
    await page.getByTestId(`language-${language}`).click();
  }

  it('speaks English in an en-US browser, as Chromium of the tests is', async () => {
    expect(await page.evaluate(() => navigator.languages)).toEqual(['en-US']);
    expect(await navLinks()).toContain('Batch jobs');
    expect(await page.getByTestId('language-menu').getAttribute('data-language')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await storedLanguage()).toBeNull();
  });

  it('switches to German at once: navigation, Home, the Import customers dialog; kept after a reload', async () => {
    await choose('de');
    await eventually(navLinks).toContain('Stapelverarbeitungen');
    expect(await navLinks()).toEqual([
      'Startseite',
      'Kunden importieren',
      'Stapelverarbeitungen',
      'Vertriebskanäle',
      'Partner der Vertriebskanäle',
      'Datensätze prüfen',
      'System-Cockpit',
      'Workflow-Eingang',
      'Benutzer',
    ]);
    await page.getByRole('heading', { name: 'Startseite' }).waitFor();
    expect(await page.getByTestId('tally-failed').textContent()).toContain('Letzter Lauf fehlgeschlagen');
    await eventually(storedLanguage).toBe('de');

    await page.reload();
    await page.getByRole('heading', { name: 'Startseite' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.locator('nav').getByRole('link', { name: 'Kunden importieren' }).click();
    const dialog = page.getByTestId('import-customers-dialog');
    await dialog.getByText('Partnerauswahl').waitFor();
    const labels = (await dialog.locator('label').allTextContents()).map((text) => text.trim());
    expect(labels).toContain('Vertriebskanal *');
    expect(labels).toContain('Alle Warnungen bestätigen');
    expect(labels).toContain('Geändert seit');
    await page.getByTestId('tab-batch').click();
    await dialog.getByText('Benachrichtigung und Freigabe').waitFor();
    expect(await page.getByTestId('tab-batch').textContent()).toContain('Batch-Einstellungen');
    expect(await page.getByTestId('submit-import').textContent()).toBe('Im Batch');
    await screenshot(page, 'languages-de-import');
  });

  it('switches to Polish; the System cockpit and the Batch jobs speak Polish, also after a reload', async () => {
    await choose('pl');
    await eventually(navLinks).toContain('Zadania wsadowe');
    expect(await navLinks()).toContain('Kanały sprzedaży');
    expect(await navLinks()).toContain('Kontrahenci kanałów sprzedaży');
    await eventually(storedLanguage).toBe('pl');
    await page.reload();
    await page.locator('nav').getByRole('link', { name: 'Kokpit systemu' }).click();
    await page.getByRole('heading', { name: 'Kokpit systemu' }).waitFor();
    const queues = (await page.getByTestId('queues-table').textContent()) ?? '';
    expect(queues).toContain('Gotowe');
    expect(queues).toContain('Utworzono');
    // The queue's creation time as Poland writes it: day.month.year.
    expect(queues).toMatch(/\d{1,2}\.\d\d\.\d{4}, \d\d:\d\d:\d\d/);
    expect(await page.getByText('Nowa kolejka przetwarzania').count()).toBe(1);
    await page.locator('nav').getByRole('link', { name: 'Zadania wsadowe' }).click();
    await page.getByRole('heading', { name: 'Zadania wsadowe' }).waitFor();
    expect(await page.getByTestId('jobs-table').textContent()).toContain('Brak zadań wsadowych');
    expect(await page.getByTestId('jobs-table').textContent()).toContain('Ostatni przebieg');
    await screenshot(page, 'languages-pl-jobs');
  });

  it("shows a finished job's runs, counts and settings in Polish, numbers and dates the Polish way", async () => {
    const headers = { 'x-kontor-request': '1' };
    const channel = await page.request.post(`${server.url}/api/channels`, {
      headers,
      data: {
        name: 'sklep',
        adapter: 'magento',
        type: 'b2b-b2c',
        url: shop.url,
        settings: { token: shop.token, pageSize: '10' },
        customerApproval: false,
        pseudoPartnerNumber: null,
      },
    });
    expect(channel.status(), await channel.text()).toBe(201);
    const filed = await page.request.post(`${server.url}/api/import-customers`, {
      headers,
      data: {
        application: { channel: 'sklep', changedSince: 'anytime' },
        batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none' },
      },
    });
    expect(filed.status(), await filed.text()).toBeLessThan(300);
    const { id } = await filed.json();
    const state = async () => (await (await page.request.get(`${server.url}/api/jobs/${id}`)).json()).state;
    await eventually(state, 60_000).toBe('finished');
    await page.goto(`${server.url}/batch-jobs/${id}`);
    const details = page.getByTestId('job-details');
    await details.getByText(`Zadanie wsadowe ${id}`).waitFor();
    await eventually(async () => (await details.textContent()) ?? '').toContain('Przebiegi (1)');
    const counts = (await page.getByTestId('run-progress').textContent()) ?? '';
    for (const label of ['Odczytano', 'Utworzono', 'Zaktualizowano', 'Ostrzeżenia', 'Błędy'])
      expect(counts).toContain(label);
    expect(await page.getByTestId('runs-table').textContent()).toMatch(
      /\d{1,2}\.\d\d\.\d{4}, \d\d:\d\d:\d\d/,
    );
    await screenshot(page, 'languages-pl-job-details');
    await details.getByRole('tab', { name: 'Ustawienia' }).click();
    const settings = (await page.getByTestId('job-settings').textContent()) ?? '';
    expect(settings).toContain('Kanał sprzedaży');
    expect(settings).toContain('Kolejka przetwarzania');
    expect(settings).toContain('Dodaj do kolejki');
    await page.keyboard.press('Escape');
  });

  it("follows the user to another browser, and goes back to the browser's language", async () => {
    const other = await browser.newPage({ locale: 'en-US' });
    try {
      await logIn(other, server.url, 'admin', PASSWORD);
      await eventually(() => navLinks(other)).toContain('Zadania wsadowe');
    } finally {
      await other.close();
    }
    await choose('browser');
    await eventually(navLinks).toContain('Batch jobs');
    await eventually(storedLanguage).toBeNull();
  });

  it('greets a German browser in German before anybody chose, and logs in there', async () => {
    const german = await browser.newPage({ locale: 'de-DE' });
    try {
      expect(await german.evaluate(() => navigator.languages)).toContain('de-DE');
      await german.goto(`${server.url}/`);
      await german.getByRole('button', { name: 'Anmelden' }).waitFor();
      await screenshot(german, 'languages-de-login');
      await german.getByRole('textbox', { name: 'Benutzer' }).fill('admin');
      await german.getByRole('textbox', { name: 'Kennwort' }).fill(PASSWORD);
      await german.getByRole('button', { name: 'Anmelden' }).click();
      await eventually(() => navLinks(german)).toContain('Stapelverarbeitungen');
    } finally {
      await german.close();
    }
  });

  it("shows a channel's Matching tab and a partner's history and actions in German", async () => {
    await choose('de');
    await eventually(storedLanguage).toBe('de');
    await page.goto(`${server.url}/sales-channels/sklep`);
    await page.getByTestId('tab-matching').click();
    expect(((await page.getByTestId('tab-matching').textContent()) ?? '').trim()).toBe('Abgleich');
    await page.getByText('Bestehende Partner abgleichen nach (in dieser Reihenfolge)').waitFor();

    const partners = await (await page.request.get(`${server.url}/api/partners?limit=1`)).json();
    const number: string = partners.items[0].number;
    await page.goto(`${server.url}/partners/${encodeURIComponent(number)}`);
    await page.locator('legend', { hasText: 'Historie' }).waitFor();
    // The history loads after the partner ("Wird geladen…" until then): read it once its rows are there.
    await page.getByTestId('partner-history').getByText('Importlauf').first().waitFor();
    const history = (await page.getByTestId('partner-history').textContent()) ?? '';
    for (const head of ['Wann', 'Durch', 'Feld', 'Von', 'Nach']) expect(history).toContain(head);
    expect(history).toContain('Importlauf');
    const action = page.getByTestId('partner-release').or(page.getByTestId('partner-block'));
    expect(['Freigeben', 'Sperren']).toContain(((await action.textContent()) ?? '').trim());
    expect(((await page.getByTestId('partner-merge').textContent()) ?? '').trim()).toBe('Zusammenführen…');
    await screenshot(page, 'languages-de-partner');
    await page.goto(`${server.url}/`);
    await choose('browser');
    await eventually(storedLanguage).toBeNull();
  });
});
