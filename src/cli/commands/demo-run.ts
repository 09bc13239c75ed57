/** What `kontor demo` does: loaded only when the command runs (the simulators stay out of the production import graph). */
import { IMPORT_CUSTOMERS } from '../../batch/applications/import-customers-app.ts';
import { runJobNow } from '../../batch/run-job-now.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { FIRST_ADMINISTRATOR } from '../../users/user-service.ts';
import type { AppContext } from '../app-context.ts';
import type { TimingOptions } from '../app-server-runner.ts';
import { batchSettingsFrom } from '../batch-options.ts';
import { EXIT } from '../exit-codes.ts';
import { type ProcessLog, processLog } from '../log-format.ts';
import { prettyLogger } from '../pretty-logger.ts';
import { type RunningServe, serveUntilStopped, startServe } from '../serve-runner.ts';
import { formatTable } from '../table.ts';
import { DEMO_BROKEN_SHARE, DEMO_NOTICE, DEMO_TASK_NOTE } from './demo-notice.ts';
import {
  type DemoShop,
  ensureDemoChannel,
  startDemoShops,
  startShopActivity,
  stopDemoShops,
} from './demo-shops.ts';
import { portFrom, printFirstLogin, serveOptionsFrom } from './worker.ts';

export interface DemoOptions extends TimingOptions {
  port: string;
  customers: string;
  once?: boolean;
  host: string;
  httpPort: string;
  appServer?: string;
  insecureCookies?: boolean;
  logFormat?: string;
}

export async function runDemo(
  context: () => AppContext,
  setExitCode: (code: number) => void,
  options: DemoOptions,
): Promise<void> {
  const port = portFrom('--port', options.port);
  const serve = serveOptionsFrom({ ...options, port: options.httpPort }, '--http-port');
  const customers = Number(options.customers);
  if (!Number.isInteger(customers) || customers < 1 || customers > 100_000)
    throw new InvalidInputError(
      `--customers "${options.customers}" must be a whole number from 1 to 100000.`,
    );
  const app = context();
  const log = await processLog(serve.logFormat, app.output);
  const shops = await startDemoShops(port, customers);
  try {
    const ok = await importAll(app, shops, log);
    if (!ok) setExitCode(EXIT.failed);
    if (options.once) return;
    const running = await startServe(app, { ...serve, demoNotice: DEMO_NOTICE }, log);
    printDemoStarted(app, running);
    const activity = startShopActivity(shops, 20_000, (line) => log.say(line));
    try {
      await serveUntilStopped(running);
    } finally {
      activity.stop();
    }
  } finally {
    await stopDemoShops(shops);
  }
}

/** Creates the channels, files and runs one Last transfer job per channel; prints a table. True if all finished. */
async function importAll(app: AppContext, shops: readonly DemoShop[], log: ProcessLog): Promise<boolean> {
  const db = await app.database();
  const { channels, jobs, runs, notifications } = await app.services();
  const rows: string[][] = [];
  const jobIds: number[] = [];
  let ok = true;
  for (const shop of shops) {
    const created = await ensureDemoChannel(channels, shop);
    const { adapter } = shop.harness;
    log.say(
      `${adapter.label} simulator at ${shop.simulator.connection.url}: channel "${shop.channel}" ${created ? 'created' : 'found'}.`,
      { channel: shop.channel, adapter: adapter.kind },
    );
    const job = await jobs.file({
      application: IMPORT_CUSTOMERS,
      settings: {
        channel: shop.channel,
        changedSince: 'last-transfer',
        timestamp: null,
        emails: null,
        deactivateDeleted: adapter.capabilities.deletions !== 'none',
        confirmAllWarnings: false,
      },
      batch: batchSettingsFrom(
        // The web UI's administrator owns the demo jobs: their errors wait as tasks in the Workflow inbox.
        { jobName: `${shop.channel}-import`, user: FIRST_ADMINISTRATOR, notification: 'workflow-errors' },
        (await app.oltp()).name,
      ),
    });
    // Readable: the table below says how each run went (and a failure's detail goes to stderr); json: every line.
    const logger = log.format === 'json' ? log.logger : prettyLogger(app.output, { minLevel: 'error' });
    jobIds.push(job.id);
    const run = await runJobNow({ db, applications: app.applications, jobId: job.id, logger });
    const { run: importRun } = await runs.withLog(run?.importRunId ?? null);
    const c = importRun?.counts;
    if (run?.state !== 'finished') ok = false;
    if (log.format === 'json')
      log.logger.info(`demo import of sales channel "${shop.channel}": ${run?.state ?? 'not run'}`, {
        channel: shop.channel,
        job: job.id,
        run: run?.id ?? null,
        state: run?.state ?? null,
        ...(c
          ? { read: c.read, created: c.created, updated: c.updated, awaiting: c.awaiting, errors: c.errors }
          : {}),
      });
    rows.push([
      shop.channel,
      `job ${job.id}: ${run?.state ?? 'not run'}`,
      ...(c ? [c.read, c.created, c.updated, c.awaiting, c.errors].map(String) : ['-', '-', '-', '-', '-']),
    ]);
  }
  // The tasks and dialogs of these runs say that their errors are on purpose.
  await notifications.noteOnJobs(jobIds, DEMO_TASK_NOTE);
  if (log.format === 'pretty') {
    app.output.out(`\nImported into ${db.location} (Changed since: Last transfer):`);
    app.output.out(
      formatTable(['Channel', 'Batch job', 'Read', 'Created', 'Updated', 'Awaiting', 'Errors'], rows),
    );
  }
  log.say(
    `Errors are expected: about ${Math.round(DEMO_BROKEN_SHARE * 100)} % of every demo shop's records are broken on purpose, to show how Kontor reports them.`,
  );
  log.say(
    'Records awaiting confirmation have warnings (e.g. no address): see `kontor jobs log <job>`, and import them with --confirm-all-warnings.',
  );
  return ok;
}

function printDemoStarted(app: AppContext, running: RunningServe): void {
  const out = (text: string) => running.log.say(text);
  if (running.log.format === 'pretty') out('');
  out(`The web UI and HTTP API run at ${running.url} (API docs: ${running.url}/api/docs).`);
  if (running.firstAdministrator) {
    printFirstLogin(app, running);
  } else {
    out(
      `Log in as "${FIRST_ADMINISTRATOR}" (created at an earlier start) with the password chosen then; forgotten: stop the demo and run \`npx kontor user passwd ${FIRST_ADMINISTRATOR}\`.`,
    );
  }
  out(
    'The shops keep running; every 20 seconds a customer changes in one of them: file a Last transfer import in the web UI to fetch it.',
  );
  out(
    app.dbSpec?.startsWith('postgres')
      ? 'Other kontor commands work meanwhile on the same database (e.g. `npx kontor partners list`).'
      : 'This process holds the embedded database: other kontor commands on it work after Ctrl+C.',
  );
  out('Ctrl+C stops the demo.');
}
