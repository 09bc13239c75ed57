/** `kontor simulator <kind>`: runs a shop simulator on its own, for trying Kontor without a real shop. */
import type { Command } from 'commander';
import { startMagentoSimulator } from '../../adapters/magento/simulator.ts';
import { startOxidSimulator } from '../../adapters/oxid/simulator.ts';
import { startRetailPosSimulator } from '../../adapters/retail-pos/simulator.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { AppContext } from '../app-context.ts';
import { onFreePort } from '../port-in-use.ts';
import { untilStopped } from '../until-stopped.ts';

interface SimulatorOptions {
  port: string;
  customers: string;
  seed: string;
  brokenShare: string;
}

interface GeneratedData {
  port: number;
  customers: number;
  seed: number;
  brokenShare: number;
}

interface StartedSimulator {
  /** What to tell the user: where it runs and how to add it as a channel. */
  lines: string[];
  close(): Promise<void>;
}

const SIMULATORS: Record<string, (options: GeneratedData) => Promise<StartedSimulator>> = {
  async magento(options) {
    const sim = await startMagentoSimulator(options);
    return {
      lines: [
        `Magento simulator at ${sim.url} with ${sim.store.size} customers.`,
        `Access token: ${sim.token}`,
        `Add it as a channel: npx kontor channel add mymagento --adapter magento --type b2b-b2c --url ${sim.url} --setting token=${sim.token}`,
      ],
      close: () => sim.close(),
    };
  },
  async oxid(options) {
    const sim = await startOxidSimulator(options);
    return {
      lines: [
        `OXID eShop simulator (with the Kontor connector module) at ${sim.url} with ${sim.store.customers().length} customers, time zone ${sim.timeZone}.`,
        `Connector API key: ${sim.apiKey}`,
        `Add it as a channel: npx kontor channel add myoxid --adapter oxid --type b2b-b2c --url ${sim.url} --setting apiKey=${sim.apiKey}`,
      ],
      close: () => sim.close(),
    };
  },
  async 'retail-pos'(options) {
    const sim = await startRetailPosSimulator(options);
    return {
      lines: [
        `Comarch Retail POS head office simulator at ${sim.url} with ${sim.store.size} customers in ${sim.stores.length} stores (5 requests per second).`,
        `API key: ${sim.apiKey} (or basic auth ${sim.user.username} / ${sim.user.password})`,
        `Add it as a channel: npx kontor channel add mypos --adapter retail-pos --type b2b-b2c --url ${sim.url} --setting apiKey=${sim.apiKey}`,
      ],
      close: () => sim.close(),
    };
  },
};

function wholeNumber(option: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max)
    throw new InvalidInputError(`${option} must be a whole number up to ${max}, not "${value}".`);
  return number;
}

export function registerSimulatorCommand(
  program: Command,
  context: () => AppContext,
  _setExitCode: (code: number) => void,
): void {
  program
    .command('simulator <kind>')
    .description(
      `run a shop simulator with generated customers (kinds: ${Object.keys(SIMULATORS).join(', ')}) until Ctrl+C`,
    )
    .option('--port <port>', 'port on 127.0.0.1 (0 = any free port)', '8901')
    .option('--customers <count>', 'generated customers', '300')
    .option('--seed <number>', 'seed of the generated data', '1')
    .option('--broken-share <fraction>', 'share of deliberately broken customers, 0..1', '0.02')
    .action(async (kind: string, options: SimulatorOptions) => {
      const starter = Object.hasOwn(SIMULATORS, kind) ? SIMULATORS[kind] : undefined;
      if (!starter)
        throw new InvalidInputError(
          `There is no simulator "${kind}" (simulators: ${Object.keys(SIMULATORS).join(', ')}).`,
        );
      const brokenShare = Number(options.brokenShare);
      if (!(brokenShare >= 0 && brokenShare <= 1))
        throw new InvalidInputError('--broken-share must be between 0 and 1.');
      const port = wholeNumber('--port', options.port, 65535);
      const generated = {
        port,
        customers: wholeNumber('--customers', options.customers, 1_000_000),
        seed: wholeNumber('--seed', options.seed, 2 ** 31),
        brokenShare,
      };
      const simulator = await onFreePort(port, () => starter(generated));
      const { output } = context();
      for (const line of simulator.lines) output.out(line);
      output.out('Ctrl+C stops it.');
      await untilStopped();
      await simulator.close();
    });
}
