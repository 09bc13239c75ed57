/** Import customers: the batch application's dialog window; [In batch] files the job. */
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ImportSettings, importCustomers, type Job } from '../../api/jobs.ts';
import { DialogWindow } from '../../components/dialog-window.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { JobName } from '../../components/job-name.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useSession } from '../../session/session-context.ts';
import { ImportCustomersForm } from './import-customers-form.tsx';
import { defaultValues } from './import-form-values.ts';
import { ImportPreviewModal } from './import-preview-modal.tsx';
import { useImportReferenceData } from './use-import-reference-data.ts';

export function ImportCustomersPage() {
  const { user, isAdmin } = useSession();
  const { data, error, reload } = useImportReferenceData();
  const [filed, setFiled] = useState<Job | null>(null);
  const [preview, setPreview] = useState<ImportSettings | null>(null);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;

  return (
    <DialogWindow
      title="Import customers"
      subtitle="Imports customers of a sales channel into the partner master, as a batch job."
      icon={<IconFileImport size={18} />}
      testId="import-customers-dialog"
    >
      <Stack gap="md">
        {filed && <JobFiledAlert job={filed} onClose={() => setFiled(null)} />}
        {data.channels.length === 0 && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            There is no sales channel yet.{' '}
            {isAdmin ? (
              <Anchor component={Link} to="/sales-channels/new" size="sm">
                Create one in Sales channels.
              </Anchor>
            ) : (
              'Ask an administrator to create one in Sales channels.'
            )}
          </Alert>
        )}
        <ImportCustomersForm
          data={data}
          initial={defaultValues(data.system, user, data.queues)}
          submitLabel="In batch"
          resetAfterSubmit
          onPreview={setPreview}
          onSubmit={async (request) => {
            setFiled(null);
            setFiled(await importCustomers(request));
            window.scrollTo({ top: 0 });
          }}
          secondary={(reset) => (
            <Button variant="default" onClick={reset}>
              Reset
            </Button>
          )}
        />
        {preview && <ImportPreviewModal application={preview} onClose={() => setPreview(null)} />}
      </Stack>
    </DialogWindow>
  );
}

/** Which job [In batch] filed: its id and name (cut when long, whole on hover), linking to it in Batch jobs. */
function JobFiledAlert({ job, onClose }: { job: Job; onClose: () => void }) {
  return (
    <Alert
      color="green"
      icon={<IconCircleCheck size={18} />}
      title={`Batch job ${job.id} filed`}
      withCloseButton
      onClose={onClose}
      data-testid="job-filed"
      data-job-id={job.id}
    >
      <Stack gap={4}>
        <JobName name={job.name} fw={600} maw={640} testId="job-filed-name" />
        <Text size="sm">
          {job.state === 'planned'
            ? `It is planned in queue ${job.queue}: release it in Batch jobs.`
            : `It is ${job.state} in queue ${job.queue}.`}{' '}
          <Anchor component={Link} to={`/batch-jobs/${job.id}`} size="sm" data-testid="job-filed-link">
            Show it in Batch jobs
          </Anchor>
        </Text>
        <Text size="xs" c="dimmed">
          The form is ready for the next job.
        </Text>
      </Stack>
    </Alert>
  );
}
