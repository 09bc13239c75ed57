/** The Batch settings tab as options of a command that files a batch job (`kontor import-customers`). */
import { userInfo } from 'node:os';
import { type Command, Option } from 'commander';
import { type BatchSettingsInput, releaseOffered } from '../batch/batch-settings.ts';
import { DEFAULT_QUEUE } from '../batch/queue-service.ts';
import { type BatchJob, NOTIFICATION_SETTINGS, START_MODES } from '../domain/batch-job.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { parseTimestampIn } from './options.ts';

export interface BatchOptions {
  queue?: string;
  jobName?: string;
  user?: string;
  language?: string;
  appServer?: string;
  start?: string;
  begin?: string;
  maxRunTime?: string;
  timeoutNotification?: boolean;
  pattern?: string;
  timeZone?: string;
  end?: string;
  seriesCanceledNotification?: boolean;
  notification?: string;
  /** false with --no-release. */
  release?: boolean;
}

export function addBatchOptions(command: Command): Command {
  return command
    .option('--queue <name>', `processing queue (default: "${DEFAULT_QUEUE}")`)
    .option('--job-name <name>', 'name of the batch job (default: <application>-<id>)')
    .option(
      '--user <name>',
      'the Kontor user the job belongs to and notifies (default: KONTOR_USER or "user" in kontor.json, else the OS user)',
    )
    .option(
      '--language <tag>',
      'content language: the language of the run log, summary and notifications (en, de, pl; a tag such as de-AT uses de, others English; default: the language of the OLTP database, kontor oltp add --language)',
    )
    .option('--app-server <name>', 'run only on this application server (default: any)')
    .addOption(new Option('--start <mode>', 'start mode (default: add-to-queue)').choices([...START_MODES]))
    .option('--begin <iso>', 'once / series: start date and time')
    .option('--max-run-time <seconds>', 'stop a run after this many seconds (reason: timeout)')
    .option('--timeout-notification', 'notify the user when a run reaches its maximum run time')
    .option('--pattern <cron>', 'series: serial pattern in cron syntax (5 fields, or 6 with seconds)')
    .option('--time-zone <iana>', 'time zone of the pattern (default: the system time zone)')
    .option('--end <iso>', 'series: no run starts after this')
    .option('--series-canceled-notification', 'series: notify the user when the series ends before End')
    .addOption(
      new Option('--notification <when>', 'notify the user at the end of a run (default: none)').choices([
        ...NOTIFICATION_SETTINGS,
      ]),
    )
    .option('--no-release', 'add-to-queue / at-restart: file the job as planned (release it later)');
}

/** For `jobs edit`: the negations of the flags, so that an edit can turn them off. */
export function addBatchEditOptions(command: Command): Command {
  return addBatchOptions(command)
    .option('--no-timeout-notification', 'no notification when a run reaches its maximum run time')
    .option('--no-series-canceled-notification', 'no notification when the series ends before End');
}

const BATCH_KEYS: ReadonlyArray<keyof BatchOptions> = [
  'queue',
  'jobName',
  'user',
  'language',
  'appServer',
  'start',
  'begin',
  'maxRunTime',
  'timeoutNotification',
  'pattern',
  'timeZone',
  'end',
  'seriesCanceledNotification',
  'notification',
  'release',
];

/** Whether any option of the Batch settings tab was given. */
export function batchOptionsGiven(given: (key: string) => boolean): boolean {
  return BATCH_KEYS.some(given);
}

/**
 * A job's Batch settings tab with the options given applied (`given` says which were on the command line).
 * "" clears an optional value (e.g. --app-server "" = any server). A new Start drops the settings only the
 * old one used (Begin, Serial pattern, End, Series canceled) unless they were given too.
 */
export function mergeBatchSettings(
  job: BatchJob,
  options: BatchOptions,
  given: (key: keyof BatchOptions) => boolean,
): BatchSettingsInput {
  const pick = <K extends keyof BatchOptions>(key: K, stored: BatchOptions[K]) =>
    given(key) ? options[key] : stored;
  const startMode = pick('start', job.startMode) as BatchJob['startMode'];
  const timeZone = pick('timeZone', job.timeZone) ?? null;
  const series = startMode === 'series';
  const scheduled = series || startMode === 'once';
  const time = (key: 'begin' | 'end', stored: string | null, kept: boolean): Date | null => {
    if (given(key)) {
      const value = options[key]?.trim();
      return value ? parseTimestampIn(`--${key}`, value, timeZone) : null;
    }
    return kept && stored ? new Date(stored) : null;
  };
  const maxRunTime = pick('maxRunTime', job.maxRunSeconds === null ? '' : String(job.maxRunSeconds));
  return {
    name: pick('jobName', job.name) ?? null,
    user: pick('user', job.user) ?? job.user,
    oltpDatabase: job.oltpDatabase,
    contentLanguage: pick('language', job.contentLanguage) ?? null,
    queue: pick('queue', job.queue) ?? job.queue,
    appServer: pick('appServer', job.appServer ?? '') || null,
    startMode,
    begin: time('begin', job.begin, scheduled),
    maxRunSeconds: maxRunTime?.trim() ? seconds(maxRunTime) : null,
    timeoutNotification: pick('timeoutNotification', job.timeoutNotification) === true,
    pattern: (series || given('pattern') ? pick('pattern', job.pattern ?? '') : '') || null,
    timeZone,
    end: time('end', job.end, series),
    seriesCanceledNotification:
      (series || given('seriesCanceledNotification')) &&
      pick('seriesCanceledNotification', job.seriesCanceledNotification) === true,
    notification: pick('notification', job.notification) ?? null,
    releaseImmediately: given('release')
      ? options.release !== false
      : releaseOffered(startMode) && releaseOffered(job.startMode)
        ? job.releaseImmediately
        : null,
  };
}

export function batchSettingsFrom(options: BatchOptions, oltpDatabase: string): BatchSettingsInput {
  return {
    name: options.jobName ?? null,
    user: options.user ?? osUser(),
    oltpDatabase,
    contentLanguage: options.language ?? null,
    queue: options.queue ?? DEFAULT_QUEUE,
    appServer: options.appServer ?? null,
    startMode: options.start ?? null,
    begin:
      options.begin === undefined
        ? null
        : parseTimestampIn('--begin', options.begin, options.timeZone ?? null),
    maxRunSeconds: options.maxRunTime === undefined ? null : seconds(options.maxRunTime),
    timeoutNotification: options.timeoutNotification === true,
    pattern: options.pattern ?? null,
    timeZone: options.timeZone ?? null,
    end: options.end === undefined ? null : parseTimestampIn('--end', options.end, options.timeZone ?? null),
    seriesCanceledNotification: options.seriesCanceledNotification === true,
    notification: options.notification ?? null,
    releaseImmediately: options.release === false ? false : null,
  };
}

function seconds(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new InvalidInputError(`--max-run-time "${value}" is not a whole number of seconds (at least 1).`);
  return Number(value);
}

export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'kontor';
  }
}
