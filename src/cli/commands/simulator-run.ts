/** What `kontor simulator <kind>` does: loaded only when the command runs (the simulators stay out of the production import graph). */
import { InvalidInputError } from '../../domain/errors.ts';
import { harnessOf } from '../../simulators/harnesses.ts';
import { startFaultControl } from '../../simulators/kit/fault-control.ts';
import type { AppContext } from '../app-context.ts';
import { onFreePort } from '../port-in-use.ts';
import { untilStopped } from '../until-stopped.ts';

export interface SimulatorOptions {
  port: string;
  customers: string;
  seed: string;
  brokenShare: string;
  controlPort?: string;
}

function wholeNumber(option: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max)
    throw new InvalidInputError(`${option} must be a whole number up to ${max}, not "${value}".`);
  return number;
}

/** A shell word: quoted when it holds anything but safe characters. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

export async function runSimulator(
  context: () => AppContext,
  kind: string,
  kinds: string,
  options: SimulatorOptions,
): Promise<void> {
  const harness = harnessOf(kind);
  if (!harness) throw new InvalidInputError(`There is no simulator "${kind}" (simulators: ${kinds}).`);
  const brokenShare = Number(options.brokenShare);
  if (!(brokenShare >= 0 && brokenShare <= 1))
    throw new InvalidInputError('--broken-share must be between 0 and 1.');
  const port = wholeNumber('--port', options.port, 65535);
  const simulator = await onFreePort(port, () =>
    harness.start({
      port,
      customers: wholeNumber('--customers', options.customers, 1_000_000),
      seed: wholeNumber('--seed', options.seed, 2 ** 31),
      brokenShare,
    }),
  );
  const { output } = context();
  const { adapter } = harness;
  const { url, settings } = simulator.connection;
  output.out(`${adapter.label} simulator at ${url} with ${simulator.allIds().length} customers.`);
  const settingOptions = Object.entries(settings).map(
    ([key, value]) => ` --setting ${shellWord(`${key}=${value}`)}`,
  );
  output.out(
    `Add it as a channel: npx kontor channel add my${kind} --adapter ${kind} --type ${harness.channelType} --url ${url}${settingOptions.join('')}`,
  );
  const control =
    options.controlPort === undefined
      ? null
      : await startFaultControl(simulator.faults, {
          port: wholeNumber('--control-port', options.controlPort, 65535),
        });
  if (control) {
    output.out(`Fault control at ${control.url} (docs/simulators.md), for example:`);
    output.out(`  curl -X POST ${control.url}/failures -d '{"status": 503, "times": 3}'`);
  }
  output.out('Ctrl+C stops it.');
  await untilStopped();
  await control?.close();
  await simulator.close();
}
