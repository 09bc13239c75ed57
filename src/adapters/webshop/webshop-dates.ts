/**
 * The webshop's times: ISO 8601 in the shop's zone (Europe/Warsaw) with offset and milliseconds, e.g.
 * "2025-03-02T14:05:09.120+01:00". A value without an offset ("0001-01-01T00:00:00", .NET's empty date)
 * is not a point in time for the adapter; the webshop itself compares it as UTC.
 */

import { wallClock } from '../date-times.ts';

const ZONE = 'Europe/Warsaw';

/** Renders an instant as the webshop writes it: local time in Europe/Warsaw with offset and milliseconds. */
export function toWebshopTime(date: Date): string {
  const ms = date.getTime();
  const { ms: wholeSeconds, offset } = wallClock(ms, ZONE);
  const local = new Date(wholeSeconds + (ms - Math.floor(ms / 1000) * 1000)).toISOString().slice(0, -1);
  return `${local}${offset}`;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of a webshop time as ISO 8601 UTC; null unless it is a date-time with an offset. */
export function webshopTimeToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !WITH_OFFSET.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** How the webshop orders times: with an offset as given, without one as UTC; NaN if unreadable. */
export function webshopTimeOrder(value: string): number {
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  return Date.parse(withZone);
}
