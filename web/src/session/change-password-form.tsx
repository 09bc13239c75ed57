/**
 * Current password, new password twice (POST /api/auth/password); checks the API's rules first. With the
 * ticket of the login (the forced change right after a login with a one-time password) the current password
 * is not asked again; should the server no longer know the ticket, it is asked after all.
 */
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { changePassword } from '../api/auth.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { useT } from '../i18n/i18n-context.ts';
import type { Translate } from '../i18n/translate.ts';

interface ChangePasswordFormProps {
  userName: string;
  onChanged: () => void;
  onCancel?: () => void;
  currentLabel?: string;
  /** The login set the password change ticket cookie: it stands for the current (one-time) password. */
  ticket?: boolean;
}

type Field = 'current' | 'next' | 'repeat';

/** The API's rules (src/users/password-rules.ts), so that the form says what the server would say. */
function ruleProblem(next: string, userName: string, t: Translate): string | null {
  if (next.trim().toLowerCase() === userName.toLowerCase()) return t('password.notUserName');
  if (next.length < 10) return t('password.tooShort');
  return null;
}

export function ChangePasswordForm(props: ChangePasswordFormProps) {
  const { userName, onChanged, onCancel } = props;
  const t = useT();
  const currentLabel = props.currentLabel ?? t('password.current');
  const [ticket, setTicket] = useState(props.ticket === true);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nextProblem = errors.next ?? (next === '' ? null : ruleProblem(next, userName, t));
  const repeatProblem = errors.repeat ?? (repeat !== '' && repeat !== next ? t('password.differ') : null);

  function edit(field: Field, value: string, set: (value: string) => void) {
    set(value);
    setErrors(({ [field]: _, ...rest }) => rest);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const required: Partial<Record<Field, string>> = {};
    if (!ticket && current === '') required.current = t('common.required', { label: currentLabel });
    if (next === '') required.next = t('common.required', { label: t('password.new') });
    if (repeat === '') required.repeat = t('common.required', { label: t('password.repeat') });
    setErrors(required);
    if (Object.keys(required).length > 0 || ruleProblem(next, userName, t) || repeat !== next) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(ticket ? null : current, next);
      onChanged();
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.field === 'currentPassword') {
        // The ticket is not known (any more): the current password proves it instead.
        setTicket(false);
        setErrors({ current: failure.message });
      } else if (failure instanceof ApiError && failure.field === 'newPassword')
        setErrors({ next: failure.message });
      else setError(errorMessage(failure));
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
        {!ticket && (
          <PasswordInput
            label={currentLabel}
            autoComplete="current-password"
            withAsterisk
            value={current}
            error={errors.current}
            onChange={(e) => edit('current', e.currentTarget.value, setCurrent)}
          />
        )}
        <PasswordInput
          label={t('password.new')}
          description={t('password.newHint')}
          autoComplete="new-password"
          withAsterisk
          value={next}
          error={nextProblem}
          onChange={(e) => edit('next', e.currentTarget.value, setNext)}
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          withAsterisk
          value={repeat}
          error={repeatProblem}
          onChange={(e) => edit('repeat', e.currentTarget.value, setRepeat)}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
