/**
 * Who is logged in: asks the API at start; without a session shows the login page, with a one-time
 * password the forced password change; any 401 later (session expired) returns to the login page.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { fetchMe, logout, type User } from '../api/auth.ts';
import { onSessionProblem } from '../api/client.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { useLanguage } from '../i18n/i18n-context.ts';
import { ForcedPasswordPage } from './forced-password-page.tsx';
import { LoginPage } from './login-page.tsx';
import { type Session, SessionContext } from './session-context.ts';

type State = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'ready'; user: User | null };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const { choose, t } = useLanguage();
  // The user's language shows with the user's first page. Without a choice of theirs (and logged out) the
  // language stays as it was: the browser's, or the one picked on the login page.
  const setUser = useCallback(
    (user: User | null) => {
      if (user?.uiLanguage) choose(user.uiLanguage);
      setState({ kind: 'ready', user });
    },
    [choose],
  );
  // The login just made set the password change ticket cookie (after a reload: the one-time password is asked).
  const [ticket, setTicket] = useState(false);

  useEffect(() => {
    const load = () => fetchMe().then(setUser, (error: unknown) => setState({ kind: 'failed', error }));
    load();
    return onSessionProblem((problem) => (problem === 'ended' ? setUser(null) : load()));
  }, [setUser]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setTicket(false);
      setUser(null);
    }
  }, [setUser]);

  const user = state.kind === 'ready' ? state.user : null;
  const session = useMemo<Session | null>(
    () => (user ? { user, isAdmin: user.role === 'administrator', setUser, signOut } : null),
    [user, setUser, signOut],
  );

  if (state.kind === 'loading') return <PageLoader />;
  if (state.kind === 'failed') return <ErrorAlert error={state.error} title={t('shell.unreachable')} />;
  if (!user || !session)
    return (
      <LoginPage
        onLoggedIn={(loggedIn, issued) => {
          setTicket(issued);
          setUser(loggedIn);
        }}
      />
    );
  if (user.mustChangePassword)
    return (
      <SessionContext.Provider value={session}>
        <ForcedPasswordPage ticket={ticket} />
      </SessionContext.Provider>
    );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
