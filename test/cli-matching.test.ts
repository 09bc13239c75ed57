/** `kontor channel add|edit --match`, `channel show|list`, and the refusals of `records link` (DESIGN.md 5). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

let folder: string;
let db: string;

async function kontor(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'kontor', '--db', db, ...args],
    {
      out: (text) => {
        stdout += `${text}\n`;
      },
      err: (text) => {
        stderr += `${text}\n`;
      },
    },
    { env: { KONTOR_SECRET_KEY_FILE: process.env.KONTOR_SECRET_KEY_FILE } },
  );
  return { code, stdout, stderr };
}

const shop = ['--adapter', 'magento', '--type', 'b2c', '--url', 'http://127.0.0.1:9', '--setting', 'token=t'];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-match-cli-'));
  db = join(folder, 'db');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('kontor channel --match', () => {
  it('stores the rules in their order, shows them, and takes none', async () => {
    expect((await kontor(['channel', 'add', 'shop', ...shop, '--match', 'tax-id, email'])).code).toBe(0);
    const shown = JSON.parse((await kontor(['channel', 'show', 'shop', '--json'])).stdout);
    expect(shown).toMatchObject({ name: 'shop', matchRules: ['tax-id', 'email'], openRecords: 0 });
    expect((await kontor(['channel', 'show', 'shop'])).stdout).toMatch(/Matching:\s+tax-id,email/);

    // An edit without --match keeps them; --match changes them.
    await kontor(['channel', 'edit', 'shop', '--url', 'http://127.0.0.1:10']);
    const [listed] = JSON.parse((await kontor(['channel', 'list', '--json'])).stdout);
    expect(listed.matchRules).toEqual(['tax-id', 'email']);
    await kontor(['channel', 'edit', 'shop', '--match', 'phone,email']);
    expect((await kontor(['channel', 'list'])).stdout).toContain('phone,email');
    await kontor(['channel', 'edit', 'shop', '--match', 'none']);
    expect(JSON.parse((await kontor(['channel', 'show', 'shop', '--json'])).stdout).matchRules).toEqual([]);
  });

  it('refuses unknown or repeated rules with exit 2 and a one-line reason', async () => {
    const wrong = await kontor(['channel', 'edit', 'shop', '--match', 'email,name']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^kontor: "name" is no matching rule/);
    const twice = await kontor(['channel', 'add', 'other', ...shop, '--match', 'email,email']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('given twice');
  });

  it('refuses records link of a record that is not kept, with exit 2', async () => {
    const link = await kontor(['records', 'link', '--channel', 'shop', '7', '--partner', '100001']);
    expect(link.code).toBe(2);
    expect(link.stderr).toContain('No record with external id 7 is kept for sales channel "shop"');
  });
});
