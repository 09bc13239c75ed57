/** `kontor partners list`: the partner master as the Sales channel partners cockpit sees it. */
import type { Command } from 'commander';
import { NotFoundError } from '../../domain/errors.ts';
import { findChannelByName } from '../../storage/channel-store.ts';
import { listPartners } from '../../storage/partner-read-store.ts';
import type { AppContext } from '../app-context.ts';
import { formatTable } from '../table.ts';

export function registerPartnerCommands(
  program: Command,
  context: () => AppContext,
  _setExitCode: (code: number) => void,
): void {
  const partners = program.command('partners').description('the partner master');
  partners
    .command('list')
    .description('list partners (with --json: the full partner JSON)')
    .option('--channel <name>', 'only partners linked to this sales channel')
    .option('--json', 'print a JSON array of partners')
    .action(async (options: { channel?: string; json?: boolean }) => {
      const app = context();
      const db = await app.database();
      if (options.channel !== undefined && !(await findChannelByName(db, options.channel))) {
        throw new NotFoundError('Sales channel', options.channel);
      }
      const list = await listPartners(db, { channel: options.channel });
      if (options.json) {
        app.output.out(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        app.output.out('No partners yet. Import some with: kontor import-customers --channel <name> --wait');
        return;
      }
      app.output.out(
        formatTable(
          ['Number', 'Type', 'Status', 'Name', 'Company', 'E-mail', 'Country'],
          list.map((p) => [
            p.number,
            p.type,
            p.status,
            p.name,
            p.company ?? '',
            p.email ?? '',
            p.addresses[0]?.country ?? '',
          ]),
        ),
      );
      app.output.out(`${list.length} partner(s).`);
    });
}
