/** Log in with name and password (POST /api/auth/login). */
import { Alert, Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { login, type User } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { listOltpDatabases, type OltpDatabaseInfo } from '../api/oltp.ts';
import { useT } from '../i18n/i18n-context.ts';
import { LanguageMenu } from '../shell/language-menu.tsx';
import { AuthFrame } from './auth-frame.tsx';

/** `ticket`: with a one-time password the login set the cookie that stands for it in the forced change. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: User, ticket: boolean) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ name?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The OLTP databases one may log in to; the choice is offered when there are several.
  const [oltps, setOltps] = useState<OltpDatabaseInfo[]>([]);
  const [oltp, setOltp] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    listOltpDatabases().then(
      (list) => {
        if (!live) return;
        setOltps(list);
        setOltp((chosen) => chosen ?? list.find((o) => o.default)?.name ?? null);
      },
      () => undefined, // the login works without: on the default one
    );
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const required = {
      ...(name.trim() === '' ? { name: t('common.required', { label: t('login.user') }) } : {}),
      ...(password === '' ? { password: t('common.required', { label: t('login.password') }) } : {}),
    };
    setMissing(required);
    if (Object.keys(required).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await login(name.trim(), password, oltps.length > 1 ? oltp : null);
      onLoggedIn(answer.user, answer.changeTicketSet === true);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('login.title')} subtitle={t('login.subtitle')} aside={<LanguageMenu />}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert" py="xs">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('login.user')}
            autoComplete="username"
            withAsterisk
            autoFocus
            value={name}
            error={missing.name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setMissing(({ name: _, ...rest }) => rest);
            }}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            withAsterisk
            value={password}
            error={missing.password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setMissing(({ password: _, ...rest }) => rest);
            }}
          />
          {oltps.length > 1 && (
            <Select
              label={t('oltp.label')}
              description={t('oltp.loginHint')}
              data={oltps.map((o) => o.name)}
              value={oltp}
              allowDeselect={false}
              onChange={setOltp}
            />
          )}
          <Button type="submit" loading={busy} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
