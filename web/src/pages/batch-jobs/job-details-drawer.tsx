/** A job's details: state, actions, all settings, its runs with progress and log. Refreshes while it moves. */
import { Drawer, Group, Stack, Tabs, Text } from '@mantine/core';
import { fetchJob, type Job } from '../../api/jobs.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { JobName } from '../../components/job-name.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { jobBadgeState } from '../../format/run-outcome.ts';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { JobRowActions } from './job-row-actions.tsx';
import { JobRuns } from './job-runs.tsx';
import { JobSettingsView } from './job-settings-view.tsx';
import { type JobAction, useJobActions } from './use-job-actions.ts';

export const MOVING_STATES = new Set(['released', 'ready', 'active']);

interface JobDetailsDrawerProps {
  jobId: number | null;
  onClose: () => void;
  onEdit: (job: Job) => void;
  onChanged: () => void;
  /** Opens another job (the one Run again filed). */
  onOpen: (jobId: number) => void;
}

export function JobDetailsDrawer({ jobId, onClose, onEdit, onChanged, onOpen }: JobDetailsDrawerProps) {
  const t = useT();
  return (
    <Drawer
      opened={jobId !== null}
      onClose={onClose}
      title={<Text fw={600}>{t('jobs.batchJob', { id: String(jobId) })}</Text>}
      size="xl"
      data-testid="job-details"
    >
      {jobId !== null && <JobDetails jobId={jobId} onEdit={onEdit} onChanged={onChanged} onOpen={onOpen} />}
    </Drawer>
  );
}

function JobDetails({
  jobId,
  onEdit,
  onChanged,
  onOpen,
}: {
  jobId: number;
  onEdit: (job: Job) => void;
  onChanged: () => void;
  onOpen: (jobId: number) => void;
}) {
  const t = useT();
  const {
    data: job,
    error,
    reload,
  } = useLoader(
    () => fetchJob(jobId),
    `job:${jobId}`,
    (current) => (current && !MOVING_STATES.has(current.state) ? 10_000 : 2000),
  );
  const actions = useJobActions(
    () => {
      reload();
      onChanged();
    },
    (filed) => onOpen(filed.id),
  );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!job) return <PageLoader />;
  const run = (j: Job, action: JobAction) => actions.run(j, action);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <JobName name={job.name} fw={600} size="lg" maw={420} testId="job-details-name" />
          <StateBadge
            state={jobBadgeState(job)}
            label={job.cancelRequested ? t('jobs.canceling') : undefined}
          />
        </Group>
        <JobRowActions job={job} busy={actions.busy} onAction={run} onEdit={onEdit} />
      </Group>
      <Tabs defaultValue={job.runs.length > 0 ? 'runs' : 'settings'}>
        <Tabs.List>
          <Tabs.Tab value="runs">{t('jobs.runsTab', { n: job.runs.length })}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('jobs.settingsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="runs" pt="md">
          <JobRuns job={job} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <JobSettingsView job={job} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
