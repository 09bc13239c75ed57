/**
 * Test fixture, run in a child process by folder-lock.test.ts and pglite-db.test.ts:
 *   node --import tsx test/support/folder-lock.fixture.ts <lock|open> <folder> <holdMs>
 * Takes the folder lock (lock) or opens the PGlite folder (open), prints "held <pid>" or "refused <code>",
 * holds it for holdMs and exits normally (the exit handler releases a lock that was not released).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { lockFolder } from '../../src/storage/folder-lock.ts';
import { openPgliteDb } from '../../src/storage/pglite-db.ts';

const [mode, folder, holdMs] = process.argv.slice(2);
try {
  if (mode === 'open') {
    const db = await openPgliteDb(folder!);
    await db.query('SELECT 1');
  } else {
    await lockFolder(folder!);
  }
  process.stdout.write(`held ${process.pid}\n`);
  await sleep(Number(holdMs));
  process.exit(0);
} catch (error) {
  process.stdout.write(`refused ${(error as { code?: string }).code}\n`);
  process.exit(3);
}
