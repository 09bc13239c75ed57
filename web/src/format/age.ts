/** How long ago something happened, shortly: "5 min", "3 h", "2 d" (in the web UI's language). */
import { translate } from '../i18n/translate.ts';

export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '–';
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return translate('age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return translate('age.hours', { n: hours });
  return translate('age.days', { n: Math.floor(hours / 24) });
}
