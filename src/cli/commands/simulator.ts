/** `kontor simulator <kind>`: runs a shop simulator on its own, for trying Kontor without a real shop. */
import type { Command } from 'commander';
import { startMagentoSimulator } from '../../adapters/magento/simulator.ts';
import { startShopwareSimulator } from '../../adapters/shopware/simulator.ts';
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
    .description('run a shop simulator with generated customers (kinds: magento, shopware) until Ctrl+C')
    .option('--port <port>', 'port on 127.0.0.1 (0 = any free port)', '8901')
    .option('--customers <count>', 'generated customers', '300')
    .option('--seed <number>', 'seed of the generated data', '1')
    .option('--broken-share <fraction>', 'share of deliberately broken customers, 0..1', '0.02')
    .action(async (kind: string, options: SimulatorOptions) => {
      if (kind !== 'magento' && kind !== 'shopware')
        throw new InvalidInputError(`There is no simulator "${kind}" (simulators: magento, shopware).`);
      const brokenShare = Number(options.brokenShare);
      if (!(brokenShare >= 0 && brokenShare <= 1))
        throw new InvalidInputError('--broken-share must be between 0 and 1.');
      const port = wholeNumber('--port', options.port, 65535);
      const shop = {
        port,
        customers: wholeNumber('--customers', options.customers, 1_000_000),
        seed: wholeNumber('--seed', options.seed, 2 ** 31),
        brokenShare,
      };
      const { output } = context();
      let close: () => Promise<void>;
      if (kind === 'shopware') {
        const simulator = await onFreePort(port, () => startShopwareSimulator(shop));
        const { clientId, clientSecret } = simulator.integration;
        output.out(`Shopware 6 simulator at ${simulator.url} with ${simulator.store.size} customers.`);
        output.out(`Integration: access key ID ${clientId}, secret access key ${clientSecret}`);
        output.out(
          `Add it as a channel: npx kontor channel add myshopware --adapter shopware --type b2b-b2c --url ${simulator.url} --setting clientId=${clientId} --setting clientSecret=${clientSecret}`,
        );
        close = () => simulator.close();
      } else {
        const simulator = await onFreePort(port, () => startMagentoSimulator(shop));
        output.out(`Magento simulator at ${simulator.url} with ${simulator.store.size} customers.`);
        output.out(`Access token: ${simulator.token}`);
        output.out(
          `Add it as a channel: npx kontor channel add mymagento --adapter magento --type b2b-b2c --url ${simulator.url} --setting token=${simulator.token}`,
        );
        close = () => simulator.close();
      }
      output.out('Ctrl+C stops it.');
      await untilStopped();
      await close();
    });
}
