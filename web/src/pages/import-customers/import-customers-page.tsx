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
import { useT } from '../../i18n/i18n-context.ts';
import { useSession } from '../../session/session-context.ts';
import { ImportCustomersForm } from './import-customers-form.tsx';
import { defaultValues } from './import-form-values.ts';
import { ImportPreviewModal } from './import-preview-modal.tsx';
import { useImportReferenceData } from './use-import-reference-data.ts';

export function ImportCustomersPage() {
  const t = useT();
  const { user, isAdmin } = useSession();
  const { data, error, reload } = useImportReferenceData();
  const [filed, setFiled] = useState<Job | null>(null);
  const [preview, setPreview] = useState<ImportSettings | null>(null);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;

  return (
    <DialogWindow
      title={t('nav.importCustomers')}
      subtitle={t('import.subtitle')}
      icon={<IconFileImport size={18} />}
      testId="import-customers-dialog"
    >
      <Stack gap="md">
        {filed && <JobFiledAlert job={filed} onClose={() => setFiled(null)} />}
        {data.channels.length === 0 && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            {t('import.noChannel')}{' '}
            {isAdmin ? (
              <Anchor component={Link} to="/sales-channels/new" size="sm">
                {t('import.noChannelCreate')}
              </Anchor>
            ) : (
              t('import.noChannelAsk')
            )}
          </Alert>
        )}
        <ImportCustomersForm
          data={data}
          initial={defaultValues(data.system, user, data.queues)}
          submitLabel={t('import.inBatch')}
          resetAfterSubmit
          onPreview={setPreview}
          onSubmit={async (request) => {
            setFiled(null);
            setFiled(await importCustomers(request));
            window.scrollTo({ top: 0 });
          }}
          secondary={(reset) => (
            <Button variant="default" onClick={reset}>
              {t('import.reset')}
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
  const t = useT();
  return (
    <Alert
      color="green"
      icon={<IconCircleCheck size={18} />}
      title={t('import.filed', { id: job.id })}
      withCloseButton
      onClose={onClose}
      data-testid="job-filed"
      data-job-id={job.id}
    >
      <Stack gap={4}>
        <JobName name={job.name} fw={600} maw={640} testId="job-filed-name" />
        <Text size="sm">
          {job.state === 'planned'
            ? t('import.filedPlanned', { queue: job.queue })
            : t('import.filedState', { state: t(`state.${job.state}`), queue: job.queue })}{' '}
          <Anchor component={Link} to={`/batch-jobs/${job.id}`} size="sm" data-testid="job-filed-link">
            {t('import.showInJobs')}
          </Anchor>
        </Text>
        <Text size="xs" c="dimmed">
          {t('import.readyForNext')}
        </Text>
      </Stack>
    </Alert>
  );
}
