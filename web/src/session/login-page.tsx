/** Log in with name and password (POST /api/auth/login). */
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { login, type User } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { AuthFrame } from './auth-frame.tsx';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(name.trim(), password));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Log in" subtitle="Import customers from your sales channels into the partner master.">
      <form onSubmit={submit}>
        <Stack>
          {error && (
            <Alert color="red" role="alert" py="xs">
              {error}
            </Alert>
          )}
          <TextInput
            label="User"
            autoComplete="username"
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} fullWidth>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
