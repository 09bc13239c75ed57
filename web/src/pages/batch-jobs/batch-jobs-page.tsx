/**
 * Batch jobs: the jobs with filters, refreshed every 2 s while one is moving; release, cancel, trigger,
 * edit, run again; /batch-jobs/:jobId opens a job's details.
 */
import { Button, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { type Job, listJobs } from '../../api/jobs.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { EditJobModal } from './edit-job-modal.tsx';
import { JobDetailsDrawer } from './job-details-drawer.tsx';
import { JobFilters, type JobFilterValues, NO_FILTER } from './job-filters.tsx';
import { JobTable } from './job-table.tsx';
import { useJobActions } from './use-job-actions.ts';

/** Jobs that will change soon without anybody's doing: poll quickly while there are some. */
function busy(jobs: Job[] | undefined): boolean {
  return (jobs ?? []).some(
    (job) =>
      job.state === 'active' ||
      job.state === 'ready' ||
      (job.state === 'released' && job.startMode === 'add-to-queue'),
  );
}

export function BatchJobsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { jobId } = useParams();
  const [filter, setFilter] = useState<JobFilterValues>(NO_FILTER);
  const [name] = useDebouncedValue(filter.name, 300);
  const [editing, setEditing] = useState<Job | null>(null);
  const query = {
    name: name.trim(),
    state: filter.states,
    queue: filter.queue,
    user: filter.user,
    appServer: filter.appServer,
  };
  const jobs = useLoader(
    () => listJobs(query),
    JSON.stringify(query),
    (data) => (busy(data) ? 2000 : 10_000),
  );
  const actions = useJobActions(jobs.reload);
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  return (
    <>
      <PageHeader
        title={t('nav.batchJobs')}
        description={t('jobs.description')}
        actions={
          <>
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={jobs.reload}>
              {t('common.refresh')}
            </Button>
            <Button leftSection={<IconFileImport size={16} />} onClick={() => navigate('/import-customers')}>
              {t('nav.importCustomers')}
            </Button>
          </>
        }
      />
      <JobFilters value={filter} onChange={setFilter} />
      <ErrorAlert error={jobs.error} onRetry={jobs.reload} />
      {jobs.data ? (
        <>
          <JobTable
            jobs={jobs.data}
            filtered={filtered}
            busy={actions.busy}
            onOpen={(job) => navigate(`/batch-jobs/${job.id}`)}
            onAction={actions.run}
            onEdit={setEditing}
          />
          <Text size="xs" c="dimmed" mt="xs">
            {t('count.jobs', { count: jobs.data.length })}
            {busy(jobs.data) ? ` · ${t('jobs.refreshing')}` : ''}
          </Text>
        </>
      ) : (
        !jobs.error && <PageLoader />
      )}
      <JobDetailsDrawer
        jobId={jobId ? Number(jobId) : null}
        onClose={() => navigate('/batch-jobs')}
        onEdit={setEditing}
        onChanged={jobs.reload}
        onOpen={(id) => navigate(`/batch-jobs/${id}`)}
      />
      <EditJobModal
        job={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          jobs.reload();
        }}
      />
    </>
  );
}
