/**
 * A real `kontor serve` for the browser tests: its own process (bin/kontor.js) on a fresh PGlite folder and a
 * free port, with a fast application server; the first administrator's one-time password is read from its
 * output, as a user would read it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface KontorServer {
  url: string;
  admin: { name: string; oneTimePassword: string };
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** `kontor demo` instead of `serve`: simulators on free ports with this many customers each. */
export interface DemoStart {
  customers: number;
}

/** `prepare`: runs on the database folder before the server opens it (e.g. `kontor oltp add` in this process). */
export async function startKontorServer(
  appServer: string,
  demo?: DemoStart,
  prepare?: (dbFolder: string) => Promise<void>,
): Promise<KontorServer> {
  const folder = await mkdtemp(join(tmpdir(), 'kontor-web-'));
  await prepare?.(join(folder, 'db'));
  const command = demo
    ? ['demo', '--port', '0', '--http-port', '0', '--customers', String(demo.customers)]
    : ['serve', '--port', '0', '--poll-ms', '200', '--heartbeat-ms', '500'];
  const child = spawn(
    process.execPath,
    ['bin/kontor.js', '--db', join(folder, 'db'), ...command, '--app-server', appServer],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const stop = async () => {
    await stopProcess(child);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const started = await waitFor(
      child,
      () => {
        const url = /(?:Kontor is running at|The web UI and HTTP API run at) (http:\/\/\S+) /.exec(
          output,
        )?.[1];
        const password = /One-time password:\s+(\S+)/.exec(output)?.[1];
        return url && password ? { url, password } : null;
      },
      () => output,
    );
    return {
      url: started.url,
      admin: { name: 'admin', oneTimePassword: started.password },
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitFor<T>(
  child: ChildProcess,
  found: () => T | null,
  output: () => string,
  timeoutMs = 90_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = found();
      if (value !== null) {
        clearInterval(timer);
        resolve(value);
      } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`kontor serve did not start (exit ${child.exitCode}):\n${output()}`));
      }
    }, 100);
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
