/** Auth and users (docs/api.md "Auth and users"). */
import type { LoginAnswerBody, NewUser, User, UserAnswer, UserUpdate } from '../../../src/api/wire-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { api, request } from './client.ts';

export type { NewUser, Role, User, UserUpdate } from '../../../src/api/wire-types.ts';

/**
 * Logs in (to OLTP database `oltp`; null: the default one); with a one-time password `changeTicketSet`: a
 * cookie stands for it in the forced password change.
 */
export async function login(
  name: string,
  password: string,
  oltp: string | null = null,
): Promise<LoginAnswerBody> {
  return await request<LoginAnswerBody>('POST', '/auth/login', {
    body: { name, password, ...(oltp ? { oltp } : {}) },
    quietUnauthorized: true,
  });
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** The logged-in user, or null without a session. */
export async function fetchMe(): Promise<User | null> {
  try {
    const answer = await request<UserAnswer>('GET', '/auth/me', { quietUnauthorized: true });
    return answer.user;
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 401) return null;
    throw error;
  }
}

/**
 * Changes one's own password, proven by the current password or (null) by the ticket cookie of this session's
 * login.
 */
export function changePassword(currentPassword: string | null, newPassword: string): Promise<void> {
  return api.post<void>('/auth/password', {
    ...(currentPassword === null ? {} : { currentPassword }),
    newPassword,
  });
}

/** One's own web UI language (null: the browser's); answers the user with it. */
export async function saveUiLanguage(language: UiLanguage | null): Promise<User> {
  const answer = await api.put<UserAnswer>('/auth/language', { language });
  return answer.user;
}

export const listUsers = () => api.get<User[]>('/users');
export const createUser = (user: NewUser) => api.post<User>('/users', user);
export const updateUser = (name: string, update: UserUpdate) =>
  api.patch<User>(`/users/${encodeURIComponent(name)}`, update);
