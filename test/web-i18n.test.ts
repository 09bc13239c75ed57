/**
 * The web UI's catalogues (web/src/i18n): German and Polish have every English key, with the same placeholders
 * in every plural form; plural messages have the forms their language needs; the language follows the
 * browser unless the user chose one; dates and numbers follow the language.
 */
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../web/src/format/date-time.ts';
import { formatCount } from '../web/src/format/locale.ts';
import { CATALOGUES } from '../web/src/i18n/catalogues.ts';
import { browserLanguage, localeFor, UI_LANGUAGES } from '../web/src/i18n/languages.ts';
import { type Message, placeholdersOf, render } from '../web/src/i18n/message.ts';
import { en, type MessageKey } from '../web/src/i18n/messages-en.ts';
import { setCurrentLanguage, translate } from '../web/src/i18n/translate.ts';

const KEYS = Object.keys(en) as MessageKey[];
const OTHERS = UI_LANGUAGES.filter((language) => language !== 'en');

/** The plural categories a language's numbers fall into (Polish: one, few, many, other). */
function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

describe('web UI catalogues', () => {
  it.each(OTHERS)('%s has every key of English (a missing one is listed)', (language) => {
    const catalogue = CATALOGUES[language];
    const missing = KEYS.filter((key) => catalogue[key] === undefined);
    expect(missing, `missing in ${language}`).toEqual([]);
  });

  it.each(OTHERS)('%s has no key English does not have', (language) => {
    const extra = Object.keys(CATALOGUES[language]).filter((key) => !(key in en));
    expect(extra, `unknown keys in ${language}`).toEqual([]);
  });

  it.each(OTHERS)('%s uses the placeholders of English, in every plural form', (language) => {
    const catalogue = CATALOGUES[language];
    const wrong: string[] = [];
    for (const key of KEYS) {
      const message = catalogue[key];
      if (message === undefined) continue;
      const expected = placeholdersOf(en[key]);
      const forms: Message[] = typeof message === 'string' ? [message] : Object.values(message);
      for (const form of forms) {
        const found = placeholdersOf(form);
        // A plural form may leave the count out ("ein Fehler"), nothing else.
        const needed = typeof message === 'string' ? expected : expected.filter((p) => p !== 'count');
        if (!needed.every((p) => found.includes(p)) || !found.every((p) => expected.includes(p)))
          wrong.push(
            `${key}: ${JSON.stringify(form)} has {${found.join('}, {')}}, English {${expected.join('}, {')}}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(UI_LANGUAGES)('%s gives plural messages the forms its numbers need', (language) => {
    const catalogue = CATALOGUES[language];
    const needed = pluralCategories(language).filter((category) => category !== 'other');
    const wrong: string[] = [];
    for (const key of KEYS) {
      const message = catalogue[key];
      if (message === undefined) continue;
      const plural = typeof en[key] !== 'string';
      if (plural !== (typeof message !== 'string')) wrong.push(`${key}: plural in one language only`);
      else if (typeof message !== 'string') {
        const lacking = needed.filter((category) => !(category in message));
        if (lacking.length > 0) wrong.push(`${key}: no ${lacking.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("chooses the plural form by the count, in the language's way", () => {
    const records = en['count.records'];
    expect(render(records, 'en', { count: 1 })).toBe('1 record');
    expect(render(records, 'en', { count: 1200 })).toBe('1,200 records');
    const pl = CATALOGUES.pl['count.records']!;
    expect([1, 2, 5, 22, 25].map((count) => render(pl, 'pl', { count }))).toEqual([
      '1 rekord',
      '2 rekordy',
      '5 rekordów',
      '22 rekordy',
      '25 rekordów',
    ]);
    expect(render(CATALOGUES.de['count.records']!, 'de', { count: 30000 })).toBe('30.000 Datensätze');
  });

  it('falls back to English for a key a language lacks, and translates in the current language', () => {
    setCurrentLanguage('de', 'de-DE');
    expect(translate('nav.batchJobs')).toBe('Stapelverarbeitungen');
    expect(translate('jobs.batchJob', { id: 7 })).toBe('Stapelverarbeitung 7');
    setCurrentLanguage('pl', 'pl-PL');
    expect(translate('nav.salesChannels')).toBe('Kanały sprzedaży');
    setCurrentLanguage('en', 'en-US');
    expect(translate('nav.salesChannels')).toBe('Sales channels');
  });
});

describe('the web UI language and locale', () => {
  it('follows the first of the browser languages it has, else English', () => {
    expect(browserLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(browserLanguage(['fr-FR', 'pl'])).toBe('pl');
    expect(browserLanguage(['fr-FR', 'es'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
    expect(browserLanguage(['en-US'])).toBe('en');
  });

  it("writes dates and numbers as the language's locale does, the browser's variant where it has one", () => {
    expect(localeFor('de', ['de-AT', 'en'])).toBe('de-AT');
    expect(localeFor('pl', ['en-US'])).toBe('pl');
    const at = '2026-11-25T14:03:12Z';
    setCurrentLanguage('de', 'de-DE');
    expect(formatCount(30000)).toBe('30.000');
    expect(formatDateTime(at)).toMatch(/^25\.11\.26, \d\d:03:12$/);
    setCurrentLanguage('pl', 'pl-PL');
    expect(formatCount(30000).replace(/\s/g, ' ')).toBe('30 000');
    expect(formatDateTime(at)).toMatch(/^25\.11\.2026, \d\d:03:12$/);
    setCurrentLanguage('en', 'en-US');
    expect(formatCount(30000)).toBe('30,000');
    expect(formatDateTime(at)).toMatch(/^11\/25\/26, \d{1,2}:03:12\s[AP]M$/);
  });
});
