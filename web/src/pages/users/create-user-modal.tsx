/** Create a user with a one-time password, shown once to pass on (they choose their own at first login). */
import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { createUser, type Role, type User } from '../../api/auth.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-context.ts';

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function oneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export function CreateUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.new')}>
      {opened && <CreateUserForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateUserForm({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [created, setCreated] = useState<{ user: User; password: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(null);
    if (!USER_NAME.test(name.trim())) {
      setErrors({ name: t('users.nameRule') });
      return;
    }
    setBusy(true);
    const password = oneTimePassword();
    try {
      const user = await createUser({
        name: name.trim(),
        displayName: displayName.trim() || undefined,
        role,
        password,
      });
      setCreated({ user, password });
      onCreated();
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
      else setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  if (created)
    return (
      <Stack data-testid="user-created">
        <Alert color="green" title={t('users.created', { name: created.user.name })}>
          {t('users.passOn', { name: created.user.name })}
        </Alert>
        <Group justify="space-between">
          <Code fz="lg" data-testid="one-time-password">
            {created.password}
          </Code>
          <CopyButton value={created.password}>
            {({ copied, copy }) => (
              <Button variant="light" size="xs" onClick={copy}>
                {copied ? t('users.copied') : t('users.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('users.done')}</Button>
        </Group>
      </Stack>
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {general && (
          <Alert color="red" role="alert" py="xs">
            {general}
          </Alert>
        )}
        <TextInput
          label={t('users.userName')}
          withAsterisk
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          error={errors.displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <Select
          label={t('users.role')}
          data={[
            { value: 'user', label: t('shell.roleUser') },
            { value: 'administrator', label: t('shell.roleAdministrator') },
          ]}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
        />
        <Text size="xs" c="dimmed">
          {t('users.makesPassword')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
