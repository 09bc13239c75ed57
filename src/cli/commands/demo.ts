/**
 * `kontor demo`: a first look. Starts a simulator for every adapter with generated customers, creates the
 * sales channels demo-<kind>, files an Import customers batch job for each and runs them in this process as
 * an application server, then serves the web UI and HTTP API (`kontor serve`) and keeps the shops running
 * (changing a customer now and then) so that Last transfer imports have something to find.
 */
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';
import { addLogFormatOption } from '../log-format.ts';
import type { DemoOptions } from './demo-run.ts';

export function registerDemoCommand(
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): void {
  addLogFormatOption(program.command('demo'))
    .description(
      'start a simulator for every adapter, create demo channels and import their customers as batch jobs',
    )
    .option(
      '--port <port>',
      'first port of the simulators on 127.0.0.1 (one per adapter; 0 = any free ports)',
      '8901',
    )
    .option('--customers <count>', 'generated customers per shop', '150')
    .option('--once', 'stop after the imports instead of serving the web UI and keeping the shops running')
    .option('--host <address>', 'address of the web UI and HTTP API', '127.0.0.1')
    .option('--http-port <port>', 'port of the web UI and HTTP API (0: any free port)', '8080')
    .option('--app-server <name>', 'name of the application server (default: the host name)')
    .option('--insecure-cookies', 'session cookie without Secure (plain HTTP beyond loopback)')
    .action(async (options: DemoOptions) => {
      const { runDemo } = await import('./demo-run.ts');
      await runDemo(context, setExitCode, options);
    });
}
