/** Import customers: the batch application's dialog window; [In batch] files the job. */
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ImportSettings, importCustomers, type Job } from '../../api/jobs.ts';
import { DialogWindow } from '../../components/dialog-window.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
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
        {filed && (
          <Alert
            color="green"
            icon={<IconCircleCheck size={18} />}
            title={`Batch job ${filed.id} filed`}
            withCloseButton
            onClose={() => setFiled(null)}
            data-testid="job-filed"
            data-job-id={filed.id}
          >
            "{filed.name}" is {filed.state} in queue {filed.queue}.{' '}
            <Anchor component={Link} to={`/batch-jobs/${filed.id}`} size="sm">
              Show it in Batch jobs
            </Anchor>
          </Alert>
        )}
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
          onPreview={setPreview}
          onSubmit={async (request) => {
            setFiled(null);
            setFiled(await importCustomers(request));
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
