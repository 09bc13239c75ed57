/**
 * `kontor jobs edit <job>`: changes the options given of a planned, released or ready job (Batch settings tab
 * and, for Import customers, the Application tab); the others keep their value.
 */
import type { Command } from 'commander';
import { IMPORT_CUSTOMERS } from '../../batch/applications/import-customers-app.ts';
import type { EditJobInput } from '../../batch/job-service.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { AppContext } from '../app-context.ts';
import {
  addBatchEditOptions,
  type BatchOptions,
  batchOptionsGiven,
  mergeBatchSettings,
} from '../batch-options.ts';
import {
  addImportOptions,
  type ImportOptions,
  importOptionsGiven,
  mergeImportSettings,
} from '../import-options.ts';
import { shellUser } from '../shell-user.ts';

type EditOptions = BatchOptions & ImportOptions & { json?: boolean };

export function registerJobEditCommand(jobs: Command, context: () => AppContext): void {
  const command = jobs
    .command('edit <job>')
    .description(
      'edit a planned, released or ready job (id or name): only the options given change; "" clears a value',
    )
    .option('--channel <name>', 'Import customers: the sales channel');
  addImportOptions(command, true);
  addBatchEditOptions(command)
    .option('--json', 'print the job as JSON')
    .action(async (ref: string, options: EditOptions, self: Command) => {
      const given = (key: string) => self.getOptionValueSource(key) === 'cli';
      const app = context();
      const service = await app.jobs();
      const job = await service.show(ref);
      const input: EditJobInput = {};
      if (importOptionsGiven(given)) {
        if (job.application !== IMPORT_CUSTOMERS)
          throw new InvalidInputError(
            `Batch job ${job.id} is a "${job.application}" job; its settings have no Import customers options.`,
          );
        input.settings = mergeImportSettings(job.settings, options, given);
      }
      if (batchOptionsGiven(given)) input.batch = mergeBatchSettings(job, options, given);
      // A new owner must be a Kontor user, as for a job filed from the shell.
      if (input.batch && given('user')) input.batch.user = await shellUser(app, options.user);
      if (input.settings === undefined && input.batch === undefined)
        throw new InvalidInputError(
          'Nothing to change: give the options to change (see kontor jobs edit --help).',
        );
      const edited = await service.edit(String(job.id), input);
      if (options.json) app.output.out(JSON.stringify(edited, null, 2));
      else
        app.output.out(
          `Batch job ${edited.id} "${edited.name}" edited: ${edited.state}${edited.dueAt ? `, due ${edited.dueAt}` : ''}.`,
        );
    });
}
