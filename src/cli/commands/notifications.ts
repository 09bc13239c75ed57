/** `kontor notifications list|ack`: dialogs and workflow tasks for users (the web UI will show them too). */
import type { Command } from 'commander';
import { NotificationService } from '../../batch/notification-service.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { AppContext } from '../app-context.ts';
import { shellUserName } from '../shell-user.ts';
import { formatTable } from '../table.ts';

export function registerNotificationCommands(program: Command, context: () => AppContext): void {
  const notifications = program
    .command('notifications')
    .description('notifications of batch jobs: list, ack');
  notifications
    .command('list')
    .description(
      'open notifications of a user (default: KONTOR_USER or "user" in kontor.json, else the OS user)',
    )
    .option('--user <name>', 'of this user')
    .option('--all-users', 'of every user')
    .option('--all', 'also acknowledged ones')
    .option('--json', 'print a JSON array')
    .action(async (options: { user?: string; allUsers?: boolean; all?: boolean; json?: boolean }) => {
      const app = context();
      const user = options.allUsers ? null : shellUserName(app, options.user).name;
      const list = await new NotificationService(await app.database()).list({ user, all: options.all });
      if (options.json) {
        app.output.out(JSON.stringify(list, null, 2));
        return;
      }
      const kind = options.all ? 'Notifications' : 'Open notifications';
      const whose = user === null ? 'of every user' : `of user "${user}"`;
      if (list.length === 0) {
        const other = user === null ? '' : ' (another user: --user <name>; everyone: --all-users)';
        app.output.out(`${kind} ${whose}: none${other}.`);
        return;
      }
      app.output.out(`${kind} ${whose}:`);
      app.output.out(
        formatTable(
          ['Id', 'User', 'Kind', 'Topic', 'Job', 'Created', 'Title'],
          list.map((n) => [
            String(n.id),
            n.user,
            n.channel,
            n.topic,
            String(n.jobId ?? '-'),
            n.createdAt,
            n.acknowledgedAt ? `${n.title} (acknowledged)` : n.title,
          ]),
        ),
      );
    });
  notifications
    .command('ack <id>')
    .description('acknowledge a notification (close a dialog, complete a workflow task)')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new InvalidInputError(`Notification id "${id}" is not a number.`);
      const app = context();
      await new NotificationService(await app.database()).acknowledge(Number(id));
      app.output.out(`Notification ${id} acknowledged.`);
    });
}
