/** The logged-in user, for every page. */
import { createContext, useContext } from 'react';
import type { User } from '../api/auth.ts';

export interface Session {
  user: User;
  isAdmin: boolean;
  /** After a change of the user's own data (password changed). */
  setUser: (user: User) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of SessionProvider');
  return session;
}
