/**
 * Translation: the message of a key in the current language, English where the language has none (the
 * catalogue test lists those). The current language is set by the LanguageProvider; components read it
 * through useT (which re-renders them on a switch), pure formatting code through `translate`.
 */
import { setFormatLocale } from '../format/locale.ts';
import { CATALOGUES } from './catalogues.ts';
import type { UiLanguage } from './languages.ts';
import { type Params, render } from './message.ts';
import { en, type MessageKey } from './messages-en.ts';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Params) => string;

let language: UiLanguage = 'en';
let locale = 'en';

/** Makes `language` current (dates and numbers in `locale`); the LanguageProvider calls it. */
export function setCurrentLanguage(next: UiLanguage, nextLocale: string): void {
  language = next;
  locale = nextLocale;
  setFormatLocale(nextLocale);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function currentLanguage(): UiLanguage {
  return language;
}

export function translateIn(lang: UiLanguage, loc: string, key: MessageKey, params?: Params): string {
  return render(CATALOGUES[lang][key] ?? en[key], loc, params);
}

export const translate: Translate = (key, params) => translateIn(language, locale, key, params);
