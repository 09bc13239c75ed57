import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE } from '../customer-checks.ts';
import type { MessageText } from './catalogue.ts';
import { ENGLISH } from './catalogue-en.ts';
import { MESSAGE_LANGUAGES, messageLanguage } from './content-language.ts';
import type { MessageKey } from './message-params.ts';
import { CATALOGUES, messagesFor, placeholdersOf } from './messages.ts';

const KEYS = Object.keys(ENGLISH) as MessageKey[];
const OTHERS = MESSAGE_LANGUAGES.filter((language) => language !== 'en');
/** Words that are the same in a language as in English. */
const SAME: Readonly<Record<string, readonly MessageKey[]>> = { de: ['report.column.code'] };

describe('the message catalogues', () => {
  it('have every message in every language (missing ones are listed)', () => {
    const missing = OTHERS.flatMap((language) =>
      KEYS.filter((key) => CATALOGUES[language][key] === undefined).map((key) => `${language}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const different = OTHERS.flatMap((language) =>
      KEYS.flatMap((key) => {
        const text = CATALOGUES[language][key];
        if (text === undefined) return [];
        const want = placeholdersOf(ENGLISH[key]).join(',');
        const got = placeholdersOf(text).join(',');
        return got === want ? [] : [`${language}: ${key} has {${got}}, English {${want}}`];
      }),
    );
    expect(different).toEqual([]);
  });

  it('give each plural message every form its language needs, each with its count', () => {
    const gaps = MESSAGE_LANGUAGES.flatMap((language) => {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      return KEYS.flatMap((key) => {
        const text: MessageText | undefined = CATALOGUES[language][key];
        if (text === undefined || typeof text === 'string') return [];
        return needed
          .filter((form) => !(text[form] ?? '').includes('{count}'))
          .map((form) => `${language}: ${key} lacks the form ${form}`);
      });
    });
    expect(gaps).toEqual([]);
  });

  it('have a message for every code the checks give a record', () => {
    const keys = new Set<string>(KEYS);
    const codes = CHECK_CATALOGUE.map((entry) => entry.code).filter((code) => !keys.has(code));
    expect(codes).toEqual([]);
  });

  it('translate, not copy: a text the same as English is a forgotten translation', () => {
    const copied = OTHERS.flatMap((language) =>
      KEYS.filter((key) => {
        const text = CATALOGUES[language][key];
        if (SAME[language]?.includes(key)) return false;
        return (
          JSON.stringify(text) === JSON.stringify(ENGLISH[key]) && /[a-z]{3}/i.test(stripped(ENGLISH[key]))
        );
      }).map((key) => `${language}: ${key}`),
    );
    expect(copied).toEqual([]);
  });
});

/** A text without its placeholders (what is left to translate). */
function stripped(text: MessageText): string {
  return (typeof text === 'string' ? text : text.other).replace(/\{\w+\}/g, '');
}

describe('messages in a content language', () => {
  it('take the catalogue of the language of a tag, English for any other', () => {
    expect(messageLanguage('de-AT')).toBe('de');
    expect(messageLanguage('pl_PL')).toBe('pl');
    expect(messageLanguage('DE')).toBe('de');
    expect(messageLanguage('fr-FR')).toBe('en');
    expect(messageLanguage('')).toBe('en');
    expect(messageLanguage(null)).toBe('en');
    expect(messagesFor('fr').say('NO_ADDRESS', {})).toBe('The customer has no address.');
    expect(messagesFor('de-CH').say('NO_ADDRESS', {})).toBe('Der Kunde hat keine Adresse.');
  });

  it('fill in placeholders, group numbers the language’s way and pick the plural form', () => {
    const de = messagesFor('de');
    expect(de.say('DUPLICATE_EMAIL', { partner: '10042', email: 'a@x.de' })).toBe(
      'Der Partner 10042 hat bereits die E-Mail-Adresse a@x.de.',
    );
    expect(de.say('outcome.finished-with-errors', { count: 1 })).toBe('mit 1 Fehler beendet');
    expect(de.say('outcome.finished-with-errors', { count: 1200 })).toBe('mit 1.200 Fehlern beendet');
    const pl = messagesFor('pl');
    expect(pl.say('outcome.finished-with-errors', { count: 1 })).toBe('zakończony z 1 błędem');
    expect(pl.say('outcome.finished-with-errors', { count: 3 })).toBe('zakończony z 3 błędami');
    expect(pl.say('outcome.finished-with-errors', { count: 5 })).toBe('zakończony z 5 błędami');
    const en = messagesFor('en');
    expect(en.say('outcome.finished-with-errors', { count: 1 })).toBe('finished with 1 error');
    expect(en.say('outcome.finished-with-errors', { count: 30000 })).toBe('finished with 30,000 errors');
  });
});
