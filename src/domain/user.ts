import type { UiLanguage } from './ui-language.ts';

/** Users of the web UI and the HTTP API (docs/api.md): names, roles, what the API shows of them. */
export const ROLES = ['administrator', 'user'] as const;
export type Role = (typeof ROLES)[number];

/** A user as everybody may see it: never the password hash. */
export interface User {
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** Logged in with a one-time password (or one an administrator set): must choose a new one first. */
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** The language chosen for the web UI; null: the browser's. */
  uiLanguage: UiLanguage | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
