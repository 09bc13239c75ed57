/** SQL for users of the web UI and HTTP API (`app_user`). The password hash is read only for a login. */
import { isUiLanguage, type UiLanguage } from '../domain/ui-language.ts';
import type { Role, User } from '../domain/user.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './sql-values.ts';

export interface UserRow {
  name: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
  created_at: unknown;
  last_login_at: unknown;
  ui_language: string | null;
}

const COLUMNS =
  'name, display_name, role, disabled, must_change_password, created_at, last_login_at, ui_language';

export function toUser(row: UserRow): User {
  return {
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: iso(row.created_at),
    lastLoginAt: isoOrNull(row.last_login_at),
    // A language no longer offered reads as no choice (the browser's).
    uiLanguage: isUiLanguage(row.ui_language) ? row.ui_language : null,
  };
}

export interface NewUser {
  name: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
}

const INSERT = `insert into app_user (name, display_name, role, password_hash, must_change_password)`;

/** Inserts a user; null when the name (in any case) is taken. */
export async function insertUser(db: Queryable, user: NewUser): Promise<User | null> {
  const result = await db.query<UserRow>(
    `${INSERT} values ($1, $2, $3, $4, $5) on conflict do nothing returning ${COLUMNS}`,
    [user.name, user.displayName, user.role, user.passwordHash, user.mustChangePassword],
  );
  const row = result.rows[0];
  return row ? toUser(row) : null;
}

/** Inserts the user only while there is no user at all (first start); null when there was one. */
export async function insertFirstUser(db: Queryable, user: NewUser): Promise<User | null> {
  const result = await db.query<UserRow>(
    `${INSERT} select $1, $2, $3, $4, $5 where not exists (select 1 from app_user)
     on conflict do nothing returning ${COLUMNS}`,
    [user.name, user.displayName, user.role, user.passwordHash, user.mustChangePassword],
  );
  const row = result.rows[0];
  return row ? toUser(row) : null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const result = await db.query<{ n: unknown }>('select count(*) as n from app_user');
  return Number(result.rows[0]?.n ?? 0);
}

export async function getUser(db: Queryable, name: string): Promise<User | null> {
  const result = await db.query<UserRow>(`select ${COLUMNS} from app_user where name = $1`, [name]);
  const row = result.rows[0];
  return row ? toUser(row) : null;
}

/** The user for a login (the name in any case) with the password hash. */
export async function findLogin(
  db: Queryable,
  name: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const result = await db.query<UserRow & { password_hash: string }>(
    `select ${COLUMNS}, password_hash from app_user where lower(name) = lower($1)`,
    [name],
  );
  const row = result.rows[0];
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const result = await db.query<UserRow>(`select ${COLUMNS} from app_user order by name`);
  return result.rows.map(toUser);
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
}

/** Changes the given fields (the others stay); null when there is no such user. */
export async function updateUser(db: Queryable, name: string, changes: UserChanges): Promise<User | null> {
  const result = await db.query<UserRow>(
    `update app_user set display_name = coalesce($2, display_name), role = coalesce($3, role),
       disabled = coalesce($4, disabled), password_hash = coalesce($5, password_hash),
       must_change_password = coalesce($6, must_change_password)
     where name = $1 returning ${COLUMNS}`,
    [
      name,
      changes.displayName ?? null,
      changes.role ?? null,
      changes.disabled ?? null,
      changes.passwordHash ?? null,
      changes.mustChangePassword ?? null,
    ],
  );
  const row = result.rows[0];
  return row ? toUser(row) : null;
}

export async function recordLogin(db: Queryable, name: string, at: Date): Promise<void> {
  await db.query('update app_user set last_login_at = $2 where name = $1', [name, at]);
}

/** Stores the user's web UI language (null: follow the browser); null when there is no such user. */
export async function setUiLanguage(
  db: Queryable,
  name: string,
  language: UiLanguage | null,
): Promise<User | null> {
  const result = await db.query<UserRow>(
    `update app_user set ui_language = $2 where name = $1 returning ${COLUMNS}`,
    [name, language],
  );
  const row = result.rows[0];
  return row ? toUser(row) : null;
}
