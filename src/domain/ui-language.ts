/**
 * The languages of the web UI (web/src/i18n has a catalogue for each). A user may choose one; without a choice
 * (null) the web UI follows the browser's languages, else English.
 */
export const UI_LANGUAGES = ['en', 'de', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
