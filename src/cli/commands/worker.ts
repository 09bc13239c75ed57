/**
 * `kontor worker --app-server NAME`: an application server (runs batch jobs). `kontor serve`: for now the
 * same, under the host name by default; the HTTP API and web UI will be started here as well.
 * `kontor app-server list`: the registered application servers and their status.
 */
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { assertName } from '../../batch/batch-settings.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { listServers } from '../../storage/app-server-store.ts';
import type { AppContext } from '../app-context.ts';
import { runAppServer, type TimingOptions, timingFrom } from '../app-server-runner.ts';
import { formatTable } from '../table.ts';

function addTimingOptions(command: Command): Command {
  return command
    .option('--poll-ms <ms>', 'poll for due jobs this often when no NOTIFY wakes the server (default 5000)')
    .option('--heartbeat-ms <ms>', 'heartbeat of the server and its runs (default 5000)')
    .option('--lease-seconds <s>', 'a run without heartbeat for this long is abandoned (default 30)')
    .option('--max-runs <n>', 'runs at once on this server, each of another queue (default 4)');
}

export function registerServerCommands(program: Command, context: () => AppContext): void {
  addTimingOptions(
    program
      .command('worker')
      .description('run as an application server: process batch jobs of all processing queues')
      .requiredOption('--app-server <name>', 'name of this application server'),
  ).action(async (options: TimingOptions & { appServer: string }) => {
    await runAppServer(context(), assertName('Application server', options.appServer), timingFrom(options));
  });

  addTimingOptions(
    program
      .command('serve')
      .description('run Kontor: an application server (the HTTP API and web UI will follow here)')
      .option('--port <port>', 'HTTP port (for the coming HTTP API)', '8080')
      .option('--app-server <name>', 'name of this application server (default: the host name)'),
  ).action(async (options: TimingOptions & { appServer?: string; port: string }) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new InvalidInputError(`--port "${options.port}" is not a port number.`);
    const name = options.appServer ?? hostname().replace(/[^A-Za-z0-9._-]/g, '-');
    await runAppServer(context(), assertName('Application server', name), timingFrom(options));
  });

  program
    .command('app-server')
    .description('application servers')
    .command('list')
    .description('list application servers with status (running, stopped, dead) and heartbeat')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const servers = await listServers(await app.database());
      if (options.json) {
        app.output.out(JSON.stringify(servers, null, 2));
        return;
      }
      app.output.out(
        formatTable(
          ['Server', 'Status', 'Host', 'Pid', 'Started', 'Heartbeat'],
          servers.map((s) => [s.name, s.status, s.host, String(s.pid), s.startedAt, s.heartbeatAt]),
        ),
      );
    });
}
