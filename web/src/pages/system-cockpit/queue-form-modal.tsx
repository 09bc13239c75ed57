/** Create a processing queue (name, description) or edit its description. */
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { createQueue, type ProcessingQueue, updateQueue } from '../../api/system.ts';
import { useT } from '../../i18n/i18n-context.ts';

const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

interface QueueFormModalProps {
  /** null: closed; 'new': create; a queue: edit it. */
  queue: ProcessingQueue | 'new' | null;
  onClose: () => void;
  onSaved: (queue: ProcessingQueue) => void;
}

export function QueueFormModal({ queue, onClose, onSaved }: QueueFormModalProps) {
  const t = useT();
  return (
    <Modal
      opened={queue !== null}
      onClose={onClose}
      title={queue === 'new' ? t('cockpit.newQueue') : t('cockpit.queueTitle', { name: queue?.name ?? '' })}
    >
      {queue !== null && <QueueForm queue={queue} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function QueueForm({
  queue,
  onClose,
  onSaved,
}: {
  queue: ProcessingQueue | 'new';
  onClose: () => void;
  onSaved: (q: ProcessingQueue) => void;
}) {
  const t = useT();
  const creating = queue === 'new';
  const [name, setName] = useState(creating ? '' : queue.name);
  const [description, setDescription] = useState(creating ? '' : (queue.description ?? ''));
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (creating && !QUEUE_NAME.test(name.trim())) {
      setNameError(t('cockpit.queueNameRule'));
      return;
    }
    setBusy(true);
    try {
      onSaved(
        creating
          ? await createQueue(name.trim(), description.trim())
          : await updateQueue(queue.name, description.trim()),
      );
    } catch (failure) {
      if (failure instanceof ApiError && failure.field === 'name') setNameError(failure.message);
      else setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert" py="xs">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('common.name')}
          withAsterisk={creating}
          disabled={!creating}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameError(null);
          }}
          error={nameError}
          data-testid="queue-name"
        />
        <Textarea
          label={t('common.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          data-testid="queue-description"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="queue-save">
            {creating ? t('cockpit.createQueue') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
