/** `kontor partners list|show`: the partner master as the Sales channel partners cockpit sees it. */
import { type Command, Option } from 'commander';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import type { Partner, PartnerStatus, PartnerType } from '../../domain/partner.ts';
import type { AppContext } from '../app-context.ts';
import { formatTable } from '../table.ts';
import { registerPartnerChangeCommands } from './partner-changes.ts';
import { historyLines } from './partner-history-text.ts';

interface ListOptions {
  channel?: string;
  search?: string;
  type?: string;
  status?: string;
  deleted?: 'yes' | 'no';
  merged?: 'include' | 'only';
  run?: string;
  job?: string;
  json?: boolean;
}

export function registerPartnerCommands(
  program: Command,
  context: () => AppContext,
  _setExitCode: (code: number) => void,
): void {
  const partners = program
    .command('partners')
    .description('the partner master: list, show, release, block, merge');
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
    .addOption(
      new Option(
        '--merged <include|only>',
        'merged partners are left out: include them, or only them',
      ).choices(['include', 'only']),
    )
    .option('--run <id>', 'only partners this import run created or changed')
    .option('--job <id or name>', 'only partners a run of this batch job created or changed')
    .option('--json', 'print a JSON array of partners')
    .action(async (options: ListOptions) => {
      const app = context();
      const run = options.run === undefined ? undefined : Number(options.run);
      if (run !== undefined && (!Number.isSafeInteger(run) || run < 1))
        throw new InvalidInputError(`--run "${options.run}" is not an import run id (a whole number).`, {
          field: 'run',
        });
      const list = await (await app.services()).partners.listMatching({
        q: options.search,
        channel: options.channel,
        type: options.type?.toUpperCase() as PartnerType | undefined,
        status: capitalised(options.status) as PartnerStatus | undefined,
        deleted: options.deleted,
        merged: options.merged,
        run,
        job: options.job,
      });
      if (options.json) {
        app.output.out(JSON.stringify(list.map(partnerJson), null, 2));
        return;
      }
      if (list.length === 0) {
        const filtered = [
          options.search,
          options.type,
          options.status,
          options.deleted,
          options.merged,
          options.run,
          options.job,
        ].some(Boolean);
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
            p.mergedInto ? `merged into ${p.mergedInto}` : p.status,
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
    .description(
      'show one partner: data, addresses, contacts, sales channel links and (--history) its changes',
    )
    .option('--history', 'also its change history: imports (with their run), status changes, merges, links')
    .option(
      '--json',
      'print the partner JSON (with --history: and history: [{ at, by, run?, field, from, to }])',
    )
    .action(async (number: string, options: { json?: boolean; history?: boolean }) => {
      const app = context();
      const services = await app.services();
      const partner = await services.partners.get(number);
      if (!partner) throw new NotFoundError('Partner', number);
      const history = options.history ? await services.partners.history(number) : null;
      if (options.json) {
        const shown = partnerJson(partner);
        app.output.out(JSON.stringify(history ? { ...shown, history } : shown, null, 2));
        return;
      }
      app.output.out([describe(partner), ...(history ? historyLines(history) : [])].join('\n'));
    });

  registerPartnerChangeCommands(partners, context);
}

function capitalised(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

function describe(p: Partner): string {
  const fields: Array<[string, string]> = [
    ['Partner', `${p.number} ${p.name}`],
    ['Type / status', `${p.type}, ${p.status}${p.mergedInto ? `, merged into ${p.mergedInto}` : ''}`],
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

/**
 * The partner JSON of the contract (DESIGN.md section 5) exactly, and `mergedInto` (the survivor's number) on a
 * partner that was merged into another one only.
 */
function partnerJson(partner: Partner): Omit<Partner, 'mergedInto'> & { mergedInto?: string } {
  const { mergedInto, ...contract } = partner;
  return mergedInto === null ? contract : { ...contract, mergedInto };
}
