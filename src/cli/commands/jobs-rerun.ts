/** `kontor jobs rerun <job>`: files an ended job once more with the same settings; it runs now. */
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';

export function registerJobRerunCommand(jobs: Command, context: () => AppContext): void {
  jobs
    .command('rerun <job>')
    .description(
      'run a finished, failed, canceled, missed or abandoned job (id or name) again with the same settings: ' +
        'a new job, Add to queue, released; prints its id',
    )
    .option('--json', 'print the new job as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  kontor jobs rerun 12\n  kontor jobs rerun nightly-shop-import --json',
    )
    .action(async (ref: string, options: { json?: boolean }) => {
      const app = context();
      const service = await app.jobs();
      const from = await service.show(ref);
      const job = await service.rerun(String(from.id));
      if (options.json) {
        app.output.out(JSON.stringify(job, null, 2));
        return;
      }
      app.output.out(
        `Batch job ${job.id} "${job.name}": ${job.state} (queue ${job.queue}), filed again from batch job ${from.id}.`,
      );
    });
}
