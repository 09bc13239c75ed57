/**
 * "Read only": the adapter reads every page of a channel and discards it, nothing else. What an import
 * cannot be faster than (besides writing). Used by bench/run.ts; on its own:
 *   node --import tsx bench/read-only.ts magento 10000
 * starts the simulator in a child process and prints the time.
 */
import type { Adapter, ChannelConnection } from '../src/adapters/adapter.ts';
import { defaultAdapters } from '../src/adapters/registry.ts';
import { startSimulatorProcess } from './support/simulator-process.ts';

export interface ReadOnlyResult {
  seconds: number;
  /** Customers and rejected records read. */
  records: number;
  pages: number;
}

export async function readOnly(adapter: Adapter, connection: ChannelConnection): Promise<ReadOnlyResult> {
  const started = performance.now();
  let records = 0;
  let pages = 0;
  for await (const page of adapter.readCustomers(connection, {
    since: null,
    emails: null,
    cursor: null,
  })) {
    records += page.customers.length + page.rejected.length;
    pages += 1;
  }
  return { seconds: (performance.now() - started) / 1000, records, pages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = process.argv[2] ?? 'magento';
  const customers = Number(process.argv[3] ?? 10_000);
  const adapter = defaultAdapters.get(kind);
  const sim = await startSimulatorProcess({ kind, customers });
  try {
    console.log(
      `${kind}: generated ${customers} in ${sim.generatedSeconds.toFixed(1)} s, simulator RSS ${Math.round(sim.rss / 2 ** 20)} MiB`,
    );
    const result = await readOnly(adapter, sim.connection);
    console.log(
      `${kind} read only ${customers}: ${result.seconds.toFixed(2)} s, ${result.records} records in ${result.pages} pages (${Math.round(result.records / result.seconds)}/s)`,
    );
  } finally {
    await sim.close();
  }
}
