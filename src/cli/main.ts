/** The `kontor` command line. Commands are thin: they parse options and call the application services. */
import { Command, CommanderError } from 'commander';
import { asKontorError } from '../domain/errors.ts';
import { AppContext, type AppContextOptions, type Output } from './app-context.ts';
import { registerChannelCommands } from './commands/channel.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerImportCommand } from './commands/import-customers.ts';
import { registerJobCommands } from './commands/jobs.ts';
import { registerNotificationCommands } from './commands/notifications.ts';
import { registerPartnerCommands } from './commands/partners.ts';
import { registerQueueCommands } from './commands/queue.ts';
import { registerRecordCommands } from './commands/records.ts';
import { registerSecretCommands } from './commands/secrets.ts';
import { registerSimulatorCommand } from './commands/simulator.ts';
import { registerUserCommands } from './commands/user.ts';
import { registerServerCommands } from './commands/worker.ts';
import { EXIT } from './exit-codes.ts';
import { KONTOR_VERSION } from './kontor-version.ts';

const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export function buildProgram(
  context: () => AppContext,
  setExitCode: (code: number) => void,
  output: Output = consoleOutput,
): Command {
  const program = new Command('kontor')
    .description('Imports customers from sales channels into the ERP partner master.')
    .version(KONTOR_VERSION, '-V, --version', 'print the version of Kontor')
    .option('--db <folder|postgres-url>', 'database: a PGlite folder or a postgres:// URL (env KONTOR_DB)')
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(text),
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
    });
  registerChannelCommands(program, context, setExitCode);
  registerImportCommand(program, context, setExitCode);
  registerPartnerCommands(program, context, setExitCode);
  registerRecordCommands(program, context, setExitCode);
  registerQueueCommands(program, context);
  registerJobCommands(program, context);
  registerNotificationCommands(program, context);
  registerServerCommands(program, context);
  registerUserCommands(program, context);
  registerSecretCommands(program, context);
  registerDemoCommand(program, context, setExitCode);
  registerSimulatorCommand(program, context, setExitCode);
  return program;
}

/** Runs the CLI with argv (as process.argv) and resolves to the exit code. */
export async function main(
  argv: readonly string[],
  output: Output = consoleOutput,
  options: AppContextOptions = {},
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const holder: { context?: AppContext } = {};
  const context = (): AppContext => {
    holder.context ??= new AppContext(
      program.opts<{ db?: string }>().db ?? process.env.KONTOR_DB,
      output,
      options,
    );
    return holder.context;
  };
  const program = buildProgram(
    context,
    (code) => {
      exitCode = code;
    },
    output,
  );
  try {
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
