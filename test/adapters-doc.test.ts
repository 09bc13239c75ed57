/** docs/adapters.md lists every adapter of the registry with the capabilities its code declares. */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { defaultAdapters } from '../src/adapters/registry.ts';
import { CHANNEL_TYPE_LABELS } from '../src/domain/sales-channel.ts';

const DELETIONS = { none: 'none', tombstones: 'tombstones', 'id-scan': 'id scan' } as const;

it('docs/adapters.md has a capability row per adapter that matches its declared capabilities', async () => {
  const doc = await readFile(new URL('../docs/adapters.md', import.meta.url), 'utf8');
  const rows = new Map(
    doc
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => /^`[a-z-]+`$/.test(cells[2] ?? ''))
      .map((cells) => [cells[2]?.replace(/`/g, '') as string, cells]),
  );
  const kinds = defaultAdapters.list().map((adapter) => adapter.kind);
  expect([...rows.keys()].sort()).toEqual([...kinds].sort());
  for (const adapter of defaultAdapters.list()) {
    const cells = rows.get(adapter.kind) as string[];
    const c = adapter.capabilities;
    expect(cells[4], adapter.kind).toBe(c.channelTypes.map((type) => CHANNEL_TYPE_LABELS[type]).join(', '));
    expect(cells[5], adapter.kind).toBe(c.changedSince ? 'yes' : 'no');
    expect(cells[6], adapter.kind).toBe(c.byEmail ? 'yes' : 'no');
    expect(cells[7], adapter.kind).toBe(DELETIONS[c.deletions]);
    expect(cells[8]?.startsWith(c.guests ? 'yes' : 'no'), adapter.kind).toBe(true);
    expect(cells[9], adapter.kind).toBe(c.alwaysBlocked ? 'always Blocked' : 'by the rules');
    expect(cells[10], adapter.kind).toBe(c.byId ? 'yes' : 'no');
  }
});
