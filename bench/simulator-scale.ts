/**
 * What a simulator costs at N customers: generating and loading the shop, the heap it holds (after a full
 * garbage collection), its RSS, and the adapter's read only over HTTP. The simulator runs in a child
 * process (bench/support/simulator-process.ts). One JSON line on stdout:
 *   node --import tsx bench/simulator-scale.ts magento 100000 [noread]
 * To compare two commits, run it in a checkout of each, back to back (docs/performance.md).
 */
import { defaultAdapters } from '../src/adapters/registry.ts';
import { readOnly } from './read-only.ts';
import { startSimulatorProcess } from './support/simulator-process.ts';

const [kind = 'magento', count = '100000', read = 'read'] = process.argv.slice(2);
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const sim = await startSimulatorProcess({ kind, customers: Number(count) });
try {
  const loaded = await sim.memory();
  const figures: Record<string, unknown> = {
    kind,
    customers: Number(count),
    generatedSeconds: Number(sim.generatedSeconds.toFixed(1)),
    heapMiB: mib(loaded.heapUsed),
    arrayBuffersMiB: mib(loaded.arrayBuffers),
    rssMiB: mib(loaded.rss),
  };
  if (read !== 'noread') {
    const result = await readOnly(defaultAdapters.get(kind), sim.connection);
    figures.readSeconds = Number(result.seconds.toFixed(1));
    figures.perSecond = Math.round(result.records / result.seconds);
    figures.rssAfterReadMiB = mib((await sim.memory()).rss);
  }
  console.log(JSON.stringify(figures));
} finally {
  await sim.close();
}
