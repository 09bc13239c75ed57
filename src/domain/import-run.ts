/** The shapes of an import run as the rest of Kontor sees it (CLI JSON, API, batch jobs). */
/** 'open-records': a run of an action on open records (confirm, ignore, retry), not a read by change time. */
export const CHANGED_SINCE_MODES = [
  'anytime',
  'last-transfer',
  'manual',
  'by-email',
  'open-records',
] as const;
export type ChangedSinceMode = (typeof CHANGED_SINCE_MODES)[number];

/** An import run is running until it ends finished or failed. */
export const IMPORT_RUN_STATES = ['running', 'finished', 'failed'] as const;
export type ImportRunState = (typeof IMPORT_RUN_STATES)[number];

export interface RunCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Records imported with confirmed warnings. */
  warnings: number;
  /** Records not imported: errors. */
  errors: number;
  /** Records not imported: their warnings wait for confirmation. */
  awaiting: number;
  /** Channel links deactivated because the customer account was deleted in the channel. */
  deactivated: number;
}

export const ZERO_COUNTS: Readonly<RunCounts> = Object.freeze({
  read: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  warnings: 0,
  errors: 0,
  awaiting: 0,
  deactivated: 0,
});

export function addCounts(a: RunCounts, b: RunCounts): RunCounts {
  return {
    read: a.read + b.read,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    skipped: a.skipped + b.skipped,
    warnings: a.warnings + b.warnings,
    errors: a.errors + b.errors,
    awaiting: a.awaiting + b.awaiting,
    deactivated: a.deactivated + b.deactivated,
  };
}

export type LogLevel = 'error' | 'warning' | 'awaiting' | 'skipped' | 'info';

export interface RunLogLine {
  level: LogLevel;
  externalId: string | null;
  code: string;
  message: string;
}

export interface ImportRun {
  id: number;
  channel: string;
  state: ImportRunState;
  changedSince: ChangedSinceMode;
  since: string | null;
  emails: string[] | null;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts;
  watermarkBefore: string | null;
  watermarkAfter: string | null;
  error: { code: string; message: string } | null;
}
