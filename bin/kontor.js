#!/usr/bin/env node
// Entry point of the `kontor` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// A closed pipe (e.g. `kontor partners list | head`) ends the command quietly instead of crashing it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
