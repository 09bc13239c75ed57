/**
 * How the caller reads times, for the messages the API makes (`Begin ... lies in the past.`): the time zone
 * the web UI names in the header X-Kontor-Time-Zone (the browser's; Accept-Language cannot tell it) and the
 * first language of Accept-Language. Anything unknown is left out: the message then uses the job's time zone.
 */
import type { FastifyRequest } from 'fastify';
import { isTimeZone } from '../batch/schedule.ts';
import type { TimeFormat } from '../domain/instant-text.ts';

export const TIME_ZONE_HEADER = 'x-kontor-time-zone';

export function clientTimeFormat(request: FastifyRequest): TimeFormat {
  const zone = headerText(request.headers[TIME_ZONE_HEADER]).slice(0, 64);
  const language = headerText(request.headers['accept-language']).split(',')[0]?.split(';')[0]?.trim() ?? '';
  return {
    ...(zone !== '' && isTimeZone(zone) ? { timeZone: zone } : {}),
    ...(language !== '' && language !== '*' && isLocale(language) ? { locale: language } : {}),
  };
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
