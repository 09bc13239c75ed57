/** Edit a planned, released or ready job: the Import customers dialog prefilled (PATCH /api/jobs/:id). */
import { Button, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type Job, updateJob } from '../../api/jobs.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { JobName } from '../../components/job-name.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { ImportCustomersForm } from '../import-customers/import-customers-form.tsx';
import { valuesFromJob } from '../import-customers/import-form-values.ts';
import { useImportReferenceData } from '../import-customers/use-import-reference-data.ts';

interface EditJobModalProps {
  job: Job | null;
  onClose: () => void;
  onSaved: () => void;
}

export function EditJobModal({ job, onClose, onSaved }: EditJobModalProps) {
  const t = useT();
  return (
    <Modal
      opened={job !== null}
      onClose={onClose}
      size={880}
      title={
        job ? (
          <JobName name={t('jobs.editTitle', { id: job.id, name: job.name })} fw={600} size="md" maw={760} />
        ) : (
          ''
        )
      }
      data-testid="edit-job"
    >
      {job && <EditJobForm job={job} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function EditJobForm({ job, onClose, onSaved }: { job: Job; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { data, error, reload } = useImportReferenceData();
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;
  return (
    <ImportCustomersForm
      data={data}
      initial={valuesFromJob(job, data.system)}
      submitLabel={t('common.save')}
      submitIcon={<IconDeviceFloppy size={16} />}
      onSubmit={async (request) => {
        const saved = await updateJob(job.id, request);
        notifications.show({
          color: 'green',
          message: t('jobs.saved', { id: saved.id, name: saved.name, state: t(`state.${saved.state}`) }),
        });
        onSaved();
      }}
      secondary={() => (
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      )}
    />
  );
}
