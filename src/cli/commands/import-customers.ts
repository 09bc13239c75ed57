/**
 * `kontor import-customers`: the Import customers application from the command line. It files a batch job
 * (Application tab + Batch settings tab as options); with --wait this process runs it as an application
 * server of its own and exits 0 (finished without errors), 1 (errors or failed) or 2 (invalid input).
 */
import type { Command } from 'commander';
import { DEFAULT_TIMING } from '../../batch/app-server.ts';
import { IMPORT_CUSTOMERS } from '../../batch/applications/import-customers-app.ts';
import { runJobNow, waiterName } from '../../batch/run-job-now.ts';
import type { BatchJob } from '../../domain/batch-job.ts';
import type { BatchRun } from '../../domain/batch-run.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { messagesFor } from '../../domain/messages/messages.ts';
import type { AppContext } from '../app-context.ts';
import { type TimingOptions, timingFrom } from '../app-server-runner.ts';
import { addBatchOptions, type BatchOptions, batchSettingsFrom } from '../batch-options.ts';
import { EXIT } from '../exit-codes.ts';
import { addImportOptions, type ImportOptions, importSettingsFrom } from '../import-options.ts';
import { withInterrupt } from '../interrupt.ts';
import { prettyLogger } from '../pretty-logger.ts';
import { formatPreview } from '../preview-summary.ts';
import { formatRunSummary } from '../run-summary.ts';
import { shellUser } from '../shell-user.ts';

interface ImportCommandOptions extends BatchOptions, ImportOptions, TimingOptions {
  channel: string;
  wait?: boolean;
  json?: boolean;
  preview?: boolean;
}

export function registerImportCommand(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('import-customers')
    .description('import customers from a sales channel into the partner master (files a batch job)')
    .requiredOption('--channel <name>', 'the sales channel to import from');
  addImportOptions(command);
  addBatchOptions(command)
    .option('--wait', 'run the job in this process (as an application server) and wait for it to end')
    .option('--json', 'print the job (with --wait: the import run; with --preview: the preview) as JSON')
    .option(
      '--preview',
      'read and plan as the import would and print what it would do per customer; files no job, writes nothing',
    )
    .option('--poll-ms <ms>', "with --wait: look for the job's turn this often (default 5000)")
    .option('--heartbeat-ms <ms>', 'with --wait: heartbeat of this process and its run (default 5000)')
    .option(
      '--lease-seconds <s>',
      'with --wait: the job is given up when this process is silent this long (default 30)',
    )
    .action(async (options: ImportCommandOptions) => {
      if (
        options.wait &&
        (options.release === false || !['add-to-queue', 'at-restart', undefined].includes(options.start))
      ) {
        throw new InvalidInputError(
          '--wait runs the job now: it needs --start add-to-queue or at-restart and no --no-release.',
        );
      }
      if (options.preview) {
        if (options.wait) throw new InvalidInputError('--preview files no job: it does not go with --wait.');
        const app = context();
        const previews = (await app.services()).previews;
        const settings = importSettingsFrom(options);
        const preview = await withInterrupt((signal) => previews.all(settings, signal));
        app.output.out(options.json ? JSON.stringify(preview, null, 2) : formatPreview(preview));
        return;
      }
      const settings = importSettingsFrom(options);
      const timing = { ...DEFAULT_TIMING, ...timingFrom(options) };
      const app = context();
      const db = await app.database();
      await (await app.channels()).getPublic(options.channel); // a wrong channel is named before the user
      const oltp = await app.oltp();
      const batch = { ...batchSettingsFrom(options, oltp.name), user: await shellUser(app, options.user) };
      // With --wait this process is the job's waiter: should it die, the job does not hold its queue.
      const waiter = options.wait
        ? { name: waiterName(batch.appServer), leaseSeconds: timing.leaseSeconds }
        : null;
      const job = await (await app.jobs()).file({ application: IMPORT_CUSTOMERS, settings, batch, waiter });
      if (!options.wait) {
        if (options.json) app.output.out(JSON.stringify(job, null, 2));
        else
          app.output.out(
            `Batch job ${job.id} "${job.name}": ${job.state} (queue ${job.queue}, start ${job.startMode}).`,
          );
        return;
      }
      const run = await withInterrupt(
        (signal) =>
          runJobNow({
            db,
            applications: app.applications,
            jobId: job.id,
            serverName: job.appServer,
            signal,
            timing,
            // As before: only the internal details of a failure, on stderr (stdout may be --json).
            logger: prettyLogger(app.output, { minLevel: 'error' }),
          }),
        () => app.output.err('Stopping after the current page (Ctrl+C again to quit at once) ...'),
      );
      setExitCode(await printRun(app, job, run, options.json === true));
    });
}

/** Prints the import run of a batch run (like a direct import did) and returns the exit code. */
async function printRun(
  app: AppContext,
  job: Pick<BatchJob, 'id' | 'contentLanguage'>,
  run: BatchRun | null,
  json: boolean,
): Promise<number> {
  const jobId = job.id;
  const { run: importRun, log } = await (await app.services()).runs.withLog(run?.importRunId ?? null);
  const ok = run?.state === 'finished' && !run.hasErrors;
  if (importRun) {
    const batchJob = { id: jobId, run: run?.id, state: run?.state };
    if (json) app.output.out(JSON.stringify({ ...importRun, log, batchJob }, null, 2));
    else app.output.out(formatRunSummary(importRun, log, messagesFor(job.contentLanguage)));
  } else if (json) {
    app.output.out(JSON.stringify({ batchJob: { id: jobId }, run }, null, 2));
  } else {
    const reason = run?.error ? `${run.error.message} [${run.error.code}]` : 'it ended without a run';
    app.output.out(`Batch job ${jobId} failed: ${reason}`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}
