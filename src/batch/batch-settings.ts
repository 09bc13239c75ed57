/**
 * The Batch settings tab, validated: every wrong field is refused with an InvalidInputError that names it,
 * before anything is written. Defaults: Start = Add to queue, Notification = none, Release immediately = on
 * for Add to queue and At restart (the only modes that offer it), time zone = the system's.
 */

import {
  type BatchSettings,
  NOTIFICATION_SETTINGS,
  type NotificationSetting,
  START_MODES,
  type StartMode,
  startModeText,
} from '../domain/batch-job.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { formatInstant, type TimeFormat } from '../domain/instant-text.ts';
import { assertPattern, isTimeZone, slotAtOrAfter, systemTimeZone } from './schedule.ts';

export interface BatchSettingsInput {
  name?: string | null;
  user: string;
  oltpDatabase: string;
  contentLanguage?: string | null;
  queue: string;
  appServer?: string | null;
  startMode?: string | null;
  begin?: Date | null;
  maxRunSeconds?: number | null;
  timeoutNotification?: boolean;
  pattern?: string | null;
  timeZone?: string | null;
  end?: Date | null;
  seriesCanceledNotification?: boolean;
  notification?: string | null;
  releaseImmediately?: boolean | null;
}

/** Names of queues, application servers: letters, digits, dot, dash, underscore. */
export const SERVER_OR_QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const JOB_NAME = /^[^\p{Cc}]{1,80}$/u;
/** A once-only job filed with a Begin further back than this is refused (it could only be missed). */
const PAST_BEGIN_TOLERANCE_MS = 60_000;
const MAX_RUN_SECONDS = 7 * 24 * 3600;

export function releaseOffered(mode: StartMode): boolean {
  return mode === 'add-to-queue' || mode === 'at-restart';
}

export function assertName(what: string, name: string, field?: string): string {
  if (!SERVER_OR_QUEUE_NAME.test(name)) {
    throw new InvalidInputError(
      `${what} "${name}" is not a valid name: use up to 63 letters, digits, dots, dashes or underscores.`,
      { field },
    );
  }
  return name;
}

/**
 * The content language of a job filed without one and without an OLTP database that has one (the job service
 * gives the language of the job's OLTP database, `kontor oltp add --language`): the system's locale.
 */
export function defaultContentLanguage(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale || 'en';
}

export interface ValidateOptions {
  /**
   * An edit that keeps the job's Begin: a once-only Begin equal to this instant is accepted even when it lies
   * in the past (the job may be waiting in its queue since then).
   */
  keptBegin?: Date | null;
  /** How messages show times: the user's time zone and locale (default: the job's time zone). */
  timeFormat?: TimeFormat;
}

/** Throws an InvalidInputError whose field is the key of BatchSettingsInput that is wrong. */
function invalid(field: keyof BatchSettingsInput, message: string): never {
  throw new InvalidInputError(message, { field });
}

export function validateBatchSettings(
  input: BatchSettingsInput,
  now: Date,
  options: ValidateOptions = {},
): Omit<BatchSettings, 'name'> & {
  name: string | null;
} {
  const startMode = oneOf('startMode', 'Start', input.startMode ?? 'add-to-queue', START_MODES);
  const notification = oneOf(
    'notification',
    'Notification',
    input.notification ?? 'none',
    NOTIFICATION_SETTINGS,
  );
  const series = startMode === 'series';
  const timeZone = input.timeZone?.trim() || systemTimeZone();
  if (!isTimeZone(timeZone)) invalid('timeZone', `Time zone "${timeZone}" is not a known time zone.`);

  const name = input.name?.trim() || null;
  if (name !== null && !JOB_NAME.test(name))
    invalid('name', 'Batch job name must be 1 to 80 characters without control characters.');
  if (name !== null && /^\d+$/.test(name))
    invalid('name', `Batch job name "${name}" must not be a number: it would be taken for a job id.`);
  const user = input.user.trim();
  if (!JOB_NAME.test(user)) invalid('user', 'User must be 1 to 80 characters.');
  const oltpDatabase = input.oltpDatabase.trim();
  if (oltpDatabase === '') invalid('oltpDatabase', 'OLTP database is required.');
  const queue = input.queue.trim();
  if (queue === '') invalid('queue', 'Processing queue is required.');
  const appServer = input.appServer?.trim() || null;
  if (appServer !== null) assertName('Application server', appServer, 'appServer');
  const contentLanguage = language(input.contentLanguage?.trim() || defaultContentLanguage());

  const shown = (instant: Date): string =>
    formatInstant(instant, {
      timeZone: options.timeFormat?.timeZone || timeZone,
      locale: options.timeFormat?.locale,
    });
  const begin = input.begin ?? null;
  const end = input.end ?? null;
  const pattern = input.pattern?.trim() || null;
  const maxRunSeconds = input.maxRunSeconds ?? null;
  if (begin && startMode !== 'once' && !series)
    invalid(
      'begin',
      `Begin is only used with Start ${startModeText('once')} or ${startModeText('series')}, not ${startModeText(startMode)}.`,
    );
  if (startMode === 'once' && !begin) invalid('begin', `Start ${startModeText('once')} needs Begin.`);
  if (
    startMode === 'once' &&
    begin &&
    begin.getTime() < now.getTime() - PAST_BEGIN_TOLERANCE_MS &&
    begin.getTime() !== options.keptBegin?.getTime()
  )
    invalid('begin', `Begin ${shown(begin)} lies in the past.`);
  if (
    maxRunSeconds !== null &&
    (!Number.isInteger(maxRunSeconds) || maxRunSeconds < 1 || maxRunSeconds > MAX_RUN_SECONDS)
  )
    invalid(
      'maxRunSeconds',
      `Maximum run time must be a whole number of seconds from 1 to ${MAX_RUN_SECONDS}.`,
    );
  if (input.timeoutNotification && maxRunSeconds === null)
    invalid('timeoutNotification', 'Timeout notification needs a Maximum run time.');
  if (!series && pattern)
    invalid('pattern', `Serial pattern is only used with Start ${startModeText('series')}.`);
  if (!series && end) invalid('end', `End is only used with Start ${startModeText('series')}.`);
  if (!series && input.seriesCanceledNotification)
    invalid(
      'seriesCanceledNotification',
      `Series canceled is only used with Start ${startModeText('series')}.`,
    );
  if (series) {
    if (!pattern) invalid('pattern', `Start ${startModeText('series')} needs a Serial pattern.`);
    assertPattern(pattern, timeZone);
    const from = begin ?? now;
    if (end && end.getTime() <= from.getTime())
      invalid('end', `End ${shown(end)} must lie after Begin ${shown(from)}.`);
    if (!slotAtOrAfter(pattern, timeZone, from, end))
      invalid('pattern', `Serial pattern "${pattern}" has no slot between Begin and End.`);
  }
  const offered = releaseOffered(startMode);
  if (input.releaseImmediately && !offered)
    invalid(
      'releaseImmediately',
      `Release immediately is only offered for Start ${startModeText('add-to-queue')} and ${startModeText('at-restart')}; a ${startModeText(startMode)} job is released with \`kontor jobs release\`.`,
    );
  return {
    name,
    user,
    oltpDatabase,
    contentLanguage,
    queue,
    appServer,
    startMode,
    begin: series ? (begin ?? now) : begin,
    maxRunSeconds,
    timeoutNotification: input.timeoutNotification === true,
    pattern,
    timeZone,
    end,
    seriesCanceledNotification: input.seriesCanceledNotification === true,
    notification: notification as NotificationSetting,
    releaseImmediately: offered && input.releaseImmediately !== false,
  };
}

function oneOf<T extends string>(
  field: keyof BatchSettingsInput,
  label: string,
  value: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return invalid(field, `${label} "${value}" is not one of: ${allowed.join(', ')}.`);
}

function language(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical) return canonical;
  } catch {
    // falls through to the error below
  }
  return invalid(
    'contentLanguage',
    `Content language "${tag}" is not a language tag (e.g. en, de, pl, de-AT).`,
  );
}
