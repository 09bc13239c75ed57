/** The shapes of an import run as the rest of Kontor sees it (CLI JSON, API, batch jobs). */
export type ChangedSinceMode = 'anytime' | 'last-transfer' | 'manual' | 'by-email';
export type RunState = 'running' | 'finished' | 'failed';

export interface RunCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  warnings: number;
  errors: number;
}

export const ZERO_COUNTS: Readonly<RunCounts> = Object.freeze({
  read: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  warnings: 0,
  errors: 0,
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
  };
}

export type LogLevel = 'error' | 'warning' | 'skipped';

export interface RunLogLine {
  level: LogLevel;
  externalId: string | null;
  code: string;
  message: string;
}

export interface ImportRun {
  id: number;
  channel: string;
  state: RunState;
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
