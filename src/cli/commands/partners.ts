/** `kontor partners list|show`: the partner master as the Sales channel partners cockpit sees it. */
import { type Command, Option } from 'commander';
import { NotFoundError } from '../../domain/errors.ts';
import type { Partner, PartnerStatus, PartnerType } from '../../domain/partner.ts';
import type { AppContext } from '../app-context.ts';
import { formatTable } from '../table.ts';

interface ListOptions {
  channel?: string;
  search?: string;
  type?: string;
  status?: string;
  deleted?: 'yes' | 'no';
  json?: boolean;
}

export function registerPartnerCommands(
  program: Command,
  context: () => AppContext,
  _setExitCode: (code: number) => void,
): void {
  const partners = program.command('partners').description('the partner master: list, show');
  partners
    .command('list')
    .description('list partners (with --json: the full partner JSON)')
    .option('--channel <name>', 'only partners linked to this sales channel')
    .option('--search <text>', 'number, name, e-mail, company, tax id or city contains this (any case)')
    .addOption(new Option('--type <type>', 'only B2B or B2C partners').choices(['B2B', 'B2C', 'b2b', 'b2c']))
    .addOption(
      new Option('--status <status>', 'only Blocked or Released partners').choices([
        'Blocked',
        'Released',
        'blocked',
        'released',
      ]),
    )
    .addOption(
      new Option(
        '--deleted <yes|no>',
        'yes: partners with a deactivated (deleted) link, of --channel if given; no: without',
      ).choices(['yes', 'no']),
    )
    .option('--json', 'print a JSON array of partners')
    .action(async (options: ListOptions) => {
      const app = context();
      const list = await (await app.services()).partners.listMatching({
        q: options.search,
        channel: options.channel,
        type: options.type?.toUpperCase() as PartnerType | undefined,
        status: capitalised(options.status) as PartnerStatus | undefined,
        deleted: options.deleted,
      });
      if (options.json) {
        app.output.out(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        const filtered = [options.search, options.type, options.status, options.deleted].some(Boolean);
        app.output.out(
          filtered
            ? 'No partners match.'
            : 'No partners yet. Import some with: kontor import-customers --channel <name> --wait',
        );
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

  partners
    .command('show <number>')
    .description('show one partner: data, addresses, contacts and sales channel links')
    .option('--json', 'print the partner JSON')
    .action(async (number: string, options: { json?: boolean }) => {
      const app = context();
      const partner = await (await app.services()).partners.get(number);
      if (!partner) throw new NotFoundError('Partner', number);
      app.output.out(options.json ? JSON.stringify(partner, null, 2) : describe(partner));
    });
}

function capitalised(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

function describe(p: Partner): string {
  const fields: Array<[string, string]> = [
    ['Partner', `${p.number} ${p.name}`],
    ['Type / status', `${p.type}, ${p.status}`],
    ['E-mail', p.email ?? '-'],
    ['Company', p.company ?? '-'],
    ['Tax id', p.taxId ?? '-'],
    ['Phones', p.phones.join(', ') || '-'],
    ['Websites', p.websites.join(', ') || '-'],
    ['Sales tax class.', p.salesTaxClassification ?? '-'],
    ['Sales rep.', p.salesRepresentative ?? '-'],
  ];
  const lines = fields.map(([label, value]) => `${`${label}:`.padEnd(18)}${value}`);
  for (const a of p.addresses) {
    const uses = [a.defaultBilling && 'billing', a.defaultShipping && 'shipping'].filter(Boolean).join(', ');
    const where = [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country];
    lines.push(`${'Address:'.padEnd(18)}${where.filter(Boolean).join(', ')}${uses ? ` (${uses})` : ''}`);
  }
  for (const c of p.contacts) {
    const details = [c.function, c.email, c.phone].filter(Boolean).join(', ');
    lines.push(`${'Contact:'.padEnd(18)}${c.name}${details ? ` (${details})` : ''}`);
  }
  for (const l of p.links) {
    const state = l.active ? 'active' : `deactivated${l.deletedAt ? `, deleted ${l.deletedAt}` : ''}`;
    lines.push(`${'Link:'.padEnd(18)}${l.channel} ${l.externalId}, imported ${l.importedAt}, ${state}`);
  }
  return lines.join('\n');
}
