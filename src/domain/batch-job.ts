/** A batch job as stored and shown: the spec's Batch settings tab, start modes, notification settings, job states. */

export const START_MODES = ['add-to-queue', 'at-restart', 'external', 'once', 'series'] as const;
export type StartMode = (typeof START_MODES)[number];

/** The Start field's labels, as the Batch settings tab shows them (messages name start modes by these). */
export const START_MODE_LABELS: Record<StartMode, string> = {
  'add-to-queue': 'Add to queue',
  'at-restart': 'At restart of application server',
  external: 'Scheduled: external',
  once: 'Scheduled: once only',
  series: 'Scheduled: as a series',
};

/** A start mode in a message: its label for the web UI, its key for the CLI (`--start`): `"Scheduled: once only" (once)`. */
export function startModeText(mode: StartMode): string {
  return `"${START_MODE_LABELS[mode]}" (${mode})`;
}

export const NOTIFICATION_SETTINGS = [
  'none',
  'dialog',
  'dialog-errors',
  'workflow',
  'workflow-errors',
] as const;
export type NotificationSetting = (typeof NOTIFICATION_SETTINGS)[number];

/**
 * planned (not released) -> released (waiting for its start: Begin, slot, trigger, server start) -> ready
 * (due, waiting for its turn in the queue) -> active -> finished | failed | canceled; missed (a once-only
 * job whose start window passed); abandoned (its application server died during the run).
 * Series and external jobs go back to released after each run.
 */
export const JOB_STATES = [
  'planned',
  'released',
  'ready',
  'active',
  'finished',
  'failed',
  'canceled',
  'missed',
  'abandoned',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Jobs in these states can be edited and canceled; an active job can be asked to cancel. */
export const OPEN_STATES: readonly JobState[] = ['planned', 'released', 'ready'];

/** The Batch settings tab, validated (src/batch/batch-settings.ts). */
export interface BatchSettings {
  name: string;
  user: string;
  oltpDatabase: string;
  contentLanguage: string;
  queue: string;
  appServer: string | null;
  startMode: StartMode;
  begin: Date | null;
  maxRunSeconds: number | null;
  timeoutNotification: boolean;
  pattern: string | null;
  timeZone: string;
  end: Date | null;
  seriesCanceledNotification: boolean;
  notification: NotificationSetting;
  releaseImmediately: boolean;
}

export interface BatchJob {
  id: number;
  name: string;
  application: string;
  settings: Record<string, unknown>;
  user: string;
  oltpDatabase: string;
  contentLanguage: string;
  queue: string;
  appServer: string | null;
  startMode: StartMode;
  begin: string | null;
  maxRunSeconds: number | null;
  timeoutNotification: boolean;
  pattern: string | null;
  timeZone: string;
  end: string | null;
  seriesCanceledNotification: boolean;
  notification: NotificationSetting;
  releaseImmediately: boolean;
  state: JobState;
  dueAt: string | null;
  releasedAt: string | null;
  cancelRequested: boolean;
  triggerPending: boolean;
  createdAt: string;
  updatedAt: string;
}

export function isRepeating(mode: StartMode): boolean {
  return mode === 'series' || mode === 'external';
}
