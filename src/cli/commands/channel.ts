/** `kontor channel add|edit|list|test`: the Sales channels application. */
import type { Command } from 'commander';
import { formatMatchRules, parseMatchRules } from '../../domain/match-rules.ts';
import { CHANNEL_TYPE_LABELS } from '../../domain/sales-channel.ts';
import type { AppContext } from '../app-context.ts';
import { EXIT } from '../exit-codes.ts';
import { collectKey, collectSetting } from '../options.ts';
import { formatTable } from '../table.ts';

interface AddOptions {
  adapter: string;
  type: string;
  url: string;
  setting?: Record<string, string>;
  customerApproval?: boolean;
  pseudoPartner?: string;
  match?: string;
  json?: boolean;
}

interface EditOptions {
  name?: string;
  type?: string;
  url?: string;
  setting?: Record<string, string>;
  clearSetting?: string[];
  customerApproval?: boolean;
  pseudoPartner?: string | false;
  match?: string;
  json?: boolean;
}

const MATCH_HELP =
  'matching rules in their order, e.g. tax-id,email (out of tax-id, email, phone), or none: a customer without a link is linked to the one existing partner of its type with the same key';

export function registerChannelCommands(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  const channel = program.command('channel').description('sales channels: add, edit, list, show, test');

  channel
    .command('add <name>')
    .description('create a sales channel')
    .requiredOption('--adapter <kind>', 'adapter kind, e.g. magento')
    .requiredOption('--type <type>', 'channel type: b2c, b2b or b2b-b2c')
    .requiredOption('--url <base-url>', "the shop's base URL")
    .option('--setting <key=value>', 'adapter setting (repeatable), e.g. token=...', collectSetting)
    .option('--customer-approval', 'B2B tab: new B2B partners are Released instead of Blocked')
    .option('--pseudo-partner <number>', 'B2C tab: use this pseudo partner for occasional customers')
    .option('--match <rules>', `${MATCH_HELP} (default: none)`)
    .option('--json', 'print the channel as JSON')
    .action(async (name: string, options: AddOptions) => {
      const service = await context().channels();
      const created = await service.add({
        name,
        adapter: options.adapter,
        type: options.type,
        url: options.url,
        settings: options.setting ?? {},
        customerApproval: options.customerApproval === true,
        pseudoPartnerNumber: options.pseudoPartner ?? null,
        matchRules: options.match === undefined ? [] : parseMatchRules(options.match),
      });
      const { output } = context();
      if (options.json) output.out(JSON.stringify(created, null, 2));
      else
        output.out(
          `Sales channel "${created.name}" created (${created.adapter}, ${CHANNEL_TYPE_LABELS[created.type]}, ${created.url}).`,
        );
    });

  channel
    .command('edit <name>')
    .description(
      'edit a sales channel: only the options given change (the adapter stays); --setting key= unsets a setting, secrets stay unless given or cleared with --clear-setting',
    )
    .option('--name <new-name>', 'rename the channel')
    .option('--type <type>', 'channel type: b2c, b2b or b2b-b2c')
    .option('--url <base-url>', "the shop's base URL")
    .option('--setting <key=value>', 'adapter setting (repeatable)', collectSetting)
    .option('--clear-setting <key>', 'remove a secret setting (repeatable)', collectKey)
    .option('--customer-approval', 'B2B tab: new B2B partners are Released instead of Blocked')
    .option('--no-customer-approval', 'B2B tab: new B2B partners are Blocked')
    .option('--pseudo-partner <number>', 'B2C tab: use this pseudo partner for occasional customers')
    .option('--no-pseudo-partner', 'B2C tab: do not use a pseudo partner')
    .option('--match <rules>', MATCH_HELP)
    .option('--json', 'print the channel as JSON')
    .action(async (name: string, options: EditOptions) => {
      const service = await context().channels();
      const current = await service.getPublic(name);
      const edited = await service.update(name, {
        name: options.name ?? current.name,
        type: options.type ?? current.type,
        url: options.url ?? current.url,
        // Secret settings are not shown, so not passed: they keep their value unless given.
        settings: { ...current.settings, ...options.setting },
        clearSecrets: options.clearSetting ?? [],
        customerApproval: options.customerApproval ?? current.customerApproval,
        pseudoPartnerNumber:
          options.pseudoPartner === undefined
            ? current.pseudoPartnerNumber
            : options.pseudoPartner === false
              ? null
              : options.pseudoPartner,
        matchRules: options.match === undefined ? current.matchRules : parseMatchRules(options.match),
      });
      const { output } = context();
      if (options.json) output.out(JSON.stringify(edited, null, 2));
      else
        output.out(
          `Sales channel "${edited.name}" saved (${edited.adapter}, ${CHANNEL_TYPE_LABELS[edited.type]}, ${edited.url}).`,
        );
    });

  channel
    .command('list')
    .description('list sales channels (secret settings are never shown)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const services = await context().services();
      const open = await services.records.openCounts();
      const channels = (await services.channels.list()).map((channel) => ({
        ...channel,
        openRecords: open.get(channel.id) ?? 0,
      }));
      const { output } = context();
      if (options.json) {
        output.out(JSON.stringify(channels, null, 2));
        return;
      }
      if (channels.length === 0) {
        output.out(
          'No sales channels yet. Create one with: kontor channel add <name> --adapter ... --type ... --url ...',
        );
        return;
      }
      output.out(
        formatTable(
          [
            'Name',
            'Adapter',
            'Type',
            'URL',
            'Customer approval',
            'Matching',
            'Last transfer',
            'Open records',
          ],
          channels.map((c) => [
            c.name,
            c.adapter,
            CHANNEL_TYPE_LABELS[c.type],
            c.url,
            c.customerApproval ? 'yes' : 'no',
            formatMatchRules(c.matchRules),
            c.watermark ?? '-',
            String(c.openRecords),
          ]),
        ),
      );
    });

  channel
    .command('show <name>')
    .description('show one sales channel (secret settings are never shown)')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const services = await context().services();
      const shown = await services.channels.getPublic(name);
      const openRecords = (await services.records.openCounts()).get(shown.id) ?? 0;
      const { output } = context();
      if (options.json) {
        output.out(JSON.stringify({ ...shown, openRecords }, null, 2));
        return;
      }
      const secrets = shown.secretsSet.map((key) => `${key}=(set)`);
      const settings = [
        ...Object.entries(shown.settings).map(([key, value]) => `${key}=${value}`),
        ...secrets,
      ];
      const lines: Array<[string, string]> = [
        ['Name', shown.name],
        ['Adapter', shown.adapterLabel],
        ['Type', CHANNEL_TYPE_LABELS[shown.type]],
        ['URL', shown.url],
        ['Settings', settings.join(', ') || '-'],
        ['Customer approval', shown.customerApproval ? 'yes' : 'no'],
        ['Pseudo partner', shown.pseudoPartnerNumber ?? '-'],
        ['Matching', formatMatchRules(shown.matchRules)],
        ['Last transfer', shown.watermark ?? '-'],
        ['Open records', String(openRecords)],
      ];
      output.out(lines.map(([label, value]) => `${`${label}:`.padEnd(19)}${value}`).join('\n'));
    });

  channel
    .command('test <name>')
    .description('test the connection to a sales channel')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const service = await context().channels();
      const { output } = context();
      await service.get(name);
      try {
        const result = await service.test(name, AbortSignal.timeout(60_000));
        if (options.json) output.out(JSON.stringify({ channel: name, ...result }));
        else output.out(result.message);
        if (!result.ok) setExitCode(EXIT.failed);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const code = (error as { code?: string }).code ?? 'INTERNAL';
        if (options.json) output.out(JSON.stringify({ channel: name, ok: false, code, message: reason }));
        else output.err(`kontor: Connection to sales channel "${name}" failed: ${reason}`);
        setExitCode(EXIT.failed);
      }
    });
}
