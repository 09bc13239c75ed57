/**
 * The Kontor user a command from the shell acts for: jobs it files belong to that user and notify them.
 * `--user`, else the default (KONTOR_USER, or "user" in kontor.json), else the OS user; it must be a Kontor
 * user, and the error says how to name or create one.
 */
import { InvalidInputError } from '../domain/errors.ts';
import type { AppContext } from './app-context.ts';
import { osUser } from './batch-options.ts';
import { envFlag } from './env-flag.ts';

/** The variable (and kontor.json's `knownUsersOnly`) that refuses jobs for names that are no Kontor user. */
export const KNOWN_USERS_ONLY = 'KONTOR_KNOWN_USERS_ONLY';

/** Whose the shell is, without checking it: `--user`, else KONTOR_USER / kontor.json, else the OS user. */
export function shellUserName(
  app: AppContext,
  given: string | undefined,
): { name: string; from: '--user' | 'default' | 'os' } {
  if (given !== undefined) return { name: given, from: '--user' };
  const configured = app.env.KONTOR_USER?.trim();
  if (configured) return { name: configured, from: 'default' };
  return { name: osUser(), from: 'os' };
}

/**
 * The user jobs filed now belong to. A name that is no Kontor user is refused when the installation says so
 * (`knownUsersOnly` in kontor.json, or KONTOR_KNOWN_USERS_ONLY); by default it is still taken, because the CLI
 * contract of DESIGN.md files jobs for any `--user` and scripts written against it create no users, with a
 * warning on stderr that says how to make it one: until then nobody can log in to see its notifications.
 */
export async function shellUser(app: AppContext, given: string | undefined): Promise<string> {
  const { name, from } = shellUserName(app, given);
  if (await (await app.services()).users.exists(name)) return name;
  const create = `create it with: kontor user add ${name}`;
  if (envFlag(app.env, KNOWN_USERS_ONLY)) {
    const what = {
      '--user': `--user "${name}"`,
      default: `The default user "${name}"`,
      os: `"${name}" (the OS user)`,
    };
    throw new InvalidInputError(
      `${what[from]} is not a Kontor user, and this installation files jobs for Kontor users only (${KNOWN_USERS_ONLY}): name an existing one (kontor user list), or ${create}.`,
    );
  }
  const which = {
    '--user': `--user "${name}" is not a Kontor user: the job is filed for it, but nobody can log in to see its notifications; name an existing one (kontor user list), or ${create}.`,
    default: `The default user "${name}" (KONTOR_USER, or "user" in kontor.json) is not a Kontor user: the job is filed for it; ${create}, or set another.`,
    os: `Jobs filed from the shell belong to a Kontor user, and "${name}" (the OS user) is none: the job is filed for it; name one with --user <name>, set the default with "user" in kontor.json (or KONTOR_USER), or ${create}.`,
  }[from];
  app.output.err(`kontor: warning: ${which}`);
  return name;
}
