/** Create a user with a one-time password, shown once to pass on (they choose their own at first login). */
import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { createUser, type Role, type User } from '../../api/auth.ts';
import { ApiError, errorMessage } from '../../api/client.ts';

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
  return (
    <Modal opened={opened} onClose={onClose} title="New user">
      {opened && <CreateUserForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateUserForm({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
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
      setErrors({ name: 'Letters, digits, ".", "_" and "-", starting with a letter or digit.' });
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
        <Alert color="green" title={`User ${created.user.name} created`}>
          Pass on this one-time password. It is shown only now; {created.user.name} chooses their own at the
          first login.
        </Alert>
        <Group justify="space-between">
          <Code fz="lg" data-testid="one-time-password">
            {created.password}
          </Code>
          <CopyButton value={created.password}>
            {({ copied, copy }) => (
              <Button variant="light" size="xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
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
          label="User name"
          withAsterisk
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label="Display name"
          value={displayName}
          error={errors.displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <Select
          label="Role"
          data={[
            { value: 'user', label: 'User' },
            { value: 'administrator', label: 'Administrator' },
          ]}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
        />
        <Text size="xs" c="dimmed">
          Kontor makes a one-time password for the new user.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
