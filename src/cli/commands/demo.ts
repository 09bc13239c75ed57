/**
 * `kontor demo`: a first look. Starts a Magento shop simulator with generated customers, creates the sales
 * channel demo-magento, imports its customers, then keeps the shop running (changing a few customers now
 * and then) so that Last transfer imports have something to find.
 */
import type { Command } from 'commander';
import { startMagentoSimulator } from '../../adapters/magento/simulator.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { runImport } from '../../import/import-service.ts';
import { findChannelByName, updateChannelConnection } from '../../storage/channel-store.ts';
import { getRunLog } from '../../storage/run-store.ts';
import type { AppContext } from '../app-context.ts';
import { EXIT } from '../exit-codes.ts';
import { onFreePort } from '../port-in-use.ts';
import { formatRunSummary } from '../run-summary.ts';
import { untilStopped } from '../until-stopped.ts';
import { startShopActivity } from './demo-activity.ts';

const CHANNEL = 'demo-magento';

interface DemoOptions {
  port: string;
  once?: boolean;
}

export function registerDemoCommand(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('demo')
    .description('start a Magento shop simulator, create a demo channel and import its customers')
    .option('--port <port>', 'port of the shop simulator on 127.0.0.1', '8901')
    .option('--once', 'stop after the import instead of keeping the shop running')
    .action(async (options: DemoOptions) => {
      const app = context();
      const { output } = app;
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InvalidInputError(`--port "${options.port}" is not a port number.`);
      const simulator = await onFreePort(port, () =>
        startMagentoSimulator({ port, customers: 300, seed: 1 }),
      );
      try {
        output.out(
          `Magento shop simulator running at ${simulator.url} with ${simulator.store.size} customers.`,
        );
        const db = await app.database();
        const existing = await findChannelByName(db, CHANNEL);
        if (!existing) {
          await (await app.channels()).add({
            name: CHANNEL,
            adapter: 'magento',
            type: 'b2b-b2c',
            url: simulator.url,
            settings: { token: simulator.token },
            customerApproval: false,
            pseudoPartnerNumber: null,
          });
          output.out(`Sales channel "${CHANNEL}" created (Magento, B2B & B2C) in ${db.location}.`);
        } else {
          await updateChannelConnection(db, existing.id, simulator.url, {
            ...existing.settings,
            token: simulator.token,
          });
          output.out(`Sales channel "${CHANNEL}" found in ${db.location}.`);
        }
        output.out('Importing customers (Changed since: Last transfer) ...\n');
        const run = await runImport(
          { db, adapters: app.adapters },
          {
            channel: CHANNEL,
            changedSince: 'last-transfer',
            timestamp: null,
            emails: null,
            deactivateDeleted: false,
            confirmAllWarnings: false,
          },
        );
        output.out(formatRunSummary(run, (await getRunLog(db, run.id)).slice(0, 10)));
        if (run.state !== 'finished') setExitCode(EXIT.failed);
        // Free the database so that other kontor commands can open it while the shop keeps running.
        await app.close();
        if (options.once) return;

        const dbOption = app.dbSpec ? ` --db ${app.dbSpec}` : '';
        output.out(`
The shop keeps running and changes a few customers every 20 seconds. In another terminal:
  npx kontor${dbOption} partners list --channel ${CHANNEL}
  npx kontor${dbOption} import-customers --channel ${CHANNEL} --changed-since last-transfer --wait
  npx kontor${dbOption} partners list --channel ${CHANNEL} --json
Ctrl+C stops the demo.`);
        const activity = startShopActivity(simulator.store, 20_000, (line) => output.out(line));
        await untilStopped();
        activity.stop();
      } finally {
        await simulator.close();
      }
    });
}
