/**
 * Runs another benchmark script (partner search, batch latency) as a child process with BENCH_JSON=1: its
 * human-readable lines go to `say`, and the JSON document it prints last on stdout is returned.
 */
import { spawn } from 'node:child_process';

export async function runScript(
  script: string,
  env: Record<string, string>,
  say: (line: string) => void,
): Promise<unknown> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env, BENCH_JSON: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.trim() !== '') say(`  ${line}`);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) return { error: `${script} exited with ${code}` };
  try {
    return JSON.parse(stdout);
  } catch {
    return { error: `${script} printed no JSON`, output: stdout.slice(-2000) };
  }
}
