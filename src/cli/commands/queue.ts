/** `kontor queue add|edit|list`: processing queues (the System cockpit's "Processing queue" category). */
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';
import { formatTable } from '../table.ts';

export function registerQueueCommands(program: Command, context: () => AppContext): void {
  const queue = program.command('queue').description('processing queues: add, edit, list');
  queue
    .command('add <name>')
    .description('create a processing queue (it runs one job at a time, in order)')
    .option('--description <text>', 'what the queue is for')
    .action(async (name: string, options: { description?: string }) => {
      const app = context();
      await (await app.services()).queues.add(name, options.description ?? null);
      app.output.out(`Processing queue "${name}" created.`);
    });
  queue
    .command('edit <name>')
    .description("change a processing queue's description")
    .requiredOption('--description <text>', 'what the queue is for ("" for none)')
    .action(async (name: string, options: { description: string }) => {
      const app = context();
      await (await app.services()).queues.edit(name, options.description);
      app.output.out(`Processing queue "${name}" saved.`);
    });
  queue
    .command('list')
    .description('list processing queues with their waiting (ready) and running (active) jobs')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const app = context();
      const list = await (await app.services()).queues.list();
      if (options.json) {
        app.output.out(JSON.stringify(list, null, 2));
        return;
      }
      app.output.out(
        formatTable(
          ['Queue', 'Ready', 'Active', 'Description'],
          list.map((q) => [q.name, String(q.ready), String(q.active), q.description ?? '']),
        ),
      );
    });
}
