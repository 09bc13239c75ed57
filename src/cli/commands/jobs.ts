/** `kontor jobs list|show|log|edit|release|cancel|trigger`: the Batch jobs application. */
import type { Command } from 'commander';
import type { JobWithRuns } from '../../batch/job-service.ts';
import { JOB_STATES, type JobState } from '../../domain/batch-job.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { messagesFor } from '../../domain/messages/messages.ts';
import type { AppContext } from '../app-context.ts';
import { formatRunSummary } from '../run-summary.ts';
import { formatTable } from '../table.ts';
import { registerJobEditCommand } from './jobs-edit.ts';
import { registerJobRerunCommand } from './jobs-rerun.ts';

/** The `jobs list --json` contract (DESIGN.md section 5). */
export function jobListEntry(job: JobWithRuns) {
  return {
    id: job.id,
    name: job.name,
    application: job.application,
    state: job.state,
    queue: job.queue,
    appServer: job.appServer,
    user: job.user,
    startMode: job.startMode,
    createdAt: job.createdAt,
    runs: job.runs.map((run) => ({
      id: run.id,
      state: run.state,
      appServer: run.appServer,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      counts: run.counts,
    })),
  };
}

interface ListOptions {
  state?: string;
  queue?: string;
  user?: string;
  appServer?: string;
  name?: string;
  json?: boolean;
}

export function registerJobCommands(program: Command, context: () => AppContext): void {
  const jobs = program
    .command('jobs')
    .description('batch jobs: list, show, log, edit, release, cancel, trigger, rerun');

  jobs
    .command('list')
    .description('list batch jobs with their runs (the newest 200 of those that match)')
    .option('--state <states>', `only jobs in these states, comma-separated (${JOB_STATES.join(', ')})`)
    .option('--queue <name>', 'only jobs of this processing queue')
    .option('--user <name>', 'only jobs of this user')
    .option('--app-server <name>', 'only jobs bound to this application server')
    .option('--name <text>', 'only jobs whose name contains this (case-insensitive)')
    .option('--json', 'print a JSON array')
    .action(async (options: ListOptions) => {
      const states = options.state?.split(',').map((state) => state.trim()) as JobState[] | undefined;
      for (const state of states ?? []) {
        if (!JOB_STATES.includes(state))
          throw new InvalidInputError(`--state "${state}" is not one of: ${JOB_STATES.join(', ')}.`);
      }
      const app = context();
      const list = await (await app.jobs()).list({
        states,
        queue: options.queue,
        user: options.user,
        appServer: options.appServer,
        name: options.name,
      });
      if (options.json) {
        app.output.out(JSON.stringify(list.map(jobListEntry), null, 2));
        return;
      }
      app.output.out(
        formatTable(
          ['Id', 'Name', 'Application', 'State', 'Queue', 'Server', 'Start', 'User', 'Runs', 'Last run'],
          list.map((job) => {
            const last = job.runs.at(-1);
            return [
              String(job.id),
              job.name,
              job.application,
              job.state,
              job.queue,
              job.appServer ?? '-',
              job.startMode,
              job.user,
              String(job.runs.length),
              last ? `${last.state} ${last.finishedAt ?? last.startedAt}` : '-',
            ];
          }),
        ),
      );
    });

  jobs
    .command('show <job>')
    .description('show a batch job (id or name): its settings and runs')
    .option('--json', 'print the job as JSON')
    .action(async (ref: string, options: { json?: boolean }) => {
      const app = context();
      const job = await (await app.jobs()).show(ref);
      if (options.json) {
        app.output.out(JSON.stringify(job, null, 2));
        return;
      }
      const fields: Array<[string, string]> = [
        ['Batch job', `${job.id} "${job.name}" (${job.application})`],
        ['State', job.state + (job.cancelRequested ? ' (cancel requested)' : '')],
        ['User', job.user],
        ['OLTP database', job.oltpDatabase],
        ['Content language', job.contentLanguage],
        ['Processing queue', job.queue],
        ['Application server', job.appServer ?? 'any'],
        ['Start', job.startMode],
        ['Begin', job.begin ?? '-'],
        ['Maximum run time', job.maxRunSeconds === null ? '-' : `${job.maxRunSeconds} s`],
        ['Timeout notification', job.timeoutNotification ? 'yes' : 'no'],
        ['Serial pattern', job.pattern ? `${job.pattern} (${job.timeZone})` : '-'],
        ['End', job.end ?? '-'],
        ['Series canceled', job.seriesCanceledNotification ? 'yes' : 'no'],
        ['Notification', job.notification],
        ['Next due', job.dueAt ?? '-'],
        ['Settings', JSON.stringify(job.settings)],
      ];
      app.output.out(fields.map(([label, value]) => `${`${label}:`.padEnd(22)}${value}`).join('\n'));
      if (job.runs.length > 0) {
        app.output.out('');
        app.output.out(
          formatTable(
            ['Run', 'State', 'Server', 'Started', 'Finished', 'Reason'],
            job.runs.map((run) => [
              String(run.id),
              run.state,
              run.appServer,
              run.startedAt,
              run.finishedAt ?? '-',
              run.error ? `${run.reason ?? ''} ${run.error.message}`.trim() : (run.reason ?? ''),
            ]),
          ),
        );
      }
    });

  jobs
    .command('log <job>')
    .description(
      'the log of a batch job run (default: the latest): its import run and the records not imported',
    )
    .option('--run <id>', 'this run of the job')
    .option('--json', 'print the log as JSON')
    .action(async (ref: string, options: { run?: string; json?: boolean }) => {
      const app = context();
      const services = await app.services();
      const job = await services.jobs.show(ref);
      if (options.run === undefined && job.runs.length === 0) {
        if (options.json) {
          const empty = { job: { id: job.id, name: job.name }, run: null, importRun: null, log: [] };
          app.output.out(JSON.stringify(empty, null, 2));
        } else
          app.output.out(
            `Batch job ${job.id} "${job.name}" has not run yet (${job.state}): its log appears once it has run.`,
          );
        return;
      }
      const run =
        options.run === undefined ? job.runs.at(-1) : job.runs.find((r) => String(r.id) === options.run);
      if (!run) throw new NotFoundError(`Run of batch job ${job.id}`, options.run ?? 'latest');
      const { run: importRun, log } = await services.runs.withLog(run.importRunId, job.oltpDatabase);
      if (options.json) {
        app.output.out(JSON.stringify({ job: { id: job.id, name: job.name }, run, importRun, log }, null, 2));
        return;
      }
      app.output.out(
        `Run ${run.id} of batch job ${job.id} "${job.name}" on ${run.appServer}: ${run.state}` +
          `${run.reason ? ` (${run.reason})` : ''}, started ${run.startedAt}, finished ${run.finishedAt ?? '-'}`,
      );
      if (run.error) app.output.out(`  ${run.error.message} [${run.error.code}]`);
      if (importRun) app.output.out(formatRunSummary(importRun, log, messagesFor(job.contentLanguage)));
    });

  const change = (verb: 'release' | 'cancel' | 'trigger', description: string) =>
    jobs
      .command(`${verb} <job>`)
      .description(description)
      .action(async (ref: string) => {
        const app = context();
        const service = await app.jobs();
        if (verb === 'release') {
          const job = await service.release(ref);
          app.output.out(
            `Batch job ${job.id} "${job.name}": ${job.state}${job.dueAt ? `, due ${job.dueAt}` : ''}.`,
          );
        } else if (verb === 'cancel') {
          const { job, outcome } = await service.cancel(ref);
          app.output.out(
            outcome === 'canceled'
              ? `Batch job ${job.id} "${job.name}": canceled.`
              : `Batch job ${job.id} "${job.name}": cancel requested; the run stops after its current step.`,
          );
        } else {
          const { job, outcome } = await service.trigger(ref);
          const text = {
            ready: 'triggered: ready, it starts when its queue is free',
            pending: 'triggered while running: one more run follows',
            waiting: 'already triggered and waiting in its queue',
          }[outcome];
          app.output.out(`Batch job ${job.id} "${job.name}": ${text}.`);
        }
      });
  registerJobEditCommand(jobs, context);
  registerJobRerunCommand(jobs, context);
  change('release', 'release a planned job (id or name)');
  change('cancel', 'cancel a job not yet active, or ask an active run to stop');
  change('trigger', 'start one run of a Scheduled: external job (call it from cron)');
}
