/**
 * Test support: a PostgreSQL server of the test's own (initdb into a temporary folder, its own port), so that
 * a test can restart or stop it without touching the shared server other tests run on. Uses the machine's
 * PostgreSQL programs (pg_config --bindir, or /usr/lib/postgresql/<version>/bin); as root the server runs as
 * the `postgres` user, as PostgreSQL requires.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  url: string;
  /** `pg_ctl stop -m fast`: every connection is cut; the data stays for `start`. */
  halt(): Promise<void>;
  /** Starts the halted server again. */
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

async function binDir(): Promise<string | null> {
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    if (existsSync(join(stdout.trim(), 'initdb'))) return stdout.trim();
  } catch {}
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Why no private server can be started here, or null if one can. */
export async function privatePostgresProblem(): Promise<string | null> {
  if ((await binDir()) === null) return 'no PostgreSQL programs (initdb, pg_ctl) on this machine';
  if (process.getuid?.() === 0) {
    try {
      await run('id', ['postgres']);
    } catch {
      return 'running as root without a postgres user to run the server as';
    }
  }
  return null;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = await binDir();
  if (bin === null) throw new Error('no PostgreSQL programs on this machine');
  const folder = mkdtempSync(join(tmpdir(), 'kontor-private-pg-'));
  const data = join(folder, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(folder, Number(stdout.trim()), Number(group.trim()));
  }
  chmodSync(folder, 0o700);
  const as = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args])
      : run(join(bin, program), args);
  await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const ctl = (action: string, extra: string[] = []) =>
    as('pg_ctl', [action, '-D', data, '-w', '-t', '30', '-o', options, '-l', join(folder, 'log'), ...extra]);
  await ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt: async () => {
      await ctl('stop', ['-m', 'fast']);
    },
    start: async () => {
      await ctl('start');
    },
    stop: async () => {
      await ctl('stop', ['-m', 'immediate']).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
