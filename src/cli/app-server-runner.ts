/**
 * Runs this process as an application server until Ctrl+C / SIGTERM (`kontor worker`, `kontor serve`).
 * The first signal stops claiming and asks running runs to stop after their current step; a second exits.
 */
import { AppServer, type ServerTiming } from '../batch/app-server.ts';
import { InvalidInputError } from '../domain/errors.ts';
import type { AppContext } from './app-context.ts';
import { type LogFormat, processLog } from './log-format.ts';
import { untilStopped } from './until-stopped.ts';

export interface TimingOptions {
  pollMs?: string;
  heartbeatMs?: string;
  leaseSeconds?: string;
  maxRuns?: string;
}

export function timingFrom(options: TimingOptions): Partial<ServerTiming> {
  const timing: Partial<ServerTiming> = {};
  const number = (option: string, value: string | undefined, min: number) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min)
      throw new InvalidInputError(`${option} "${value}" must be a number of at least ${min}.`);
    return parsed;
  };
  const poll = number('--poll-ms', options.pollMs, 10);
  const heartbeat = number('--heartbeat-ms', options.heartbeatMs, 10);
  const lease = number('--lease-seconds', options.leaseSeconds, 0.1);
  const maxRuns = number('--max-runs', options.maxRuns, 1);
  if (poll !== undefined) timing.pollMs = poll;
  if (heartbeat !== undefined) timing.heartbeatMs = heartbeat;
  if (lease !== undefined) timing.leaseSeconds = lease;
  if (maxRuns !== undefined) timing.maxConcurrentRuns = Math.floor(maxRuns);
  const leaseMs = (timing.leaseSeconds ?? 30) * 1000;
  if ((timing.heartbeatMs ?? 5000) * 2 > leaseMs)
    throw new InvalidInputError('--heartbeat-ms must be at most half of --lease-seconds.');
  return timing;
}

/** Starts the application server and resolves when it has stopped. */
export async function runAppServer(
  app: AppContext,
  name: string,
  timing: Partial<ServerTiming>,
  logFormat: LogFormat,
): Promise<void> {
  const db = await app.database();
  const log = await processLog(logFormat, app.output);
  const server = await AppServer.start({
    db,
    name,
    applications: app.applications,
    timing,
    logger: log.logger,
  });
  log.say(
    `Application server "${name}" running on ${db.location} (applications: ${app.applications.names().join(', ')}). Ctrl+C stops it.`,
    { appServer: name },
  );
  await untilStopped();
  log.say('Stopping: running jobs end after their current step ...', { appServer: name });
  const forceExit = () => process.exit(130);
  process.once('SIGINT', forceExit);
  process.once('SIGTERM', forceExit);
  try {
    await server.stop();
  } finally {
    process.off('SIGINT', forceExit);
    process.off('SIGTERM', forceExit);
  }
  log.say(`Application server "${name}" stopped.`, { appServer: name });
}
