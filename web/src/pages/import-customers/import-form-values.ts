/**
 * The Import customers dialog's values (both tabs), their defaults and a job's values for editing; the
 * request body built from them is import-request.ts.
 */
import type { User } from '../../api/auth.ts';
import type { ChangedSince, Job, NotificationSetting, StartMode } from '../../api/jobs.ts';
import type { ProcessingQueue, SystemInfo } from '../../api/system.ts';
import { isoToLocalInput, nextFullHourInput, toLocalInput } from '../../format/date-time.ts';

export type RunTimeUnit = 'seconds' | 'minutes' | 'hours';
export const UNIT_SECONDS: Record<RunTimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };

export interface ImportFormValues {
  channel: string | null;
  confirmAllWarnings: boolean;
  deactivateDeleted: boolean;
  changedSince: ChangedSince;
  /** datetime-local (browser time zone), with seconds. */
  timestamp: string;
  byEmail: boolean;
  emails: string[];
  name: string;
  user: string | null;
  oltpDatabase: string;
  contentLanguage: string | null;
  queue: string | null;
  appServer: string | null;
  startMode: StartMode;
  begin: string;
  maxRunTime: number | '';
  maxRunUnit: RunTimeUnit;
  timeoutNotification: boolean;
  pattern: string;
  timeZone: string | null;
  end: string;
  seriesCanceledNotification: boolean;
  notification: NotificationSetting;
  releaseImmediately: boolean;
}

/** Release immediately is offered (and on by default) only for these start modes. */
export const RELEASABLE_MODES: readonly StartMode[] = ['add-to-queue', 'at-restart'];

export function defaultValues(system: SystemInfo, user: User, queues: ProcessingQueue[]): ImportFormValues {
  return {
    channel: null,
    confirmAllWarnings: false,
    deactivateDeleted: false,
    changedSince: 'last-transfer',
    timestamp: toLocalInput(new Date(), true),
    byEmail: false,
    emails: [],
    name: '',
    user: user.name,
    oltpDatabase: system.oltpDatabase,
    contentLanguage: system.contentLanguage,
    queue: queues.some((queue) => queue.name === 'default') ? 'default' : null,
    appServer: null,
    startMode: 'add-to-queue',
    begin: '',
    maxRunTime: '',
    maxRunUnit: 'minutes',
    timeoutNotification: false,
    pattern: '',
    timeZone: system.timeZone,
    end: '',
    seriesCanceledNotification: false,
    notification: 'none',
    releaseImmediately: true,
  };
}

/** Choosing a start mode sets Release immediately as the spec says and proposes a Begin for once only. */
export function withStartMode(values: ImportFormValues, startMode: StartMode): ImportFormValues {
  return {
    ...values,
    startMode,
    releaseImmediately: RELEASABLE_MODES.includes(startMode),
    begin: startMode === 'once' && values.begin === '' ? nextFullHourInput() : values.begin,
  };
}

function runTime(seconds: number | null): Pick<ImportFormValues, 'maxRunTime' | 'maxRunUnit'> {
  if (seconds === null) return { maxRunTime: '', maxRunUnit: 'minutes' };
  if (seconds % 3600 === 0) return { maxRunTime: seconds / 3600, maxRunUnit: 'hours' };
  if (seconds % 60 === 0) return { maxRunTime: seconds / 60, maxRunUnit: 'minutes' };
  return { maxRunTime: seconds, maxRunUnit: 'seconds' };
}

/** The dialog's values of a filed job (Edit in Batch jobs). */
export function valuesFromJob(job: Job, system: SystemInfo): ImportFormValues {
  const s = job.settings;
  const emails = Array.isArray(s.emails) ? s.emails.map(String) : [];
  const changedSince = s.changedSince;
  return {
    channel: typeof s.channel === 'string' ? s.channel : null,
    confirmAllWarnings: s.confirmAllWarnings === true,
    deactivateDeleted: s.deactivateDeleted === true,
    changedSince:
      changedSince === 'anytime' || changedSince === 'manual' || changedSince === 'last-transfer'
        ? changedSince
        : 'last-transfer',
    timestamp:
      typeof s.timestamp === 'string' ? isoToLocalInput(s.timestamp, true) : toLocalInput(new Date(), true),
    byEmail: s.byEmail === true || emails.length > 0,
    emails,
    name: job.name,
    user: job.user,
    oltpDatabase: job.oltpDatabase,
    contentLanguage: job.contentLanguage,
    queue: job.queue,
    appServer: job.appServer,
    startMode: job.startMode,
    begin: isoToLocalInput(job.begin),
    ...runTime(job.maxRunSeconds),
    timeoutNotification: job.timeoutNotification,
    pattern: job.pattern ?? '',
    timeZone: job.timeZone || system.timeZone,
    end: isoToLocalInput(job.end),
    seriesCanceledNotification: job.seriesCanceledNotification,
    notification: job.notification,
    releaseImmediately: job.releaseImmediately,
  };
}

export function maxRunSeconds(values: ImportFormValues): number | null {
  return values.maxRunTime === '' ? null : Math.round(values.maxRunTime * UNIT_SECONDS[values.maxRunUnit]);
}
