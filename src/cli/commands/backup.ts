/**
 * `kontor backup <file>` and `kontor restore <file>`: a PGlite folder to a file and back (docs/operations.md).
 * A backup may be taken while Kontor runs on the folder: the running process takes it. PostgreSQL: pg_dump.
 */
import type { Command } from 'commander';
import type { AppContext } from '../app-context.ts';

function dbSpec(program: Command, app: AppContext): string | undefined {
  return program.opts<{ db?: string }>().db ?? app.env.KONTOR_DB;
}

export function registerBackupCommand(program: Command, context: () => AppContext): void {
  program
    .command('backup <file>')
    .description('back up a PGlite database folder into a file (also while kontor serve runs on it)')
    .action(async (file: string) => {
      const app = context();
      const { backupFolder, pgliteFolderOf } = await import('../../storage/folder-backup.ts');
      const result = await backupFolder(pgliteFolderOf(dbSpec(program, app), 'backup'), file);
      const size = `${(result.bytes / 1024 / 1024).toFixed(1)} MiB`;
      const by = result.takenBy === null ? '' : ` (taken by the running Kontor process ${result.takenBy})`;
      app.output.out(`Backup of ${result.folder} written to ${result.file}, ${size}${by}.`);
    });
}

export function registerRestoreCommand(program: Command, context: () => AppContext): void {
  program
    .command('restore <file>')
    .description('restore a backup into a new PGlite database folder (never over an existing one)')
    .action(async (file: string) => {
      const app = context();
      const { pgliteFolderOf, restoreFolder } = await import('../../storage/folder-backup.ts');
      const result = await restoreFolder(file, pgliteFolderOf(dbSpec(program, app), 'restore'));
      app.output.out(
        `Restored ${file} into ${result.folder} (schema version ${result.version}). Start Kontor on it with --db ${result.folder}.`,
      );
    });
}
