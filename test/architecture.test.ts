/**
 * The map of docs/development.md held against the code: which folder may import which, no test-only or demo
 * module in the production tree, and no demo data in the import graph of the CLI and the API (the simulators
 * are reached only through the dynamic imports of `kontor simulator` and `kontor demo`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const production = sourceFiles(SRC).filter((file) => !/\.test(-d)?\.ts$/.test(file));

/**
 * The relative modules a file imports (`import ... from`, `export ... from`); with `loaded`, only those that
 * load at run time (not `import type`, which the compiler erases, nor `import()`).
 */
function staticImports(file: string, loaded = false): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^(import|export)\s([^;]*?)from\s+'(\.{1,2}\/[^']+)'/gms)]
    .filter((match) => !loaded || !(match[2] as string).startsWith('type '))
    .map((match) => match[3] as string);
  return specifiers.map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)));
}

function reachableFrom(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file, true));
  }
  return seen;
}

describe('the structure', () => {
  it('keeps test-only, simulator and demo modules out of the production folders', () => {
    const misplaced = production.filter(
      (file) =>
        !file.startsWith('src/simulators/') &&
        !file.startsWith('src/cli/commands/simulator') &&
        /(^|\/)(test-[^/]*|[^/]*\.fixture|[^/]*simulator[^/]*|[^/]*harness[^/]*|seed[^/]*)\.ts$/.test(file),
    );
    expect(misplaced).toEqual([]);
  });

  it('lets storage import only the domain', () => {
    const upward = production
      .filter((file) => file.startsWith('src/storage/'))
      .flatMap((file) => staticImports(file).map((target) => `${file} -> ${target}`))
      .filter((arrow) => !/-> src\/(storage|domain)\//.test(arrow));
    expect(upward).toEqual([]);
  });

  it('lets no entry point call a store: the CLI and the API go through the services', () => {
    const direct = production
      .filter((file) => file.startsWith('src/cli/') || file.startsWith('src/api/'))
      .flatMap((file) => staticImports(file).map((target) => `${file} -> ${target}`))
      .filter((arrow) => /-> src\/storage\/.*-store\.ts$/.test(arrow));
    expect(direct).toEqual([]);
  });

  it('keeps the adapters off the database', () => {
    const arrows = production
      .filter((file) => file.startsWith('src/adapters/'))
      .flatMap((file) => staticImports(file).map((target) => `${file} -> ${target}`))
      .filter((arrow) => /-> src\/(storage|import|batch|api|cli)\//.test(arrow));
    expect(arrows).toEqual([]);
  });

  it('holds no simulator, sample data or test module in the import graph of the CLI and the API', () => {
    // main.ts loads each command's module by a dynamic import (COMMANDS): those modules are entries too.
    const commands = [
      ...readFileSync(join(SRC, 'cli', 'main.ts'), 'utf8').matchAll(/import\('(\.\/[^']+)'\)/g),
    ].map((match) => relative(ROOT, resolve(SRC, 'cli', match[1] as string)));
    expect(commands).toContain('src/cli/commands/channel.ts');
    const reached = [...reachableFrom(['src/cli/main.ts', ...commands, 'src/api/server.ts'])];
    expect(reached.length).toBeGreaterThan(50);
    expect(reached.filter((file) => file.startsWith('src/simulators/') || file.startsWith('test/'))).toEqual(
      [],
    );
  });
});
