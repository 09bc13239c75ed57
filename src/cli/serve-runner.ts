/**
 * `kontor serve` (and `kontor demo`): the HTTP API and web UI and an application server in one process, on
 * one database. At the first start (no user at all) it creates the administrator "admin" with a one-time
 * password. The first Ctrl+C / SIGTERM stops the HTTP server, then the application server (running jobs end
 * after their current step); a second one exits at once.
 */
import type { AddressInfo } from 'node:net';
import { AppServer, type ServerTiming } from '../batch/app-server.ts';
import { UserService } from '../users/user-service.ts';
import type { AppContext } from './app-context.ts';
import { KONTOR_VERSION } from './kontor-version.ts';
import { type LogFormat, type ProcessLog, processLog } from './log-format.ts';
import { onFreePort } from './port-in-use.ts';
import { untilStopped } from './until-stopped.ts';

export interface ServeOptions {
  host: string;
  port: number;
  /** The option that sets the port (`--port`, `--http-port`), for the message when it is in use. */
  portOption: string;
  appServer: string;
  timing: Partial<ServerTiming>;
  secureCookies: boolean;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (`--trust-proxy`). */
  trustProxy?: boolean;
  /** `--log-format` (or KONTOR_LOG_FORMAT, or the configuration file). */
  logFormat: LogFormat;
  /** Who may scrape /metrics besides loopback: the bearer token (KONTOR_METRICS_TOKEN); null: loopback only. */
  metricsToken?: string | null;
  /** `kontor demo`: what the web UI says about the demo (GET /api/system `demo`). */
  demoNotice?: string;
}

export interface RunningServe {
  url: string;
  appServer: string;
  log: ProcessLog;
  /** The administrator created at this start with a one-time password; null when users existed. */
  firstAdministrator: { name: string; password: string } | null;
  stop(): Promise<void>;
}

function urlOf(address: AddressInfo | string | null, host: string): string {
  if (address === null || typeof address === 'string') return `http://${host}`;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const name = wildcard ? 'localhost' : address.address;
  return `http://${name.includes(':') ? `[${name}]` : name}:${address.port}`;
}

/** `log`: the process's log if the caller made it already (`kontor demo`); else one in options.logFormat. */
export async function startServe(
  app: AppContext,
  options: ServeOptions,
  processLogOf?: ProcessLog,
): Promise<RunningServe> {
  const db = await app.database();
  const log = processLogOf ?? (await processLog(options.logFormat, app.output));
  const server = await AppServer.start({
    db,
    name: options.appServer,
    applications: app.applications,
    timing: options.timing,
    logger: log.logger,
  });
  // Loaded here, not at the top: every other `kontor` command (workers too) starts without Fastify.
  const { buildApi } = await import('../api/server.ts');
  const api = buildApi({
    db,
    adapters: app.adapters,
    applications: app.applications,
    options: {
      secureCookies: options.secureCookies,
      trustProxy: options.trustProxy === true,
      demoNotice: options.demoNotice ?? null,
      version: KONTOR_VERSION,
      appServer: options.appServer,
      logger: log.logger,
      requestLog: true,
      metricsToken: options.metricsToken ?? null,
    },
  });
  const stopBoth = async () => {
    await api.close().catch(() => undefined);
    await server.stop();
  };
  try {
    await onFreePort(
      options.port,
      () => api.listen({ host: options.host, port: options.port }),
      options.portOption,
    );
  } catch (error) {
    await stopBoth();
    throw error;
  }
  // Only once the server listens: a one-time password that could not be shown would be lost.
  let firstAdministrator: { name: string; password: string } | null;
  try {
    firstAdministrator = await new UserService(db).ensureFirstAdministrator();
  } catch (error) {
    await stopBoth();
    throw error;
  }
  return {
    url: urlOf(api.server.address(), options.host),
    appServer: options.appServer,
    log,
    firstAdministrator,
    async stop() {
      await api.close();
      await server.stop();
    },
  };
}

/** The lines that tell the first administrator how to log in (printed once: the password is not kept). */
export function firstLoginLines(url: string, admin: { name: string; password: string }): string[] {
  return [
    '',
    '  First start: the administrator was created.',
    `    User:                ${admin.name}`,
    `    One-time password:   ${admin.password}`,
    `  Log in at ${url} and choose your own password. The one-time password is not shown again`,
    `  (a new one: stop Kontor and run \`kontor user passwd ${admin.name}\`).`,
    '',
  ];
}

/** Waits for Ctrl+C / SIGTERM, then stops HTTP and the application server; a second signal exits at once. */
export async function serveUntilStopped(running: RunningServe): Promise<void> {
  await untilStopped();
  running.log.say(
    'Stopping: the HTTP server first, then the application server (running jobs end after their current step) ...',
  );
  const forceExit = () => process.exit(130);
  process.once('SIGINT', forceExit);
  process.once('SIGTERM', forceExit);
  try {
    await running.stop();
  } finally {
    process.off('SIGINT', forceExit);
    process.off('SIGTERM', forceExit);
  }
  running.log.say('Kontor stopped.');
}
