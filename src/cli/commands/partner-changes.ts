/**
 * `kontor partners release|block|merge|merges`: what a user decides about partners (imports never change a
 * status), recorded in the partners' history with who did it (docs/import-rules.md "Merging").
 */
import type { Command } from 'commander';
import type { PartnerMerge } from '../../domain/partner-history.ts';
import type { AppContext } from '../app-context.ts';
import { osUser } from '../batch-options.ts';
import { formatTable } from '../table.ts';

interface ByOptions {
  user?: string;
  json?: boolean;
}

export function registerPartnerChangeCommands(partners: Command, context: () => AppContext): void {
  for (const [action, status] of [
    ['release', 'Released'],
    ['block', 'Blocked'],
  ] as const) {
    partners
      .command(`${action} <number>`)
      .description(`${action} a partner (status ${status}), recorded in its history with who did it`)
      .option('--user <name>', 'who decides (default: the OS user)')
      .option('--json', 'print the partner JSON')
      .action(async (number: string, options: ByOptions) => {
        const app = context();
        const partner = await (await app.services()).partners.setStatus(
          number,
          status,
          options.user ?? osUser(),
        );
        app.output.out(
          options.json
            ? JSON.stringify(partner, null, 2)
            : `Partner ${partner.number} ${partner.name}: ${status}.`,
        );
      });
  }

  partners
    .command('merge <keep> <remove>')
    .description(
      'merge partner <remove> into partner <keep>: its links, addresses and contacts move; it stays as merged',
    )
    .option('--user <name>', 'who merges (default: the OS user)')
    .option('--json', 'print the merge { kept, removed, at, by, moved }')
    .action(async (keep: string, remove: string, options: ByOptions) => {
      const app = context();
      const merge = await (await app.services()).partners.merge(keep, remove, options.user ?? osUser());
      app.output.out(options.json ? JSON.stringify(merge, null, 2) : describeMerge(merge));
    });

  partners
    .command('merges')
    .description('list the merges of partners, newest first')
    .option('--json', 'print a JSON array of { kept, removed, at, by, moved }')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const merges = await (await app.services()).partners.merges();
      if (options.json) {
        app.output.out(JSON.stringify(merges, null, 2));
        return;
      }
      if (merges.length === 0) {
        app.output.out('No partners merged yet. Merge two with: kontor partners merge <keep> <remove>');
        return;
      }
      app.output.out(
        formatTable(
          ['Kept', 'Merged', 'When', 'By', 'Links', 'Addresses', 'Contacts'],
          merges.map((m) => [
            m.kept,
            m.removed,
            m.at,
            m.by,
            String(m.moved.links),
            String(m.moved.addresses),
            String(m.moved.contacts),
          ]),
        ),
      );
    });
}

function describeMerge(merge: PartnerMerge): string {
  const { links, addresses, contacts } = merge.moved;
  return (
    `Partner ${merge.removed} merged into partner ${merge.kept}: ${links} link(s), ${addresses} address(es) and ` +
    `${contacts} contact(s) moved. Partner ${merge.removed} stays as merged (kontor partners show ${merge.removed}).`
  );
}
