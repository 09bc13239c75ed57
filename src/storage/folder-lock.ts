/**
 * Only one process may open a PGlite folder. The lock is a file `kontor.lock` inside the folder holding the
 * owner's pid, created atomically (open with 'wx'). A lock whose process is gone (crash, kill -9) is stale and
 * is taken over; two processes taking over the same stale lock at once are serialised by a second guard file
 * `kontor.lock.takeover`. The lock is released by release() and, as a last resort, when the process exits
 * (process 'exit' event: normal end and process.exit(); a process killed by a signal leaves a stale lock).
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, TransientError } from '../domain/errors.ts';

export const LOCK_FILE = 'kontor.lock';
const TAKEOVER_SUFFIX = '.takeover';
/** How long to wait for a lock file that another process is still writing or taking over. */
const SETTLE_MS = 2_000;

export interface FolderLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; idempotent. */
  release(): void;
}

/** Lock files held by this process, with the content we wrote, for the exit handler. */
const held = new Map<string, string>();
/** The running lockFolder() call per lock file. */
const pending = new Map<string, Promise<FolderLock>>();
let exitHandlerInstalled = false;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function folderInUseError(folder: string, pid: number): ConfigError {
  return new ConfigError(
    'DB_IN_USE',
    `The database folder ${folder} is in use by another Kontor process (pid ${pid}). Stop it, or point this command at a PostgreSQL server with --db postgres://...`,
  );
}

/** Takes the lock of `folder` (which must exist) or throws ConfigError DB_IN_USE. */
export async function lockFolder(folder: string): Promise<FolderLock> {
  const file = join(folder, LOCK_FILE);
  // Calls of this process for one folder run one after another; the later ones then find it held.
  const attempt = (pending.get(file) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => acquire(folder, file));
  pending.set(file, attempt);
  try {
    return await attempt;
  } finally {
    if (pending.get(file) === attempt) pending.delete(file);
  }
}

async function acquire(folder: string, file: string): Promise<FolderLock> {
  if (held.has(file)) throw folderInUseError(folder, process.pid);
  const content = `${process.pid}\n`;
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    if (await createExclusive(file, content)) return hold(file, content);
    const current = await readText(file);
    if (current === null) continue; // released meanwhile: try again
    const pid = parsePid(current);
    if (pid !== null && pid !== process.pid && isProcessAlive(pid)) throw folderInUseError(folder, pid);
    if (pid === null && Date.now() < deadline) {
      await sleep(20); // created but not yet written by its owner
      continue;
    }
    // Stale: the owner is gone (or it is our own pid, left by an earlier process with the same pid).
    if (!(await takeOver(file, current)) && Date.now() >= deadline) {
      throw new TransientError('DB_LOCK_BUSY', `Could not take over the stale lock ${file}; try again.`);
    }
  }
}

async function takeOver(file: string, staleContent: string): Promise<boolean> {
  const guard = file + TAKEOVER_SUFFIX;
  if (!(await createExclusive(guard, `${process.pid}\n`))) {
    const guardPid = parsePid((await readText(guard)) ?? '');
    if (guardPid !== null && guardPid !== process.pid && isProcessAlive(guardPid)) {
      await sleep(20); // another process is taking over right now
    } else {
      await unlink(guard).catch(ignoreMissing); // its owner died during a takeover
    }
    return false;
  }
  try {
    if ((await readText(file)) === staleContent) await unlink(file).catch(ignoreMissing);
    return true;
  } finally {
    await unlink(guard).catch(ignoreMissing);
  }
}

function hold(file: string, content: string): FolderLock {
  held.set(file, content);
  installExitHandler();
  return {
    file,
    release: () => {
      if (held.get(file) !== content) return;
      held.delete(file);
      removeIfOurs(file, content);
    },
  };
}

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const [file, content] of held) removeIfOurs(file, content);
    held.clear();
  });
}

function removeIfOurs(file: string, content: string): void {
  try {
    if (readFileSync(file, 'utf8') === content) unlinkSync(file);
  } catch {
    // already gone
  }
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parsePid(text: string): number | null {
  const match = /^(\d+)\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
