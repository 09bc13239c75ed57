/**
 * One measurement in a process of its own (forked by bench/support/measure.ts), so that its peak RSS
 * (process.resourceUsage().maxRSS) is the importing process's and nothing else's. Tasks:
 *   read-only   the adapter reads every page and discards it
 *   write-only  the pages, read into memory first (not timed; held off the heap, held-pages.ts), written
 *               into a fresh database
 *   import      into a fresh database: first import, unchanged re-import, then (after the parent changed
 *               1% of the customers in the simulator) a Last transfer
 * Prints nothing; sends one result message to the parent.
 */
import { defaultAdapters } from '../../src/adapters/registry.ts';
import { ChannelService } from '../../src/channels/channel-service.ts';
import { type ImportRequest, runImport } from '../../src/import/import-service.ts';
import { readOnly } from '../read-only.ts';
import { measureWriteOnly } from '../write-only-pages.ts';
import { freshDatabase } from './fresh-database.ts';
import { HeldPages } from './held-pages.ts';
import type { MeasureRequest, MeasureResult } from './measure.ts';
import { openBenchDb } from './open-bench-db.ts';

const request = JSON.parse(process.argv[2] ?? '{}') as MeasureRequest;
const adapter = defaultAdapters.get(request.kind);

/** Asks the parent to change `count` customers in the simulator; resolves when done. */
function changeInSimulator(count: number): Promise<void> {
  return new Promise((resolve) => {
    process.once('message', () => resolve());
    process.send?.({ change: count });
  });
}

const selection = (changedSince: ImportRequest['changedSince'], channel: string): ImportRequest => ({
  channel,
  changedSince,
  timestamp: null,
  emails: null,
  deactivateDeleted: false,
  confirmAllWarnings: true, // every customer is written, warnings or not
});

async function measure(): Promise<Omit<MeasureResult, 'maxRssBytes'>> {
  if (request.task === 'read-only') {
    const result = await readOnly(adapter, request.connection);
    return { seconds: { readOnly: result.seconds }, records: result.records };
  }
  const database = await freshDatabase(request.db);
  const db = await openBenchDb(database.spec);
  try {
    if (request.task === 'write-only') {
      const pages = new HeldPages();
      for await (const page of adapter.readCustomers(request.connection, {
        since: null,
        emails: null,
        cursor: null,
      }))
        pages.add(page);
      const cpu = process.cpuUsage();
      const result = await measureWriteOnly({ db, adapter, connection: request.connection, pages });
      const used = process.cpuUsage(cpu);
      return {
        seconds: { writeOnly: result.seconds },
        cpuSeconds: { writeOnly: (used.user + used.system) / 1e6 },
        records: result.records,
        writeOnlyModule: 'bench/write-only-pages.ts',
      };
    }
    const adapters = defaultAdapters;
    const channel = 'bench';
    await new ChannelService(db, adapters).add({
      name: channel,
      adapter: request.kind,
      type: 'b2b-b2c',
      url: request.connection.url,
      settings: { ...request.connection.settings },
      customerApproval: false,
      pseudoPartnerNumber: null,
    });
    const timed = async (changedSince: ImportRequest['changedSince']) => {
      const started = performance.now();
      const run = await runImport({ db, adapters }, selection(changedSince, channel));
      const seconds = (performance.now() - started) / 1000;
      if (run.state !== 'finished') throw new Error(`run ${run.id} ${run.state}: ${run.error?.message}`);
      return { seconds, read: run.counts.read };
    };
    const first = await timed('anytime');
    const again = await timed('anytime');
    await changeInSimulator(Math.max(1, Math.round(request.customers / 100)));
    const last = await timed('last-transfer');
    return {
      seconds: { firstImport: first.seconds, reimport: again.seconds, lastTransfer: last.seconds },
      records: first.read,
      lastTransferRead: last.read,
    };
  } finally {
    await db.close();
    await database.drop();
  }
}

try {
  const result = await measure();
  // maxRSS is in KiB.
  process.send?.({ result: { ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 } });
} catch (error) {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
process.disconnect();
