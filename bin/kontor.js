#!/usr/bin/env node
// Entry point of the `kontor` command. Runs the compiled JavaScript in dist/ (`npm run build`, also run by
// `npm install` and CI) when it is newer than every source file; otherwise the TypeScript sources through tsx
// (development: an edit takes effect at once and stale JavaScript never runs). KONTOR_RUN=dist or =tsx forces one.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { distIsFresh } from './dist-freshness.js';

// A closed pipe (e.g. `kontor partners list | head`) ends the command quietly instead of crashing it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const forced = process.env.KONTOR_RUN;
if (forced !== undefined && forced !== 'dist' && forced !== 'tsx') {
  process.stderr.write(`kontor: KONTOR_RUN "${forced}" must be "dist" or "tsx".\n`);
  process.exit(2);
}
const useDist =
  forced === 'dist' || (forced === undefined && distIsFresh(fileURLToPath(new URL('..', import.meta.url))));
let cli;
if (useDist) {
  cli = await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
}
// A short command (a list, an edit) runs its little SQL on V8's baseline WebAssembly code only: PGlite opens
// in half the CPU time. Set before any WebAssembly is compiled; servers and imports keep the optimising tier.
if (cli.isShortCommand(process.argv)) setFlagsFromString('--liftoff-only');
process.exitCode = await cli.main(process.argv);
