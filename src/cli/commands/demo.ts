/**
 * `kontor demo`: a first look. Starts a simulator for every adapter with generated customers, creates the
 * sales channels demo-<kind>, files an Import customers batch job for each and runs them in this process as
 * an application server, then keeps the shops running (changing a customer now and then) so that Last
 * transfer imports have something to find.
 */
import type { Command } from 'commander';
import { IMPORT_CUSTOMERS } from '../../batch/applications/import-customers-app.ts';
import { runJobNow } from '../../batch/run-job-now.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { getRun } from '../../storage/run-store.ts';
import type { AppContext } from '../app-context.ts';
import { batchSettingsFrom } from '../batch-options.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable } from '../table.ts';
import { untilStopped } from '../until-stopped.ts';
import {
  type DemoShop,
  ensureDemoChannel,
  startDemoShops,
  startShopActivity,
  stopDemoShops,
} from './demo-shops.ts';

interface DemoOptions {
  port: string;
  customers: string;
  once?: boolean;
}

export function registerDemoCommand(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('demo')
    .description(
      'start a simulator for every adapter, create demo channels and import their customers as batch jobs',
    )
    .option(
      '--port <port>',
      'first port of the simulators on 127.0.0.1 (one per adapter; 0 = any free ports)',
      '8901',
    )
    .option('--customers <count>', 'generated customers per shop', '150')
    .option('--once', 'stop after the imports instead of keeping the shops running')
    .action(async (options: DemoOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InvalidInputError(`--port "${options.port}" is not a port number.`);
      const customers = Number(options.customers);
      if (!Number.isInteger(customers) || customers < 1 || customers > 100_000)
        throw new InvalidInputError(
          `--customers "${options.customers}" must be a whole number from 1 to 100000.`,
        );
      const app = context();
      const shops = await startDemoShops(port, customers);
      try {
        const ok = await importAll(app, shops);
        if (!ok) setExitCode(EXIT.failed);
        // Free the database so that other kontor commands can open it while the shops keep running.
        await app.close();
        if (options.once) return;
        const dbOption = app.dbSpec ? ` --db ${app.dbSpec}` : '';
        app.output.out(`
The shops keep running; every 20 seconds a customer changes in one of them. In another terminal:
  npx kontor${dbOption} partners list --channel demo-magento
  npx kontor${dbOption} import-customers --channel demo-shopware --changed-since last-transfer --wait
  npx kontor${dbOption} jobs list
  npx kontor${dbOption} notifications list
Ctrl+C stops the demo.`);
        const activity = startShopActivity(shops, 20_000, (line) => app.output.out(line));
        await untilStopped();
        activity.stop();
      } finally {
        await stopDemoShops(shops);
      }
    });
}

/** Creates the channels, files and runs one Last transfer job per channel; prints a table. True if all finished. */
async function importAll(app: AppContext, shops: readonly DemoShop[]): Promise<boolean> {
  const { output } = app;
  const db = await app.database();
  const channels = await app.channels();
  const jobs = await app.jobs();
  const rows: string[][] = [];
  let ok = true;
  for (const shop of shops) {
    const created = await ensureDemoChannel(db, channels, shop);
    const { adapter } = shop.harness;
    output.out(
      `${adapter.label} simulator at ${shop.simulator.connection.url}: channel "${shop.channel}" ${created ? 'created' : 'found'}.`,
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
        { jobName: `${shop.channel}-import`, notification: 'dialog-errors' },
        db.location,
      ),
    });
    const run = await runJobNow({ db, applications: app.applications, jobId: job.id });
    const importRun = run?.importRunId ? await getRun(db, run.importRunId) : null;
    const c = importRun?.counts;
    if (run?.state !== 'finished') ok = false;
    rows.push([
      shop.channel,
      `job ${job.id}: ${run?.state ?? 'not run'}`,
      ...(c ? [c.read, c.created, c.updated, c.awaiting, c.errors].map(String) : ['-', '-', '-', '-', '-']),
    ]);
  }
  output.out(`\nImported into ${db.location} (Changed since: Last transfer):`);
  output.out(formatTable(['Channel', 'Batch job', 'Read', 'Created', 'Updated', 'Awaiting', 'Errors'], rows));
  output.out(
    'Records awaiting confirmation have warnings (e.g. no address): see `kontor jobs log <job>`, and import them with --confirm-all-warnings.',
  );
  return ok;
}
