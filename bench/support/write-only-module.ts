/**
 * Which "write only" measurement the runner uses: bench/write-only.ts (the write path's own benchmark:
 * `measureWriteOnly({ db, customers, pageSize })` imports that many generated customers held in memory)
 * when it exists, else bench/write-only-minimal.ts (the adapter's own pages, read into memory first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WriteOnlyInput, WriteOnlyResult } from '../write-only-minimal.ts';

export interface WriteOnlyModule {
  module: string;
  measure(input: WriteOnlyInput): Promise<WriteOnlyResult>;
}

/** bench/write-only.ts's entry point, as far as the runner uses it. */
type WritePathMeasure = (options: {
  db: WriteOnlyInput['db'];
  customers: number;
  pageSize: number;
}) => Promise<{ seconds: number }>;

export async function loadWriteOnly(): Promise<WriteOnlyModule> {
  const preferred = new URL('../write-only.ts', import.meta.url);
  if (existsSync(fileURLToPath(preferred))) {
    const module = (await import(preferred.href)) as { measureWriteOnly?: WritePathMeasure };
    const measureWriteOnly = module.measureWriteOnly;
    if (typeof measureWriteOnly === 'function') {
      return {
        module: 'bench/write-only.ts',
        // As many customers as the adapter read, in pages of the adapter's size.
        measure: async ({ db, adapter, pages }) => {
          const customers = pages.records;
          const result = await measureWriteOnly({ db, customers, pageSize: adapter.capabilities.pageSize });
          return { seconds: result.seconds, records: customers };
        },
      };
    }
  }
  const minimal = await import('../write-only-minimal.ts');
  return { module: 'bench/write-only-minimal.ts', measure: minimal.measureWriteOnly };
}
