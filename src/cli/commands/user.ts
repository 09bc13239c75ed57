/** `kontor user add|list|passwd`: users of the web UI and the HTTP API. */
import { type Command, Option } from 'commander';
import { InvalidInputError } from '../../domain/errors.ts';
import { ROLES } from '../../domain/user.ts';
import type { AppContext } from '../app-context.ts';
import { readStdin } from '../read-stdin.ts';
import { formatTable } from '../table.ts';

interface AddOptions {
  role: string;
  displayName?: string;
  passwordStdin?: boolean;
}

export function registerUserCommands(program: Command, context: () => AppContext): void {
  const user = program.command('user').description('users of the web UI and HTTP API: add, list, passwd');

  user
    .command('add <name>')
    .description('create a user; without --password-stdin it gets a one-time password (printed once)')
    .addOption(new Option('--role <role>', 'administrator or user').choices([...ROLES]).default('user'))
    .option('--display-name <text>', 'the name shown in the web UI (default: the user name)')
    .option('--password-stdin', 'read the password from standard input (at least 10 characters)')
    .action(async (name: string, options: AddOptions) => {
      const password = options.passwordStdin ? await readStdin() : null;
      if (options.passwordStdin && !password)
        throw new InvalidInputError('--password-stdin: standard input held no password.');
      const app = context();
      const service = (await app.services()).users;
      const { user: created, oneTimePassword } = await service.add({
        name,
        role: options.role,
        displayName: options.displayName ?? null,
        password,
        mustChangePassword: password === null,
      });
      app.output.out(`User "${created.name}" (${created.role}) created.`);
      if (oneTimePassword) {
        app.output.out(`One-time password: ${oneTimePassword}`);
        app.output.out('It is shown only now; the user chooses their own password at the first login.');
      }
    });

  user
    .command('list')
    .description('list users (never their passwords)')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const users = await (await app.services()).users.list();
      if (options.json) {
        app.output.out(JSON.stringify(users, null, 2));
        return;
      }
      app.output.out(
        formatTable(
          ['User', 'Display name', 'Role', 'Status', 'Last login'],
          users.map((u) => [
            u.name,
            u.displayName,
            u.role,
            u.disabled ? 'disabled' : u.mustChangePassword ? 'must change password' : 'active',
            u.lastLoginAt ?? '-',
          ]),
        ),
      );
    });

  user
    .command('passwd <name>')
    .description('give a user a new one-time password (printed once); their sessions end')
    .action(async (name: string) => {
      const app = context();
      const password = await (await app.services()).users.resetPassword(name);
      app.output.out(`New one-time password of "${name}": ${password}`);
      app.output.out('It is shown only now; the user chooses their own password at the next login.');
    });
}
