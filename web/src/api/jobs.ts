/** Import customers and batch jobs (docs/api.md "Import customers", "Batch jobs"; docs/batch-jobs.md). */
import { api } from './client.ts';

// Start modes, states and notification settings as the batch engine defines them.
export {
  JOB_STATES,
  type JobState,
  type NotificationSetting,
  type StartMode,
} from '../../../src/domain/batch-job.ts';
export type { BatchRunState } from '../../../src/domain/batch-run.ts';
export type { ImportRun, LogLevel, RunCounts, RunLogLine } from '../../../src/domain/import-run.ts';
export type { ChangedSince } from '../../../src/import/selection.ts';

import type { JobState, NotificationSetting, StartMode } from '../../../src/domain/batch-job.ts';
import type { BatchRunState } from '../../../src/domain/batch-run.ts';
import type { ImportRun, RunCounts, RunLogLine } from '../../../src/domain/import-run.ts';
import type { ChangedSince } from '../../../src/import/selection.ts';

/** Jobs in these states can be edited and canceled (an active one can be asked to cancel). */
export const OPEN_STATES: readonly JobState[] = ['planned', 'released', 'ready'];

export interface ImportSettings {
  channel: string;
  changedSince: ChangedSince;
  timestamp: string | null;
  byEmail: boolean;
  emails: string[];
  deactivateDeleted: boolean;
  confirmAllWarnings: boolean;
}

export interface BatchSettingsBody {
  name?: string;
  user?: string;
  oltpDatabase?: string;
  contentLanguage?: string;
  queue: string;
  appServer?: string;
  startMode: StartMode;
  begin?: string;
  maxRunSeconds?: number;
  timeoutNotification?: boolean;
  pattern?: string;
  timeZone?: string;
  end?: string;
  seriesCanceledNotification?: boolean;
  notification: NotificationSetting;
  releaseImmediately?: boolean;
}

export interface ImportCustomersRequest {
  application: ImportSettings;
  batch: BatchSettingsBody;
}

export interface Run {
  id: number;
  state: BatchRunState;
  appServer: string;
  dueAt: string | null;
  startedAt: string;
  finishedAt: string | null;
  counts: Partial<RunCounts> | null;
  hasErrors: boolean;
  reason: string | null;
  error: { code: string; message: string } | null;
  importRunId: number | null;
}

export interface Job {
  id: number;
  name: string;
  application: string;
  applicationLabel: string;
  /** The Application tab (for Import customers: ImportSettings as stored). */
  settings: Record<string, unknown>;
  state: JobState;
  queue: string;
  appServer: string | null;
  user: string;
  oltpDatabase: string;
  contentLanguage: string;
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
  dueAt: string | null;
  releasedAt: string | null;
  cancelRequested: boolean;
  triggerPending: boolean;
  createdAt: string;
  updatedAt: string;
  runs: Run[];
}

export interface JobFilter {
  name?: string;
  state?: JobState[];
  queue?: string | null;
  user?: string | null;
  appServer?: string | null;
  application?: string;
  limit?: number;
}

export interface RunLog {
  run: Run;
  importRun: ImportRun | null;
  log: RunLogLine[];
}

export const START_MODE_LABELS: Record<StartMode, string> = {
  'add-to-queue': 'Add to queue',
  'at-restart': 'At restart of application server',
  external: 'Scheduled: external',
  once: 'Scheduled: once only',
  series: 'Scheduled: as a series',
};

export const NOTIFICATION_LABELS: Record<NotificationSetting, string> = {
  none: 'No',
  dialog: 'Using a dialog window',
  'dialog-errors': 'Via a dialog window, only if there are errors',
  workflow: 'By Workflow',
  'workflow-errors': 'By Workflow, only if there are errors',
};

export const CHANGED_SINCE_LABELS: Record<ChangedSince, string> = {
  anytime: 'Anytime',
  'last-transfer': 'Last transfer',
  manual: 'Manual',
};

const path = (id: number) => `/jobs/${id}`;

export const importCustomers = (body: ImportCustomersRequest) => api.post<Job>('/import-customers', body);
export const listJobs = (filter: JobFilter) => api.get<Job[]>('/jobs', { ...filter });
export const fetchJob = (id: number) => api.get<Job>(path(id));
export const updateJob = (id: number, body: Partial<ImportCustomersRequest>) =>
  api.patch<Job>(path(id), body);
export const releaseJob = (id: number) => api.post<Job>(`${path(id)}/release`);
export const cancelJob = (id: number) =>
  api.post<{ job: Job; outcome: 'canceled' | 'cancel-requested' }>(`${path(id)}/cancel`);
export const triggerJob = (id: number) =>
  api.post<{ job: Job; outcome: 'ready' | 'pending' | 'waiting' }>(`${path(id)}/trigger`);
export const fetchRunLog = (jobId: number, runId: number) =>
  api.get<RunLog>(`${path(jobId)}/runs/${runId}/log`);
