/** `kontor import-customers`: the Import customers application from the command line. */
import { type Command, Option } from 'commander';
import { InvalidInputError } from '../../domain/errors.ts';
import { runImport } from '../../import/import-service.ts';
import type { ImportRun } from '../../import/run-types.ts';
import { type ChangedSince, parseEmails } from '../../import/selection.ts';
import { getRunLog } from '../../storage/run-store.ts';
import type { AppContext } from '../app-context.ts';
import { EXIT } from '../exit-codes.ts';
import { withInterrupt } from '../interrupt.ts';
import { parseTimestamp } from '../options.ts';
import { formatRunSummary } from '../run-summary.ts';

interface ImportOptions {
  channel: string;
  changedSince?: ChangedSince;
  timestamp?: string;
  emails?: string;
  deactivateDeleted?: boolean;
  confirmAllWarnings?: boolean;
  wait?: boolean;
  json?: boolean;
}

export function registerImportCommand(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('import-customers')
    .description('import customers from a sales channel into the partner master')
    .requiredOption('--channel <name>', 'the sales channel to import from')
    .addOption(
      new Option(
        '--changed-since <when>',
        'which customers: all, those changed since the last transfer, or since --timestamp',
      ).choices(['anytime', 'last-transfer', 'manual']),
    )
    .option('--timestamp <iso>', 'with --changed-since manual: customers changed since then (default: now)')
    .option('--emails <list>', 'By email: only these registration e-mails (comma-separated; Magento, OXID)')
    .option('--deactivate-deleted', 'record the deletion date of customer accounts deleted in the channel')
    .option('--confirm-all-warnings', 'import records with warnings instead of holding them for confirmation')
    .option('--wait', 'run the import in this process and wait for it to end')
    .option('--json', 'print the run as JSON')
    .action(async (options: ImportOptions) => {
      if (options.emails !== undefined && options.changedSince !== undefined) {
        throw new InvalidInputError(
          '--emails selects customers by e-mail and cannot be combined with --changed-since.',
        );
      }
      if (options.timestamp !== undefined && options.changedSince !== 'manual') {
        throw new InvalidInputError('--timestamp needs --changed-since manual.');
      }
      const request = {
        channel: options.channel,
        changedSince: options.changedSince ?? 'last-transfer',
        timestamp: options.timestamp === undefined ? null : parseTimestamp('--timestamp', options.timestamp),
        emails: options.emails === undefined ? null : parseEmails([options.emails]),
        deactivateDeleted: options.deactivateDeleted === true,
        confirmAllWarnings: options.confirmAllWarnings === true,
      };
      if (!options.wait) {
        throw new InvalidInputError(
          'Filing the import as a batch job is not available yet: add --wait to run it in this process.',
        );
      }
      const app = context();
      const db = await app.database();
      const run: ImportRun = await withInterrupt(
        (signal) => runImport({ db, adapters: app.adapters }, request, { signal }),
        () => app.output.err('Stopping after the current page (Ctrl+C again to quit at once) ...'),
      );
      const log = await getRunLog(db, run.id);
      if (options.json) app.output.out(JSON.stringify({ ...run, log }, null, 2));
      else app.output.out(formatRunSummary(run, log));
      setExitCode(run.state === 'finished' && run.counts.errors === 0 ? EXIT.ok : EXIT.failed);
    });
}
