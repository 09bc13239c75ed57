/** A user with a one-time password must choose their own before anything else. */
import { Button, Group } from '@mantine/core';
import { fetchMe } from '../api/auth.ts';
import { useT } from '../i18n/i18n-context.ts';
import { LanguageMenu } from '../shell/language-menu.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { useSession } from './session-context.ts';

/** `ticket`: the login just made set the ticket cookie; the one-time password is then not asked again. */
export function ForcedPasswordPage({ ticket }: { ticket: boolean }) {
  const t = useT();
  const { user, setUser, signOut } = useSession();

  async function changed() {
    const me = await fetchMe();
    if (me) setUser(me);
    else await signOut();
  }

  return (
    <AuthFrame
      title={t('password.chooseTitle')}
      subtitle={t('password.chooseSubtitle', { name: user.displayName || user.name })}
      aside={<LanguageMenu />}
    >
      <ChangePasswordForm
        userName={user.name}
        currentLabel={t('password.oneTime')}
        ticket={ticket}
        onChanged={changed}
      />
      <Group justify="center" mt="md">
        <Button variant="subtle" size="xs" onClick={signOut}>
          {t('shell.logOut')}
        </Button>
      </Group>
    </AuthFrame>
  );
}
