/** A user with a one-time password must choose their own before anything else. */
import { Button, Group } from '@mantine/core';
import { fetchMe } from '../api/auth.ts';
import { AuthFrame } from './auth-frame.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { useSession } from './session-context.ts';

/** `ticket`: the login just made set the ticket cookie; the one-time password is then not asked again. */
export function ForcedPasswordPage({ ticket }: { ticket: boolean }) {
  const { user, setUser, signOut } = useSession();

  async function changed() {
    const me = await fetchMe();
    if (me) setUser(me);
    else await signOut();
  }

  return (
    <AuthFrame
      title="Choose your password"
      subtitle={`Welcome, ${user.displayName || user.name}. You logged in with a one-time password; choose your own to continue.`}
    >
      <ChangePasswordForm
        userName={user.name}
        currentLabel="One-time password"
        ticket={ticket}
        onChanged={changed}
      />
      <Group justify="center" mt="md">
        <Button variant="subtle" size="xs" onClick={signOut}>
          Log out
        </Button>
      </Group>
    </AuthFrame>
  );
}
