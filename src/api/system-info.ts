/**
 * Defaults of the Batch settings tab and the value assistants: the OLTP database (a name derived from the
 * database: the PGlite folder's name or the PostgreSQL database's), the content language, time zones.
 */
import { basename } from 'node:path';
import { defaultContentLanguage } from '../batch/batch-settings.ts';
import { systemTimeZone } from '../batch/schedule.ts';
import type { Db } from '../storage/db.ts';

export function oltpDatabaseName(db: Pick<Db, 'kind' | 'location'>): string {
  if (db.kind === 'postgres') {
    try {
      return decodeURIComponent(new URL(db.location).pathname.replace(/^\//, '')) || 'postgres';
    } catch {
      return db.location;
    }
  }
  return db.location === 'memory' ? 'memory' : basename(db.location) || db.location;
}

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
