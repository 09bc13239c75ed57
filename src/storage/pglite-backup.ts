/**
 * Backups of a PGlite folder (`kontor backup`, `kontor restore`). A backup is PGlite's dump of its data
 * directory (a tarball, gzip-compressed) without Kontor's own files (lock, socket). PGlite takes it under its
 * query lock, so no statement runs meanwhile: the dump is a consistent image that PostgreSQL recovers like a
 * restart after a crash (committed transactions are in; nothing half-written).
 *
 * Only one process opens a folder (folder-lock.ts). The process that has it open (`kontor serve`, a worker)
 * answers backup requests on the socket `<folder>.sock` beside the folder (mode 0600: only its owner can
 * connect; not inside it, where PGlite's file system could not walk past it), so a backup needs no stop.
 * Request: the line `backup`; answer: one JSON line `{"ok":true,"bytes":N}` and N bytes, or
 * `{"ok":false,"message":"..."}`.
 */
import { existsSync } from 'node:fs';
import { chmod, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConfigError, KontorError } from '../domain/errors.ts';
import { LOCK_FILE } from './folder-lock.ts';

/** Unix socket paths are limited to 107 bytes on Linux; a longer folder answers no backups while in use. */
const MAX_SOCKET_PATH = 107;

/** The backup socket of a database folder. */
export function backupSocketOf(folder: string): string {
  return `${resolve(folder)}.sock`;
}

/** Kontor's own files in a database folder (the lock): never part of a backup. */
export function isKontorFile(name: string): boolean {
  return name.startsWith(LOCK_FILE);
}

/** The tarball without Kontor's files at its top level (uncompressed ustar, as PGlite writes it). */
export function withoutKontorFiles(tar: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    const prefix = text(header, 345, 155);
    const path = (prefix ? `${prefix}/` : '') + text(header, 0, 100);
    const top = path.replace(/^(\.?\/)+/, '').split('/')[0] ?? '';
    const nested = path.replace(/^(\.?\/)+/, '').includes('/');
    if (nested || !isKontorFile(top)) kept.push(tar.subarray(offset, end));
    offset = end;
  }
  kept.push(new Uint8Array(1024));
  return Buffer.concat(kept);
}

function text(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const zero = field.indexOf(0);
  return Buffer.from(zero === -1 ? field : field.subarray(0, zero)).toString('utf8');
}

/**
 * Answers backup requests for `folder` with `dump` until closed; null when there can be no socket (the path is
 * too long, or the folder's parent is not writable): `kontor backup` then says to stop the process first.
 */
export async function serveBackups(folder: string, dump: () => Promise<Uint8Array>): Promise<Server | null> {
  const path = backupSocketOf(folder);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return null;
  const server = createServer((socket) => {
    socket.once('data', () => {
      dump().then(
        (tar) => {
          const backup = gzipSync(withoutKontorFiles(tar), { level: 3 });
          socket.end(
            Buffer.concat([Buffer.from(`${JSON.stringify({ ok: true, bytes: backup.length })}\n`), backup]),
          );
        },
        (error: unknown) => {
          socket.end(
            `${JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) })}\n`,
          );
        },
      );
    });
    socket.on('error', () => undefined);
  });
  // The caller holds the folder's lock: a socket file left there belongs to a process that is gone.
  await unlink(path).catch(() => undefined);
  const listening = new Promise<boolean>((done) => {
    server.once('error', () => done(false));
    server.once('listening', () => done(true));
  });
  server.listen(path);
  if (!(await listening)) return null;
  server.unref();
  // Connecting needs write permission on the socket: with the usual umask (022) only the owner has it from the
  // start; 0600 takes it from everyone else whatever the umask.
  await chmod(path, 0o600).catch(() => undefined);
  return server;
}

/** Stops answering backups and removes the socket file. */
export async function stopServingBackups(server: Server | null, folder: string): Promise<void> {
  if (!server) return;
  await new Promise<void>((done) => server.close(() => done()));
  await unlink(backupSocketOf(folder)).catch(() => undefined);
}

/** Asks the process holding `folder` for a backup over its socket. */
export async function requestBackup(folder: string, pid: number): Promise<Uint8Array> {
  const path = backupSocketOf(folder);
  const chunks: Buffer[] = [];
  await new Promise<void>((done, fail) => {
    const socket = createConnection(path, () => socket.write('backup\n'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => done());
    socket.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        new ConfigError(
          'BACKUP_UNANSWERED',
          `The database folder ${folder} is in use by process ${pid}, which does not answer backup requests (${error.code ?? error.message}). Stop it, or run the backup when it has ended.`,
        ),
      ),
    );
  });
  const answer = Buffer.concat(chunks);
  const newline = answer.indexOf(10);
  const header = JSON.parse(answer.subarray(0, newline).toString('utf8')) as {
    ok: boolean;
    bytes?: number;
    message?: string;
  };
  const body = answer.subarray(newline + 1);
  if (!header.ok || body.length !== header.bytes) {
    throw new ConfigError(
      'BACKUP_FAILED',
      `The Kontor process ${pid} could not take the backup: ${header.message ?? 'the answer was cut short'}.`,
    );
  }
  return body;
}

/** Writes `bytes` to `file` (0600: a backup holds password hashes and sealed secrets) via a temporary file. */
export async function writeBackupFile(file: string, bytes: Uint8Array): Promise<void> {
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/** Reads a backup file: the tarball (uncompressed), checked to hold a PostgreSQL data directory. */
export async function readBackupFile(file: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(file));
  } catch (error) {
    throw new ConfigError(
      'BACKUP_UNREADABLE',
      `The backup ${file} cannot be read: ${(error as Error).message}`,
    );
  }
  const notBackup = () =>
    new ConfigError(
      'BACKUP_INVALID',
      `${file} is not a Kontor backup (made by kontor backup of a PGlite folder).`,
    );
  let tar: Uint8Array;
  try {
    tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  } catch {
    throw notBackup();
  }
  if (!Buffer.from(tar.subarray(0, 1 << 20)).includes('PG_VERSION')) throw notBackup();
  return tar;
}

/** Refuses a restore into a folder that holds anything: a restore never overwrites a database. */
export async function assertEmptyFolder(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  const entries = await readdir(folder).catch((error: unknown) => {
    throw new ConfigError('RESTORE_TARGET_INVALID', `${folder} is not a folder: ${(error as Error).message}`);
  });
  if (entries.length > 0) {
    throw new ConfigError(
      'RESTORE_TARGET_NOT_EMPTY',
      `The folder ${folder} is not empty: restore into a new folder (--db <new-folder>), then stop Kontor and point it at that folder.`,
    );
  }
}

/** Removes what a failed restore left (the caller made the folder). */
export async function removeFailedRestore(folder: string, error: unknown): Promise<never> {
  await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  if (error instanceof KontorError) throw error;
  throw new ConfigError('RESTORE_FAILED', `The restore into ${folder} failed: ${(error as Error).message}`, {
    cause: error,
  });
}
