// Whether dist/ (the compiled CLI, `npm run build`) is there and newer than every source file under src/.
// bin/kontor.js runs dist/ only then, and the TypeScript sources through tsx otherwise (development): a source
// edited after the last build is never shadowed by stale JavaScript.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The file the build writes last; its modification time is the moment the build read the sources. */
export const BUILD_STAMP = '.build-stamp';

/** True when `root`/dist was built after the last change of any file under `root`/src (tests excluded). */
export function distIsFresh(root) {
  let builtAt;
  try {
    builtAt = statSync(join(root, 'dist', BUILD_STAMP)).mtimeMs;
  } catch {
    return false;
  }
  for (const entry of readdirSync(join(root, 'src'), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    const folder = entry.parentPath ?? entry.path;
    if (statSync(join(folder, entry.name)).mtimeMs > builtAt) return false;
  }
  return true;
}
