/** A batch job as the API shows it: every batch setting, the application settings, the runs. */
import { IMPORT_CUSTOMERS } from '../batch/applications/import-customers-app.ts';
import type { BatchApplications } from '../batch/batch-application.ts';
import type { JobWithRuns } from '../batch/job-service.ts';
import { importSettingsView } from './job-input.ts';

export function jobView(job: JobWithRuns, applications: BatchApplications) {
  const { runs, ...rest } = job;
  return {
    ...rest,
    applicationLabel: applications.get(job.application)?.label ?? job.application,
    settings: job.application === IMPORT_CUSTOMERS ? importSettingsView(job.settings) : job.settings,
    runs: runs.map(({ jobId: _jobId, ...run }) => run),
  };
}
