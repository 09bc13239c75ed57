/** The child of `startSimulatorProcess`: one adapter kind's simulator harness, driven by IPC messages. */
import { harnessOf } from '../../src/simulators/harnesses.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as {
  kind: string;
  customers: number;
  seed?: number;
  brokenShare?: number;
  pageSize?: number;
};
const harness = harnessOf(options.kind);
if (!harness) throw new Error(`no simulator ${options.kind}`);
const started = performance.now();
const simulator = await harness.start({
  customers: options.customers,
  seed: options.seed ?? 42,
  brokenShare: options.brokenShare ?? 0.01,
  pageSize: options.pageSize,
});
const generatedSeconds = (performance.now() - started) / 1000;
process.send?.({
  connection: simulator.connection,
  channelType: harness.channelType,
  generatedSeconds,
  rss: process.memoryUsage().rss,
});

process.on('message', (message: { id: number; command: string; argument?: unknown }) => {
  void (async () => {
    try {
      if (message.command === 'stop') {
        await simulator.close();
        process.disconnect();
        return;
      }
      let result: unknown;
      if (message.command === 'change') result = (await simulator.change(message.argument as number)).length;
      else if (message.command === 'memory') {
        (globalThis as { gc?: () => void }).gc?.();
        const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
        result = { rss, heapUsed, arrayBuffers };
      } else throw new Error(`unknown command ${message.command}`);
      process.send?.({ id: message.id, result });
    } catch (error) {
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
