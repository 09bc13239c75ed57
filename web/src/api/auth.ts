/** Auth and users (docs/api.md "Auth and users"). */
import { api, request } from './client.ts';

export type Role = 'administrator' | 'user';

export interface User {
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  name: string;
  displayName?: string;
  role: Role;
  password: string;
}

export interface UserUpdate {
  displayName?: string;
  role?: Role;
  password?: string;
  disabled?: boolean;
}

export async function login(name: string, password: string): Promise<User> {
  const answer = await request<{ user: User }>('POST', '/auth/login', {
    body: { name, password },
    quietUnauthorized: true,
  });
  return answer.user;
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** The logged-in user, or null without a session. */
export async function fetchMe(): Promise<User | null> {
  try {
    const answer = await request<{ user: User }>('GET', '/auth/me', { quietUnauthorized: true });
    return answer.user;
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 401) return null;
    throw error;
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/auth/password', { currentPassword, newPassword });
}

export const listUsers = () => api.get<User[]>('/users');
export const createUser = (user: NewUser) => api.post<User>('/users', user);
export const updateUser = (name: string, update: UserUpdate) =>
  api.patch<User>(`/users/${encodeURIComponent(name)}`, update);
