/**
 * Which "write only" measurement the runner uses: bench/write-only.ts (the import's write path branch)
 * when it exists and exports `measureWriteOnly`, else bench/write-only-minimal.ts. The lead swaps by
 * adding bench/write-only.ts with the signature of write-only-minimal.ts's `measureWriteOnly`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WriteOnlyInput, WriteOnlyResult } from '../write-only-minimal.ts';

export interface WriteOnlyModule {
  module: string;
  measure(input: WriteOnlyInput): Promise<WriteOnlyResult>;
}

export async function loadWriteOnly(): Promise<WriteOnlyModule> {
  const preferred = new URL('../write-only.ts', import.meta.url);
  if (existsSync(fileURLToPath(preferred))) {
    const module = (await import(preferred.href)) as { measureWriteOnly?: WriteOnlyModule['measure'] };
    if (typeof module.measureWriteOnly === 'function')
      return { module: 'bench/write-only.ts', measure: module.measureWriteOnly };
  }
  const minimal = await import('../write-only-minimal.ts');
  return { module: 'bench/write-only-minimal.ts', measure: minimal.measureWriteOnly };
}
