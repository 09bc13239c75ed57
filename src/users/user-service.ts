/**
 * Users of the web UI and the HTTP API: add, list, change, passwords, login. Passwords are argon2id hashes;
 * a user created without a password gets a one-time password and must change it at the first login.
 * `kontor user ...` and the API's /api/users and /api/auth routes call this service.
 */
import { assertName } from '../batch/batch-settings.ts';
import { AuthError, ConfigError, NotFoundError } from '../domain/errors.ts';
import { fieldError } from '../domain/field-error.ts';
import { isUiLanguage, UI_LANGUAGES } from '../domain/ui-language.ts';
import { isRole, type Role, type User } from '../domain/user.ts';
import type { Db } from '../storage/db.ts';
import { deleteSessionsOf } from '../storage/session-store.ts';
import {
  countUsers,
  findLogin,
  getUser,
  insertFirstUser,
  insertUser,
  listUsers,
  recordLogin,
  setUiLanguage,
  type UserChanges,
  updateUser,
} from '../storage/user-store.ts';
import {
  LOCAL_CLIENT,
  type LoginClient,
  rememberClient,
  type ThrottleSubject,
  throttleSubject,
} from './login-client.ts';
import { clearFailures, countAttempt } from './login-throttle.ts';
import { oneTimePassword } from './one-time-password.ts';
import { PasswordChangeTickets } from './password-change-tickets.ts';
import { PasswordHasher } from './password-hasher.ts';
import { assertPassword } from './password-rules.ts';

export const FIRST_ADMINISTRATOR = 'admin';

export interface UserServiceOptions {
  hasher?: PasswordHasher;
  clock?: () => Date;
  /** How a slowed-down login waits (tests: record instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface NewUserInput {
  name: string;
  displayName?: string | null;
  role: string;
  /** Without one, a one-time password is made (and returned). */
  password?: string | null;
  /** Default: true (the user chooses their own password at the first login). */
  mustChangePassword?: boolean;
}

export interface UserUpdate {
  displayName?: string | null;
  role?: string;
  password?: string;
  disabled?: boolean;
}

const LOGIN_FAILED = 'Wrong user name or password.';
const MAX_DISPLAY_NAME = 120;

/** How a password change is proven: the current password, or the ticket of this session's login. */
export type PasswordChangeProof = { currentPassword: string } | { ticket: string; sessionIdHash: string };

export class UserService {
  readonly #hasher: PasswordHasher;
  readonly #tickets: PasswordChangeTickets;
  readonly #clock: () => Date;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly db: Db,
    options: UserServiceOptions = {},
  ) {
    this.#hasher = options.hasher ?? new PasswordHasher();
    this.#clock = options.clock ?? (() => new Date());
    this.#sleep = options.sleep ?? realSleep;
    this.#tickets = new PasswordChangeTickets(this.#clock);
  }

  async add(input: NewUserInput): Promise<{ user: User; oneTimePassword: string | null }> {
    const name = validName(input.name);
    const role = validRole(input.role);
    const displayName = validDisplayName(input.displayName, name);
    const generated = input.password ? null : oneTimePassword();
    const password = input.password ?? generated!;
    if (!generated) assertPassword(name, password, 'password');
    const user = await insertUser(this.db, {
      name,
      displayName,
      role,
      passwordHash: await this.#hasher.hash(password),
      mustChangePassword: input.mustChangePassword ?? true,
    });
    if (!user) throw new ConfigError('NAME_TAKEN', `A user named "${name}" already exists.`);
    return { user, oneTimePassword: generated };
  }

  /**
   * First start (`kontor serve`, `kontor demo`): without any user, creates the administrator "admin" with a
   * one-time password and returns it; null when there are users already (also when another process won).
   */
  async ensureFirstAdministrator(): Promise<{ name: string; password: string } | null> {
    if ((await countUsers(this.db)) > 0) return null;
    const password = oneTimePassword();
    const user = await insertFirstUser(this.db, {
      name: FIRST_ADMINISTRATOR,
      displayName: 'Administrator',
      role: 'administrator',
      passwordHash: await this.#hasher.hash(password),
      mustChangePassword: true,
    });
    return user ? { name: user.name, password } : null;
  }

  async list(): Promise<User[]> {
    return await listUsers(this.db);
  }

  async exists(name: string): Promise<boolean> {
    return (await getUser(this.db, name)) !== null;
  }

  async get(name: string): Promise<User> {
    const user = await getUser(this.db, name);
    if (!user) throw new NotFoundError('User', name);
    return user;
  }

  /**
   * An administrator (`actor`) changes a user. A new password is one the user must change at the next login;
   * it and disabling end the user's sessions. Nobody removes their own administrator role or disables themselves.
   */
  async update(actor: string, name: string, update: UserUpdate): Promise<User> {
    const current = await this.get(name);
    const changes: UserChanges = {};
    if (update.displayName !== undefined) changes.displayName = validDisplayName(update.displayName, name);
    if (update.role !== undefined) {
      changes.role = validRole(update.role);
      if (current.name === actor && changes.role !== 'administrator')
        throw fieldError('You cannot remove your own administrator role.', 'role');
    }
    if (update.disabled !== undefined) {
      if (current.name === actor && update.disabled)
        throw fieldError('You cannot disable yourself.', 'disabled');
      changes.disabled = update.disabled;
    }
    if (update.password !== undefined) {
      assertPassword(name, update.password, 'password');
      changes.passwordHash = await this.#hasher.hash(update.password);
      changes.mustChangePassword = true;
    }
    const user = await this.db.transaction(async (tx) => {
      const user = await updateUser(tx, name, changes);
      if (user && (changes.passwordHash || changes.disabled)) await deleteSessionsOf(tx, name, null);
      return user;
    });
    if (!user) throw new NotFoundError('User', name);
    return user;
  }

  /** One's own web UI language (`en`, `de`, `pl`); null: follow the browser's languages. */
  async setUiLanguage(name: string, language: string | null): Promise<User> {
    if (language !== null && !isUiLanguage(language))
      throw fieldError(
        `The language "${language}" is not one of the web UI's languages (${UI_LANGUAGES.join(', ')}).`,
        'language',
      );
    const user = await setUiLanguage(this.db, name, language);
    if (!user) throw new NotFoundError('User', name);
    return user;
  }

  /** A new one-time password (`kontor user passwd`): the user must change it; their sessions end. */
  async resetPassword(name: string): Promise<string> {
    await this.get(name);
    const password = oneTimePassword();
    const passwordHash = await this.#hasher.hash(password);
    await this.db.transaction(async (tx) => {
      await updateUser(tx, name, { passwordHash, mustChangePassword: true });
      await deleteSessionsOf(tx, name, null);
    });
    return password;
  }

  /**
   * Checks name and password; throws LOGIN_FAILED (the same for an unknown name), LOGIN_THROTTLED or LOGIN_BUSY.
   * The attempt is counted (per name and client, login-throttle.ts) before the password is verified, so
   * parallel attempts cannot pass the throttle; a known client over the limit waits instead.
   */
  async login(name: string, password: string, client: LoginClient = LOCAL_CLIENT): Promise<User> {
    // A flood is refused before it costs database work; a browser with a known-client cookie may go on.
    this.#hasher.assertRoom({ priority: Boolean(client.knownClientId) });
    const now = this.#clock();
    const subject = await this.#countAttempt(name, client, now);
    const found = await findLogin(this.db, name);
    const priority = { priority: subject.known };
    const ok = found
      ? await this.#hasher.verify(found.passwordHash, password, priority)
      : await this.#hasher.verifyNothing(password, priority);
    if (!found || !ok || found.user.disabled) throw new AuthError('LOGIN_FAILED', LOGIN_FAILED);
    await clearFailures(this.db, subject);
    await recordLogin(this.db, found.user.name, now);
    return { ...found.user, lastLoginAt: now.toISOString() };
  }

  /** Counts a login attempt of the name at the client: throws LOGIN_THROTTLED, or waits for a known client. */
  async #countAttempt(name: string, client: LoginClient, now: Date): Promise<ThrottleSubject> {
    const subject = await throttleSubject(this.db, name, client, now);
    const delayMs = await countAttempt(this.db, subject, now);
    if (delayMs > 0) await this.#sleep(delayMs);
    return subject;
  }

  /** After a successful login: the client is known as the user; returns the id for its `kontor_client` cookie. */
  async rememberClient(userName: string, knownClientId: string | null | undefined): Promise<string> {
    return await rememberClient(this.db, userName, knownClientId, this.#clock());
  }

  /**
   * After a login that verified a one-time password (the user must change it): a ticket for the change in
   * this session, so that the forced password change need not ask for the one-time password again.
   */
  passwordChangeTicket(name: string, sessionIdHash: string): string {
    return this.#tickets.issue(name, sessionIdHash);
  }

  /**
   * The user changes their own password, proving it with the current password or with the ticket of the
   * login of this session (password-change-tickets.ts). A wrong current password counts as a failed login
   * (throttled alike); a ticket that is unknown or expired asks for the current password (field
   * currentPassword). The new one must follow the rules and differ from the current one.
   */
  async changePassword(
    name: string,
    proof: string | PasswordChangeProof,
    newPassword: string,
    client: LoginClient = LOCAL_CLIENT,
  ): Promise<User> {
    const given = typeof proof === 'string' ? { currentPassword: proof } : proof;
    const now = this.#clock();
    const subject = await this.#countAttempt(name, client, now);
    const found = await findLogin(this.db, name);
    if (!found) throw new NotFoundError('User', name);
    const priority = { priority: subject.known };
    if ('ticket' in given) {
      if (!this.#tickets.holds(given.ticket, found.user.name, given.sessionIdHash))
        throw fieldError(
          'Enter your one-time password again: the login it came with is too long ago or from another server.',
          'currentPassword',
        );
    } else if (!(await this.#hasher.verify(found.passwordHash, given.currentPassword, priority)))
      throw fieldError('The current password is wrong.', 'currentPassword');
    await clearFailures(this.db, subject);
    assertPassword(found.user.name, newPassword, 'newPassword');
    const same =
      'ticket' in given
        ? await this.#hasher.verify(found.passwordHash, newPassword, priority)
        : newPassword === given.currentPassword;
    if (same) throw fieldError('The new password must differ from the current one.', 'newPassword');
    const user = await updateUser(this.db, found.user.name, {
      passwordHash: await this.#hasher.hash(newPassword),
      mustChangePassword: false,
    });
    if (!user) throw new NotFoundError('User', name);
    if ('ticket' in given) this.#tickets.redeem(given.ticket);
    return user;
  }
}

function validName(value: string): string {
  const name = value.trim();
  try {
    return assertName('User', name);
  } catch (error) {
    throw fieldError((error as Error).message, 'name');
  }
}

function validRole(value: string): Role {
  if (isRole(value)) return value;
  throw fieldError(`Role "${value}" is not one of: administrator, user.`, 'role');
}

function validDisplayName(value: string | null | undefined, name: string): string {
  const displayName = value?.trim() || name;
  if (displayName.length > MAX_DISPLAY_NAME || /\p{Cc}/u.test(displayName))
    throw fieldError(
      `The display name must be at most ${MAX_DISPLAY_NAME} characters without control characters.`,
      'displayName',
    );
  return displayName;
}
