/**
 * The `kontor` command line. Commands are thin: they parse options and call the application services.
 *
 * Start-up is lazy: `kontor --help` loads only commander and this file; a command loads only its own module
 * (COMMANDS below) and, when it runs, the services and the one database driver it needs.
 */
import { Command, CommanderError } from 'commander';
import { asKontorError, BugError } from '../domain/errors.ts';
import type { AppContext, AppContextOptions, Output } from './app-context.ts';
import { effectiveEnv, loadConfig } from './config-file.ts';
import { EXIT } from './exit-codes.ts';
import { addHelpExamples } from './help-examples.ts';
import { KONTOR_VERSION } from './kontor-version.ts';

/** Registers one top-level command (or a few that share a module) with its subcommands on `program`. */
export type RegisterCommands = (
  program: Command,
  context: () => AppContext,
  setExitCode: (code: number) => void,
) => void;

export interface CommandEntry {
  /** The top-level command its register function adds. */
  name: string;
  /** Its description in `kontor --help` (the same as the module's; test/cli-help.test.ts checks). */
  summary: string;
  load: () => Promise<RegisterCommands>;
  /** Runs long or does heavy work (servers, imports): its process gets optimised WebAssembly (see below). */
  long?: true;
}

/**
 * Every top-level command, one line each, in the order of `kontor --help`. A new command: a module under
 * commands/ exporting its register function, and one line here.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'channel',
    summary: 'sales channels: add, edit, list, show, test',
    load: async () => (await import('./commands/channel.ts')).registerChannelCommands,
  },
  {
    name: 'import-customers',
    long: true,
    summary: 'import customers from a sales channel into the partner master (files a batch job)',
    load: async () => (await import('./commands/import-customers.ts')).registerImportCommand,
  },
  {
    name: 'partners',
    summary: 'the partner master: list, show, release, block, merge',
    load: async () => (await import('./commands/partners.ts')).registerPartnerCommands,
  },
  {
    name: 'records',
    summary:
      'records runs did not import (open records): list, confirm, ignore, retry; review matches: link, create-new',
    load: async () => (await import('./commands/records.ts')).registerRecordCommands,
  },
  {
    name: 'oltp',
    summary: 'OLTP databases (PROD, TEST, ...): add, list, remove',
    load: async () => (await import('./commands/oltp.ts')).registerOltpCommands,
  },
  {
    name: 'queue',
    summary: 'processing queues: add, edit, list',
    load: async () => (await import('./commands/queue.ts')).registerQueueCommands,
  },
  {
    name: 'jobs',
    summary: 'batch jobs: list, show, log, edit, release, cancel, trigger, rerun',
    load: async () => (await import('./commands/jobs.ts')).registerJobCommands,
  },
  {
    name: 'notifications',
    summary: 'notifications of batch jobs: list, ack',
    load: async () => (await import('./commands/notifications.ts')).registerNotificationCommands,
  },
  {
    name: 'worker',
    long: true,
    summary: 'run as an application server: process batch jobs of all processing queues',
    load: async () => (await import('./commands/worker.ts')).registerWorkerCommand,
  },
  {
    name: 'serve',
    long: true,
    summary: 'run Kontor: the web UI and HTTP API and an application server, on one database',
    load: async () => (await import('./commands/worker.ts')).registerServeCommand,
  },
  {
    name: 'app-server',
    summary: 'application servers',
    load: async () => (await import('./commands/worker.ts')).registerAppServerCommand,
  },
  {
    name: 'user',
    summary: 'users of the web UI and HTTP API: add, list, passwd',
    load: async () => (await import('./commands/user.ts')).registerUserCommands,
  },
  {
    name: 'secrets',
    summary: 'the secret key that seals channel secrets: rotate',
    load: async () => (await import('./commands/secrets.ts')).registerSecretCommands,
  },
  {
    name: 'backup',
    summary: 'back up a PGlite database folder into a file (also while kontor serve runs on it)',
    load: async () => (await import('./commands/backup.ts')).registerBackupCommand,
  },
  {
    name: 'restore',
    summary: 'restore a backup into a new PGlite database folder (never over an existing one)',
    load: async () => (await import('./commands/backup.ts')).registerRestoreCommand,
  },
  {
    name: 'demo',
    long: true,
    summary:
      'start a simulator for every adapter, create demo channels and import their customers as batch jobs',
    load: async () => (await import('./commands/demo.ts')).registerDemoCommand,
  },
  {
    name: 'simulator',
    long: true,
    summary: 'run a sales channel simulator with generated customers until Ctrl+C',
    load: async () => (await import('./commands/simulator.ts')).registerSimulatorCommand,
  },
];

const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Global options that take a value (they come before the command name). */
const GLOBAL_VALUE_OPTIONS = new Set(['--db', '--config', '--oltp']);

/** The top-level command argv names (`kontor --db x channel list` -> channel; `kontor help jobs` -> jobs). */
export function selectedCommand(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (GLOBAL_VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (arg === 'help') return args[i + 1] ?? null;
    return arg;
  }
  return null;
}

/**
 * Whether argv names a short command (a list, an edit: no server, no import). Their process can skip V8's
 * optimising WebAssembly compiler (`--liftoff-only`, set by bin/kontor.js): PGlite then opens in half the CPU
 * time, and the little SQL such a command runs does not need optimised code.
 */
export function isShortCommand(argv: readonly string[]): boolean {
  const selected = selectedCommand(argv.slice(2));
  const entry = COMMANDS.find((command) => command.name === selected);
  return entry !== undefined && entry.long !== true;
}

/** The value of a global option given before the command (`--config x` or `--config=x`). */
export function globalOption(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    if (GLOBAL_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return undefined;
  }
  return undefined;
}

export function createProgram(output: Output = consoleOutput): Command {
  return new Command('kontor')
    .description('Imports customers from sales channels into the ERP partner master.')
    .version(KONTOR_VERSION, '-V, --version', 'print the version of Kontor')
    .option('--db <folder|postgres-url>', 'database: a PGlite folder or a postgres:// URL (env KONTOR_DB)')
    .option('--oltp <name>', 'the OLTP database to work on (env KONTOR_OLTP; default: the first created)')
    .option('--config <file>', 'configuration file (env KONTOR_CONFIG; default: ./kontor.json if there)')
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(text.replace(/^error: /, 'kontor: ')),
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
      writeErr: (text) => output.err(text.replace(/\n$/, '')),
    });
}

/**
 * Registers the commands on `program`: those of the module of `selected` fully (loaded now), every other one
 * as a stub with its name and summary (enough for `kontor --help` and "unknown command" suggestions).
 */
export async function registerCommands(
  program: Command,
  selected: string | null,
  context: () => AppContext,
  setExitCode: (code: number) => void,
): Promise<void> {
  for (const entry of COMMANDS) {
    if (entry.name === selected) (await entry.load())(program, context, setExitCode);
    else program.command(entry.name).description(entry.summary);
  }
  addHelpExamples(program);
}

/** Runs the CLI with argv (as process.argv) and resolves to the exit code. */
export async function main(
  argv: readonly string[],
  output: Output = consoleOutput,
  options: AppContextOptions = {},
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const holder: { context?: AppContext } = {};
  const program = createProgram(output);
  try {
    const selected = selectedCommand(argv.slice(2));
    // Loaded only for a command: `kontor --help` needs none of the services.
    const loaded = selected === null ? null : await import('./app-context.ts');
    // The configuration file is read when the command runs (its help needs none, and shows with a broken one).
    const context = (): AppContext => {
      if (!loaded) throw new BugError('CLI_NO_COMMAND', 'A command ran without being selected.');
      if (!holder.context) {
        const processEnv = options.env ?? process.env;
        const env = effectiveEnv(loadConfig(globalOption(argv.slice(2), '--config'), processEnv), processEnv);
        const global = program.opts<{ db?: string; oltp?: string }>();
        holder.context = new loaded.AppContext(global.db ?? env.KONTOR_DB, output, {
          short: isShortCommand(argv),
          ...options,
          env,
          ...(global.oltp !== undefined ? { oltp: global.oltp } : {}),
        });
      }
      return holder.context;
    };
    await registerCommands(program, selected, context, (code) => {
      exitCode = code;
    });
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    } else {
      const kontorError = asKontorError(error);
      output.err(`kontor: ${kontorError.message}`);
      if (kontorError.kind === 'bug' && kontorError.detail) output.err(`  detail: ${kontorError.detail}`);
      exitCode = kontorError.kind === 'config' ? EXIT.invalidInput : EXIT.failed;
    }
  } finally {
    await holder.context?.close();
  }
  return exitCode;
}
