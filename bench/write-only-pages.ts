/**
 * "Write only" of `npm run bench` (issue 12: the same pages from memory): the adapter's pages are read into
 * memory first (not timed), then a real import runs with an adapter that hands out those pages (no HTTP, no
 * shop), into a fresh database. So write only and the first import write the same customers, and their ratio
 * compares like with like. bench/write-only.ts is the write path's own benchmark on generated customers (any
 * N and page size, without a simulator); its customers are more alike than a shop's (few distinct names and
 * streets), which makes its writes cheaper than a shop's: docs/performance.md.
 */
import type { Adapter, ChannelConnection } from '../src/adapters/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import { runImport } from '../src/import/import-service.ts';
import type { Db } from '../src/storage/db.ts';
import type { HeldPages } from './support/held-pages.ts';
import { anytime } from './write-only.ts';

export interface WriteOnlyInput {
  /** A fresh, migrated database. */
  db: Db;
  /** The real adapter (its kind, settings and capabilities). */
  adapter: Adapter;
  connection: ChannelConnection;
  /** The pages to write, held in memory (bench/support/held-pages.ts). */
  pages: HeldPages;
}

export interface WriteOnlyResult {
  seconds: number;
  records: number;
}

/** Writes `pages` from memory into `db` through the import (first import, every warning confirmed). */
export async function measureWriteOnly(input: WriteOnlyInput): Promise<WriteOnlyResult> {
  const { db, adapter, connection, pages } = input;
  const replay: Adapter = {
    ...adapter,
    async *readCustomers() {
      yield* pages;
    },
  };
  const adapters = createAdapterRegistry([replay]);
  const channel = 'bench-write-only';
  await new ChannelService(db, adapters).add({
    name: channel,
    adapter: adapter.kind,
    type: 'b2b-b2c',
    url: connection.url,
    settings: { ...connection.settings },
    customerApproval: false,
    pseudoPartnerNumber: null,
  });
  const started = performance.now();
  const run = await runImport({ db, adapters }, anytime(channel));
  const seconds = (performance.now() - started) / 1000;
  if (run.state !== 'finished') throw new Error(`write-only run ${run.state}: ${run.error?.message}`);
  return { seconds, records: run.counts.read };
}
