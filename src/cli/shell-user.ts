/**
 * The Kontor user a command from the shell acts for: jobs it files belong to that user and notify them.
 * `--user`, else the default (KONTOR_USER, or "user" in kontor.json), else the OS user; it must be a Kontor
 * user, and the error says how to name or create one.
 */
import { InvalidInputError } from '../domain/errors.ts';
import type { AppContext } from './app-context.ts';
import { osUser } from './batch-options.ts';

/** Whose the shell is, without checking it: `--user`, else KONTOR_USER / kontor.json, else the OS user. */
export function shellUserName(app: AppContext, given: string | undefined): { name: string; from: string } {
  if (given !== undefined) return { name: given, from: '--user' };
  const configured = app.env.KONTOR_USER?.trim();
  if (configured) return { name: configured, from: 'default' };
  return { name: osUser(), from: 'os' };
}

/** The user jobs filed now belong to; an InvalidInputError (exit 2) when it is no Kontor user. */
export async function shellUser(app: AppContext, given: string | undefined): Promise<string> {
  const { name, from } = shellUserName(app, given);
  if (await (await app.services()).users.exists(name)) return name;
  const create = `create it with: kontor user add ${name}`;
  const which = {
    '--user': `--user "${name}" is not a Kontor user: name an existing one (kontor user list), or ${create}.`,
    default: `The default user "${name}" (KONTOR_USER, or "user" in kontor.json) is not a Kontor user: ${create}, or set another.`,
    os: `Jobs filed from the shell belong to a Kontor user, and "${name}" (the OS user) is none. Name one with --user <name>, set the default with "user" in kontor.json (or KONTOR_USER), or ${create}.`,
  }[from];
  throw new InvalidInputError(which ?? `"${name}" is not a Kontor user.`);
}
