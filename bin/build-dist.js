#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (tsc -p tsconfig.build.json, `.ts` specifiers rewritten to `.js`),
// copies what the code reads from disk next to it (the .sql migrations), and writes the build stamp that
// bin/kontor.js compares with the sources (dist-freshness.js).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP } from './dist-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// The sources as they are now: an edit during the build makes the stamp older than that file.
const startedAt = new Date();

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  rmSync(join(dist, BUILD_STAMP), { force: true });
  process.exit(result.status ?? 1);
}

const migrations = join(dist, 'storage', 'migrations');
rmSync(migrations, { recursive: true, force: true });
mkdirSync(migrations, { recursive: true });
cpSync(join(root, 'src', 'storage', 'migrations'), migrations, { recursive: true });

const stamp = join(dist, BUILD_STAMP);
writeFileSync(stamp, `${JSON.stringify({ builtAt: startedAt.toISOString() })}\n`);
utimesSync(stamp, startedAt, startedAt);
console.log(`kontor: compiled src/ to dist/ (${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s)`);
