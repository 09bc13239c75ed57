/**
 * The web UI's languages (src/domain/ui-language.ts), their names as their speakers write them, and the
 * default: the first of the browser's languages (navigator.languages) that the UI has, else English.
 */
import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../../src/domain/ui-language.ts';

export { isUiLanguage, UI_LANGUAGES, type UiLanguage };

export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', de: 'Deutsch', pl: 'Polski' };

/** The locale for dates and numbers: the browser's own when it speaks the language (de-AT), else the language. */
export function localeFor(language: UiLanguage, browserLanguages: readonly string[]): string {
  return browserLanguages.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

export function browserLanguage(browserLanguages: readonly string[]): UiLanguage {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

export function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language].filter(Boolean);
}
