/**
 * `kontor worker --app-server NAME`: an application server (runs batch jobs). `kontor serve`: the web UI and
 * HTTP API together with an application server (under the host name by default).
 * `kontor app-server list`: the registered application servers and their status.
 */
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { assertName } from '../../batch/batch-settings.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { AppContext } from '../app-context.ts';
import { runAppServer, type TimingOptions, timingFrom } from '../app-server-runner.ts';
import { envFlag } from '../env-flag.ts';
import { addLogFormatOption, resolveLogFormat } from '../log-format.ts';
import {
  firstLoginLines,
  type RunningServe,
  type ServeOptions,
  serveUntilStopped,
  startServe,
} from '../serve-runner.ts';
import { formatTable } from '../table.ts';

function addTimingOptions(command: Command): Command {
  return addLogFormatOption(command)
    .option('--poll-ms <ms>', 'poll for due jobs this often when no NOTIFY wakes the server (default 5000)')
    .option('--heartbeat-ms <ms>', 'heartbeat of the server and its runs (default 5000)')
    .option('--lease-seconds <s>', 'a run without heartbeat for this long is abandoned (default 30)')
    .option('--max-runs <n>', 'runs at once on this server, each of another queue (default 4)');
}

export interface ServeCommandOptions extends TimingOptions {
  host?: string;
  port?: string;
  appServer?: string;
  insecureCookies?: boolean;
  trustProxy?: boolean;
  logFormat?: string;
}

export function portFrom(option: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidInputError(`${option} "${value}" is not a port number.`);
  return port;
}

/**
 * The serve options: each from its option, else the environment (KONTOR_HOST, KONTOR_PORT, KONTOR_TRUST_PROXY,
 * which the configuration file sets too), else the default (127.0.0.1, 8080, no).
 */
export function serveOptionsFrom(
  options: ServeCommandOptions,
  portOption = '--port',
  env: NodeJS.ProcessEnv = {},
): ServeOptions {
  const name = options.appServer ?? hostname().replace(/[^A-Za-z0-9._-]/g, '-');
  const port =
    options.port !== undefined
      ? portFrom(portOption, options.port)
      : env.KONTOR_PORT
        ? portFrom('KONTOR_PORT', env.KONTOR_PORT)
        : 8080;
  return {
    host: options.host ?? (env.KONTOR_HOST || '127.0.0.1'),
    port,
    portOption,
    appServer: assertName('Application server', name),
    timing: timingFrom(options),
    secureCookies: options.insecureCookies !== true,
    trustProxy: options.trustProxy ?? envFlag(env, 'KONTOR_TRUST_PROXY') ?? false,
    logFormat: resolveLogFormat(options.logFormat),
    metricsToken: metricsTokenFrom(process.env),
  };
}

/** KONTOR_METRICS_TOKEN: a bearer token that lets a scraper beyond loopback read /metrics (docs/observability.md). */
export function metricsTokenFrom(env: NodeJS.ProcessEnv): string | null {
  const token = env.KONTOR_METRICS_TOKEN?.trim() ?? '';
  if (token === '') return null;
  if (token.length < 16)
    throw new InvalidInputError('KONTOR_METRICS_TOKEN must be at least 16 characters long.');
  return token;
}

function printStarted(app: AppContext, running: RunningServe): void {
  running.log.say(
    `Kontor is running at ${running.url} (web UI; API docs at ${running.url}/api/docs), application server "${running.appServer}". Ctrl+C stops it.`,
    { url: running.url, appServer: running.appServer },
  );
  printFirstLogin(app, running);
}

/**
 * The first administrator's one-time password: on the terminal (pretty); with json logs on stderr as text
 * only, so that it never lands in the JSON stream a log collector keeps (docs/observability.md).
 */
export function printFirstLogin(app: AppContext, running: RunningServe): void {
  const admin = running.firstAdministrator;
  if (!admin) return;
  const lines = firstLoginLines(running.url, admin);
  if (running.log.format === 'pretty') {
    for (const line of lines) app.output.out(line);
    return;
  }
  running.log.logger.info(
    `First start: the administrator "${admin.name}" was created; its one-time password is on stderr (not in this log).`,
    { event: 'first-administrator', user: admin.name },
  );
  for (const line of lines) app.output.err(line);
}

export function registerWorkerCommand(program: Command, context: () => AppContext): void {
  addTimingOptions(
    program
      .command('worker')
      .description('run as an application server: process batch jobs of all processing queues')
      .requiredOption('--app-server <name>', 'name of this application server'),
  ).action(async (options: TimingOptions & { appServer: string; logFormat?: string }) => {
    await runAppServer(
      context(),
      assertName('Application server', options.appServer),
      timingFrom(options),
      resolveLogFormat(options.logFormat),
    );
  });
}

export function registerServeCommand(program: Command, context: () => AppContext): void {
  addTimingOptions(
    program
      .command('serve')
      .description('run Kontor: the web UI and HTTP API and an application server, on one database')
      .option(
        '--host <address>',
        'address to listen on (0.0.0.0: every interface; default 127.0.0.1, env KONTOR_HOST)',
      )
      .option('--port <port>', 'HTTP port (0: any free port; default 8080, env KONTOR_PORT)')
      .option('--app-server <name>', 'name of this application server (default: the host name)')
      .option(
        '--insecure-cookies',
        'session cookie without Secure, for plain HTTP beyond loopback (behind no TLS proxy: not recommended)',
      )
      .option(
        '--trust-proxy',
        'behind a TLS-terminating reverse proxy: trust its X-Forwarded-Proto/-For (Secure cookie, client address); only if every request comes through it (env KONTOR_TRUST_PROXY)',
      ),
  ).action(async (options: ServeCommandOptions) => {
    const app = context();
    const running = await startServe(app, serveOptionsFrom(options, '--port', app.env));
    printStarted(app, running);
    await serveUntilStopped(running);
  });
}

export function registerAppServerCommand(program: Command, context: () => AppContext): void {
  program
    .command('app-server')
    .description('application servers')
    .command('list')
    .description('list application servers with status (running, stopped, dead) and heartbeat')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const servers = await (await app.services()).servers.list();
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
