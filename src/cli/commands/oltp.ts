/** `kontor oltp add|list|remove`: the OLTP databases of the installation (docs/development.md "OLTP databases"). */
import type { Command } from 'commander';
import { OltpService } from '../../oltp/oltp-service.ts';
import type { AppContext } from '../app-context.ts';
import { formatTable } from '../table.ts';

export function registerOltpCommands(program: Command, context: () => AppContext): void {
  const oltp = program.command('oltp').description('OLTP databases (PROD, TEST, ...): add, list, remove');
  // These work on the installation, not on one OLTP database: a --oltp naming a removed one does not stop them.
  const service = async (app: AppContext) => new OltpService(await app.baseDatabase());
  oltp
    .command('add <name>')
    .description('create an OLTP database with its own, empty partners, channels and history')
    .option('--language <tag>', 'its content language (default: en)')
    .action(async (name: string, options: { language?: string }) => {
      const app = context();
      const added = await (await service(app)).add(name, options.language ?? 'en');
      app.output.out(
        `OLTP database "${added.name}" created (content language ${added.language}). Use it with --oltp ${added.name}.`,
      );
    });
  oltp
    .command('list')
    .description('list the OLTP databases; the default one (the first created) is used without --oltp')
    .option('--json', 'print a JSON array of { name, language, default }')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const list = await (await service(app)).list();
      if (options.json) {
        app.output.out(JSON.stringify(list, null, 2));
        return;
      }
      app.output.out(
        formatTable(
          ['OLTP database', 'Language', 'Default'],
          list.map((o) => [o.name, o.language, o.default ? 'yes' : '']),
        ),
      );
    });
  oltp
    .command('remove <name>')
    .description(
      'remove an OLTP database with all its data (not the default one, not while it has open jobs)',
    )
    .action(async (name: string) => {
      const app = context();
      await (await service(app)).remove(name);
      app.output.out(`OLTP database "${name}" removed.`);
    });
}
