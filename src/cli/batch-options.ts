/** The Batch settings tab as options of a command that files a batch job (`kontor import-customers`). */
import { userInfo } from 'node:os';
import { type Command, Option } from 'commander';
import type { BatchSettingsInput } from '../batch/batch-settings.ts';
import { NOTIFICATION_SETTINGS, START_MODES } from '../batch/job-types.ts';
import { DEFAULT_QUEUE } from '../batch/queue-service.ts';
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
    .option('--user <name>', 'the user the job belongs to and notifies (default: the OS user)')
    .option('--language <tag>', 'content language (default: the system locale)')
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
