/**
 * Defaults of the Batch settings tab and the value assistants: the content language, time zones (the OLTP
 * database is the session's: oltp-scope.ts).
 */
import { defaultContentLanguage } from '../batch/batch-settings.ts';
import { systemTimeZone } from '../batch/schedule.ts';

/** Content languages offered by the value assistant (any BCP 47 tag is accepted). */
const LANGUAGES = ['en', 'de', 'pl', 'fr', 'it', 'es', 'nl', 'cs', 'sk', 'hu', 'pt', 'sv', 'da', 'fi', 'nb'];

export function languages(): Array<{ code: string; label: string }> {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const codes = [...new Set([defaultContentLanguage(), ...LANGUAGES])];
  return codes.map((code) => ({ code, label: names.of(code) ?? code }));
}

export function timeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(systemTimeZone());
  return [...zones].sort();
}
