/** Test support: application servers as child processes (`kontor worker`) on a PostgreSQL test database. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEST_ENTRY = 'test/support/batch-worker.ts';

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

/** Starts `kontor worker --app-server NAME` (with the test applications unless `bin` is set). */
export async function startWorker(
  dbUrl: string,
  name: string,
  options: { bin?: boolean; timing?: string[] } = {},
): Promise<WorkerProcess> {
  const timing = options.timing ?? ['--poll-ms', '200', '--heartbeat-ms', '100', '--lease-seconds', '1'];
  const entry = options.bin ? ['bin/kontor.js'] : ['--import', 'tsx', TEST_ENTRY];
  const child = spawn('node', [...entry, '--db', dbUrl, 'worker', '--app-server', name, ...timing], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    text += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (text.includes('running on')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`worker ${name} exited: ${text}`));
      }
    }, 20);
  });
  return {
    name,
    child,
    output: () => text,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
