/**
 * Where a Cloud read stands between requests, per paging rule, and its text form (the adapter's cursor:
 * "cloud:v1|page|3", "cloud:v1|offset|200", "cloud:v1|cursor|<the API's cursor>", "cloud:v1|next-link|<url>").
 * Every rule runs on the kit's paging driver with a `CloudReading`: the position and the page's first item,
 * so that an API that ignores the paging parameters (the same position or the same first customer again)
 * is caught whatever the rule.
 */
import { ConfigError } from '../../domain/errors.ts';
import { formatSince } from './dates.ts';
import { resolvePath } from './json-path.ts';
import type { CloudSettings } from './settings.ts';

/** The next request: a page number, an offset, an API cursor or a link ("start": the first request of cursor/link paging). */
export type PagePosition =
  | { kind: 'start' }
  /** After the last page: reading again gives nothing. */
  | { kind: 'end' }
  | { kind: 'page' | 'offset'; value: number }
  | { kind: 'cursor' | 'next-link'; value: string };

/** The paging driver's position: where the read stands, and the first item of the page read (JSON). */
export interface CloudReading {
  at: PagePosition;
  /** JSON of the first item of the page that led here; null before the first page. */
  first: string | null;
}

export const END: PagePosition = { kind: 'end' };

/** True when `next` (after a page) moved on from `previous`: a new position and a new first item, or the end. */
export function movedOn(previous: CloudReading, next: CloudReading): boolean {
  if (next.at.kind === 'end') return true;
  return !samePosition(previous.at, next.at) && next.first !== previous.first;
}

function samePosition(a: PagePosition, b: PagePosition): boolean {
  return a.kind === b.kind && 'value' in a && 'value' in b && a.value === b.value;
}

export function firstPosition(settings: CloudSettings): PagePosition {
  const { paging } = settings;
  if (paging.kind === 'page') return { kind: 'page', value: paging.firstPage };
  if (paging.kind === 'offset') return { kind: 'offset', value: 0 };
  return { kind: 'start' };
}

/** The request for a position: query parameters, or the link to follow. */
export function requestOf(
  settings: CloudSettings,
  position: PagePosition,
  since: Date | null,
): { params: Array<[string, string]> } | { link: string } {
  if (position.kind === 'next-link') return { link: position.value };
  const params: Array<[string, string]> = [[settings.sizeParam, String(settings.pageSize)]];
  if (since && settings.changedSince)
    params.push([settings.changedSince.param, formatSince(since, settings.changedSince.format)]);
  const { paging } = settings;
  if (position.kind === 'page' && paging.kind === 'page')
    params.push([paging.pageParam, String(position.value)]);
  if (position.kind === 'offset' && paging.kind === 'offset')
    params.push([paging.offsetParam, String(position.value)]);
  if (position.kind === 'cursor' && paging.kind === 'cursor')
    params.push([paging.cursorParam, position.value]);
  return { params };
}

/** The position after a page with `count` items and this answer body; null when the read is complete. */
export function nextPosition(
  settings: CloudSettings,
  position: PagePosition,
  count: number,
  body: unknown,
): PagePosition | null {
  const { paging } = settings;
  if (paging.kind === 'page' || paging.kind === 'offset') {
    if (count < settings.pageSize) return null;
    const value = position.kind === 'page' || position.kind === 'offset' ? position.value : 0;
    return { kind: paging.kind, value: paging.kind === 'page' ? value + 1 : value + count };
  }
  const next = resolvePath(body, paging.nextPath)[0];
  if (count === 0 || next === undefined || next === null || String(next).trim() === '') return null;
  return { kind: paging.kind, value: String(next) };
}

export function encodePosition(position: PagePosition): string {
  return position.kind === 'start' || position.kind === 'end'
    ? `cloud:v1|${position.kind}|`
    : `cloud:v1|${position.kind}|${position.value}`;
}

export function decodePosition(text: string, settings: CloudSettings): PagePosition {
  const match = /^cloud:v1\|(start|end|page|offset|cursor|next-link)\|(.*)$/s.exec(text);
  const kind = match?.[1];
  const value = match?.[2] ?? '';
  const fits = kind === 'start' || kind === 'end' || kind === settings.paging.kind;
  if (!match || !fits)
    throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of this Cloud channel's paging.`);
  if (kind === 'start' || kind === 'end') return { kind };
  if (kind === 'page' || kind === 'offset') {
    if (!/^\d+$/.test(value))
      throw new ConfigError('INVALID_CURSOR', `"${text}" is not a cursor of the Cloud adapter.`);
    return { kind, value: Number(value) };
  }
  return { kind: kind as 'cursor' | 'next-link', value };
}
