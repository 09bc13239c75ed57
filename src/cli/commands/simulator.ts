/** `kontor simulator <kind>`: runs a sales channel simulator on its own, for trying Kontor without a real shop. */
import type { Command } from 'commander';
import { defaultAdapters } from '../../adapters/registry.ts';
import type { AppContext } from '../app-context.ts';
import type { SimulatorOptions } from './simulator-run.ts';

export function registerSimulatorCommand(
  program: Command,
  context: () => AppContext,
  _setExitCode: (code: number) => void,
): void {
  // Every adapter kind has a simulator (src/simulators/harnesses.ts); the simulators load only when the command runs.
  const kinds = defaultAdapters
    .list()
    .map((adapter) => adapter.kind)
    .join(', ');
  program
    .command('simulator')
    .description('run a sales channel simulator with generated customers until Ctrl+C')
    .argument('<kind>', `the adapter kind it simulates: ${kinds}`)
    .option('--port <port>', 'port on 127.0.0.1 (0 = any free port)', '8901')
    .option('--customers <count>', 'generated customers', '300')
    .option('--seed <number>', 'seed of the generated data', '1')
    .option('--broken-share <fraction>', 'share of deliberately broken customers, 0..1', '0.02')
    .option(
      '--control-port <port>',
      'also serve a fault control endpoint on this port (429, 5xx, delays, dropped connections, malformed bodies, token revocation, future change times; 0 = any free port)',
    )
    .action(async (kind: string, options: SimulatorOptions) => {
      const { runSimulator } = await import('./simulator-run.ts');
      await runSimulator(context, kind, kinds, options);
    });
}
