/** Current password, new password twice (POST /api/auth/password); checks the API's rules first. */
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { changePassword } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';

interface ChangePasswordFormProps {
  userName: string;
  onChanged: () => void;
  onCancel?: () => void;
  currentLabel?: string;
}

export function ChangePasswordForm({ userName, onChanged, onCancel, currentLabel }: ChangePasswordFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nextProblem =
    next === ''
      ? null
      : next.length < 10
        ? 'At least 10 characters.'
        : next === userName
          ? 'Must not be the user name.'
          : null;
  const repeatProblem = repeat !== '' && repeat !== next ? 'The passwords differ.' : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (nextProblem || repeatProblem || next === '') return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        {error && (
          <Alert color="red" role="alert" py="xs">
            {error}
          </Alert>
        )}
        <PasswordInput
          label={currentLabel ?? 'Current password'}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          label="New password"
          description="At least 10 characters, not your user name."
          autoComplete="new-password"
          required
          value={next}
          error={nextProblem}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <PasswordInput
          label="Repeat new password"
          autoComplete="new-password"
          required
          value={repeat}
          error={repeatProblem}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
