/**
 * A simulator in its own process, for benchmarks: `fork`ed by `startSimulatorProcess` (bench/support/
 * simulator-child.ts runs the harness of one adapter kind), so that the benchmark's figures (time, memory)
 * are the importing process's own and not the simulator's. The child generates the shop, then answers
 * messages: change customers (their change time becomes now), report its memory, stop.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { ChannelConnection } from '../../src/adapters/adapter.ts';

export interface SimulatorProcess {
  connection: ChannelConnection;
  /** The channel type its simulator is added as (`kontor simulator` prints it in its `channel add` line). */
  channelType: string;
  /** How long generating and loading the shop took in the child, seconds. */
  generatedSeconds: number;
  /** Resident memory of the child after loading, bytes. */
  rss: number;
  /** Changes `count` customers now; resolves with how many were changed. */
  change(count: number): Promise<number>;
  /**
   * Resident and heap memory of the child now, after a full garbage collection (what the shop holds), and
   * the memory of its typed arrays (outside the heap).
   */
  memory(): Promise<{ rss: number; heapUsed: number; arrayBuffers: number }>;
  close(): Promise<void>;
}

type Reply = { id: number; result: unknown; error?: string };

export async function startSimulatorProcess(options: {
  kind: string;
  customers: number;
  seed?: number;
  brokenShare?: number;
  pageSize?: number;
}): Promise<SimulatorProcess> {
  const child = fork(new URL('./simulator-child.ts', import.meta.url), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  type Ready = Pick<SimulatorProcess, 'connection' | 'channelType' | 'generatedSeconds' | 'rss'>;
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as never));
    child.once('exit', (code) => reject(new Error(`simulator process exited (${code}) before it was ready`)));
  });
  let next = 0;
  const ask = (command: string, argument?: unknown): Promise<unknown> => {
    const id = ++next;
    return new Promise((resolve, reject) => {
      const onMessage = (message: Reply) => {
        if (message.id !== id) return;
        child.off('message', onMessage);
        if (message.error) reject(new Error(message.error));
        else resolve(message.result);
      };
      child.on('message', onMessage);
      child.send({ id, command, argument });
    });
  };
  return {
    ...ready,
    change: async (count) => (await ask('change', count)) as number,
    memory: async () => (await ask('memory')) as { rss: number; heapUsed: number; arrayBuffers: number },
    close: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ id: 0, command: 'stop' });
  await exited;
}
