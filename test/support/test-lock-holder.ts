/** Test support: runs folder-lock.fixture.ts in a child process and waits for its first line. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('./folder-lock.fixture.ts', import.meta.url));

export interface Holder {
  child: ChildProcess;
  /** "held <pid>" or "refused <code>". */
  line: string;
  exited: Promise<number | null>;
}

export async function startHolder(mode: 'lock' | 'open', folder: string, holdMs: number): Promise<Holder> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode, folder, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let output = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`fixture exited with ${code} before reporting`)));
  });
  return { child, line, exited };
}
