/**
 * `kontor records list|confirm|ignore|retry|link|create-new`: open records, the records runs did not import (DESIGN.md 5,
 * docs/import-rules.md "Open records"). The actions exit 0 when every record was handled, 1 when some could not
 * be (each named on stderr with the reason), 2 on invalid input.
 */
import { type Command, Option } from 'commander';
import { KontorError } from '../../domain/errors.ts';
import type { RecordActionResult } from '../../domain/open-record.ts';
import {
  OPEN_RECORD_ACTIONS,
  OPEN_RECORD_STATES,
  type OpenRecord,
  type OpenRecordAction,
  type OpenRecordState,
} from '../../domain/open-record.ts';
import type { RecordActionRequest } from '../../import/open-record-service.ts';
import type { AppContext } from '../app-context.ts';
import { osUser } from '../batch-options.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable } from '../table.ts';

interface ListOptions {
  channel?: string;
  state?: OpenRecordState;
  code?: string;
  json?: boolean;
}

interface ActionOptions {
  channel: string;
  user?: string;
  json?: boolean;
}

const DESCRIPTIONS: Record<OpenRecordAction, string> = {
  confirm:
    'import records awaiting confirmation now, from the kept record, with their warnings confirmed (no read)',
  ignore: 'close records without importing them (still listed as ignored, by whom and when)',
  retry: 'read the customers again from the shop by id and import those now valid',
};

const DONE: Record<OpenRecordAction, string> = { confirm: 'Confirmed', ignore: 'Ignored', retry: 'Imported' };

/** The CLI contract's fields (DESIGN.md 5), in this order. */
function contractView(record: OpenRecord) {
  const { channel, externalId, email, level, codes, message, state, firstSeenAt, lastSeenAt, runId } = record;
  return { channel, externalId, email, level, codes, message, state, firstSeenAt, lastSeenAt, runId };
}

export function registerRecordCommands(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  const records = program
    .command('records')
    .description(
      'records runs did not import (open records): list, confirm, ignore, retry; review matches: link, create-new',
    );
  records
    .command('list')
    .description('list records not imported, last seen first')
    .option('--channel <name>', 'only this sales channel')
    .addOption(new Option('--state <state>', 'only records in this state').choices([...OPEN_RECORD_STATES]))
    .option('--code <CODE>', 'only records with this error or warning code')
    .option('--json', 'print a JSON array')
    .action(async (options: ListOptions) => {
      const app = context();
      const { records: list } = await (await app.services()).records.list({
        ...(options.channel ? { channel: options.channel } : {}),
        ...(options.state ? { state: options.state } : {}),
        ...(options.code ? { code: options.code } : {}),
      });
      if (options.json) {
        app.output.out(JSON.stringify(list.map(contractView), null, 2));
        return;
      }
      if (list.length === 0) {
        app.output.out('No records match.');
        return;
      }
      app.output.out(
        formatTable(
          [
            'Channel',
            'External id',
            'E-mail',
            'Level',
            'Codes',
            'State',
            'Last seen',
            'Run',
            'By',
            'Message',
          ],
          list.map((r) => [
            r.channel,
            r.externalId,
            r.email ?? '',
            r.level,
            r.codes.join(','),
            r.state,
            r.lastSeenAt,
            r.runId === null ? '' : String(r.runId),
            r.resolvedBy ?? '',
            r.message,
          ]),
        ),
      );
      app.output.out(`${list.length} record(s).`);
    });

  const report = (
    externalIds: string[],
    options: ActionOptions,
    done: string,
    act: (request: RecordActionRequest) => Promise<RecordActionResult>,
  ) => reportAction(context(), setExitCode, externalIds, options, done, act);

  for (const action of OPEN_RECORD_ACTIONS) {
    records
      .command(`${action} <externalId...>`)
      .description(DESCRIPTIONS[action])
      .requiredOption('--channel <name>', 'the sales channel of the records')
      .option('--user <name>', 'who acts (default: the OS user)')
      .option('--json', 'print { handled, failed, runId }')
      .action(async (externalIds: string[], options: ActionOptions) => {
        const services = await context().services();
        await report(externalIds, options, DONE[action], (request) => services.records.run(action, request));
      });
  }

  records
    .command('link <externalId>')
    .description(
      'import a kept record (e.g. MATCH_AMBIGUOUS) onto an existing partner of its type that the channel does not link yet',
    )
    .requiredOption('--channel <name>', 'the sales channel of the record')
    .requiredOption('--partner <number>', 'the partner to link the customer to')
    .option('--user <name>', 'who acts (default: the OS user)')
    .option('--json', 'print { handled, failed, runId }')
    .action(async (externalId: string, options: ActionOptions & { partner: string }) => {
      const services = await context().services();
      await report([externalId], options, 'Linked', (request) =>
        services.records.link({ ...request, partner: options.partner }),
      );
    });

  records
    .command('create-new <externalId...>')
    .description('import kept records (e.g. MATCH_AMBIGUOUS) as new partners, their warnings confirmed')
    .requiredOption('--channel <name>', 'the sales channel of the records')
    .option('--user <name>', 'who acts (default: the OS user)')
    .option('--json', 'print { handled, failed, runId }')
    .action(async (externalIds: string[], options: ActionOptions) => {
      const services = await context().services();
      await report(externalIds, options, 'Created', (request) => services.records.createNew(request));
    });
}

/** Runs an action and reports it: exit 0 when every record was handled, 1 when some were not (named on stderr). */
async function reportAction(
  app: AppContext,
  setExitCode: (code: number) => void,
  externalIds: string[],
  options: ActionOptions,
  done: string,
  act: (request: RecordActionRequest) => Promise<RecordActionResult>,
): Promise<void> {
  const result = await act({ channel: options.channel, externalIds, by: options.user ?? osUser() }).catch(
    (error: unknown) => {
      // A channel busy with another import: nothing was handled, which is no invalid input (exit 1).
      if (!(error instanceof KontorError) || error.code !== 'IMPORT_RUNNING') throw error;
      app.output.err(`kontor: ${error.message} No record was handled; try again when it has ended.`);
      return null;
    },
  );
  if (result === null) {
    setExitCode(EXIT.failed);
    return;
  }
  if (options.json) app.output.out(JSON.stringify(result, null, 2));
  else {
    const run = result.runId === null ? '' : ` (import run ${result.runId})`;
    app.output.out(`${done} ${result.handled.length} of ${externalIds.length} record(s)${run}.`);
  }
  for (const item of result.failed) app.output.err(`kontor: ${item.externalId}: ${item.message}`);
  setExitCode(result.failed.length === 0 ? EXIT.ok : EXIT.failed);
}
