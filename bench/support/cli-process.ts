/**
 * Runs the real `kontor` command (bin/kontor.js) as a user's shell would: a process of its own, in an empty
 * working folder (no kontor.json), with none of this process's KONTOR_ variables but the ones given. Times the
 * whole command, start-up included: the wall clock from spawn to exit and its CPU time (user + system of the
 * command and of whatever it waited for, from this process's cutime/cstime in /proc, which grow by exactly
 * that when the command is reaped; null where /proc is not there). BENCH_CLI_KONTOR=<checkout>/bin/kontor.js
 * times another checkout's build instead (before and after a change, side by side).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../../bin/dist-freshness.js';

const kontor = resolve(
  process.env.BENCH_CLI_KONTOR || fileURLToPath(new URL('../../bin/kontor.js', import.meta.url)),
);
/** The checkout whose bin/kontor.js runs. */
export const cliRoot = `${dirname(dirname(kontor))}/`;
const root = cliRoot;

export interface CliRun {
  /** Spawned and exited, epoch milliseconds (to set against the database's timestamps of the same host). */
  spawnedAt: number;
  exitedAt: number;
  wallSeconds: number;
  cpuSeconds: number | null;
  /**
   * The command's peak resident set (VmHWM of /proc/<pid>/status, its threads included), as last read before
   * it exited: read every 100 ms, so at most the last 100 ms of its life are missed. Null where /proc is not
   * there.
   */
  peakRssBytes: number | null;
  stdout: string;
  stderr: string;
}

/** Whether bin/kontor.js runs the compiled dist/ or the sources through tsx (KONTOR_RUN, else freshness). */
export function cliMode(env: NodeJS.ProcessEnv = process.env): 'dist' | 'tsx' {
  if (env.KONTOR_RUN === 'dist' || env.KONTOR_RUN === 'tsx') return env.KONTOR_RUN;
  return distIsFresh(root) ? 'dist' : 'tsx';
}

/** CPU seconds of this process's reaped children so far (cutime + cstime; clock ticks of 10 ms). */
function childrenCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** A process's peak resident set so far (VmHWM), or null when it cannot be read (gone, or no /proc). */
function peakRss(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The environment of the command: PATH, HOME and the like, KONTOR_RUN if set, and `env`. */
function commandEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([name]) => !name.startsWith('KONTOR_') || name === 'KONTOR_RUN',
  );
  return { ...Object.fromEntries(kept), ...env };
}

/** Runs `kontor <args>` in `cwd`; rejects when it exits other than 0. */
export function runCli(args: readonly string[], options: { cwd: string; env: Record<string, string> }) {
  return new Promise<CliRun>((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, [kontor, ...args], {
      cwd: options.cwd,
      env: commandEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakRssBytes: number | null = null;
    const watch = setInterval(() => {
      peakRssBytes = peakRss(child.pid) ?? peakRssBytes;
    }, 100);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearInterval(watch);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(watch);
      const wallSeconds = (performance.now() - started) / 1000;
      const exitedAt = Date.now();
      const cpuAfter = childrenCpuSeconds();
      if (code !== 0) {
        reject(new Error(`kontor ${args.join(' ')} exited ${code}: ${stderr.trim().slice(-2000)}`));
        return;
      }
      const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      resolve({ spawnedAt, exitedAt, wallSeconds, cpuSeconds, peakRssBytes, stdout, stderr });
    });
  });
}
