/** Import customers and batch jobs (docs/api.md "Import customers", "Batch jobs"; docs/batch-jobs.md). */

import type {
  CancelAnswer,
  ChangedSince,
  ImportCustomersRequest,
  ImportSettingsBody,
  Job,
  JobListQuery,
  JobPatch,
  NotificationSetting,
  RunLog,
  StartMode,
  TriggerAnswer,
} from '../../../src/api/wire-types.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { api, buildQuery, type QueryOf } from './client.ts';

export type {
  BatchRunState,
  BatchSettingsBody,
  ChangedSince,
  ImportCustomersRequest,
  ImportRun,
  Job,
  JobState,
  LogLevel,
  NotificationSetting,
  Run,
  RunCounts,
  RunLog,
  RunLogLine,
  StartMode,
} from '../../../src/api/wire-types.ts';
// States as the batch engine defines them; the job, its runs and their log as the API shows them (types only).
export { JOB_STATES, OPEN_STATES } from '../../../src/domain/batch-job.ts';
/** The states from which a job can be run again (POST /api/jobs/:id/rerun). */
export const RERUN_STATES: readonly string[] = ['finished', 'failed', 'canceled', 'missed', 'abandoned'];

/** The Application tab of Import customers with every field given (as the dialog sends it and a job shows it). */
export type ImportSettings = Required<ImportSettingsBody>;

/** The Batch jobs list filter: a null or empty value is no filter. */
export type JobFilter = QueryOf<JobListQuery>;

export const START_MODE_KEYS: Record<StartMode, MessageKey> = {
  'add-to-queue': 'startMode.addToQueue',
  'at-restart': 'startMode.atRestart',
  external: 'startMode.external',
  once: 'startMode.once',
  series: 'startMode.series',
};

export const NOTIFICATION_KEYS: Record<NotificationSetting, MessageKey> = {
  none: 'notification.none',
  dialog: 'notification.dialog',
  'dialog-errors': 'notification.dialogErrors',
  workflow: 'notification.workflow',
  'workflow-errors': 'notification.workflowErrors',
};

export const CHANGED_SINCE_KEYS: Record<ChangedSince, MessageKey> = {
  anytime: 'changedSince.anytime',
  'last-transfer': 'changedSince.lastTransfer',
  manual: 'changedSince.manual',
};

const path = (id: number) => `/jobs/${id}`;

export const importCustomers = (body: ImportCustomersRequest) => api.post<Job>('/import-customers', body);
export const listJobs = (filter: JobFilter) => api.get<Job[]>('/jobs', { ...filter });
export const fetchJob = (id: number) => api.get<Job>(path(id));
export const updateJob = (id: number, body: JobPatch) => api.patch<Job>(path(id), body);
export const releaseJob = (id: number) => api.post<Job>(`${path(id)}/release`);
export const cancelJob = (id: number) => api.post<CancelAnswer>(`${path(id)}/cancel`);
export const triggerJob = (id: number) => api.post<TriggerAnswer>(`${path(id)}/trigger`);
export const rerunJob = (id: number) => api.post<Job>(`${path(id)}/rerun`);
export const fetchRunLog = (jobId: number, runId: number) =>
  api.get<RunLog>(`${path(jobId)}/runs/${runId}/log`);
/** The address of a run's log as CSV, with the filters the log table shows (GET, so a plain download link). */
export const runLogCsvUrl = (
  jobId: number,
  runId: number,
  filter: { level?: string; code?: string; q?: string },
) => `/api${path(jobId)}/runs/${runId}/log.csv${buildQuery(filter)}`;
