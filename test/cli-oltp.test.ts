/** `kontor oltp add|list|remove`, the global `--oltp` and env KONTOR_OLTP (in process, on a PGlite folder). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-cli-oltp-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function kontor(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['node', 'kontor', '--db', join(folder, 'db'), ...args],
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    { env: { ...process.env, KONTOR_OLTP: '', ...env } },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const channel = (name: string) =>
  `channel add ${name} --adapter magento --type b2c --url http://127.0.0.1:9 --setting token=t`.split(' ');

it('adds, lists and removes OLTP databases; --oltp and KONTOR_OLTP select one for every command', async () => {
  expect((await kontor(['oltp', 'add', 'TEST', '--language', 'de'])).code).toBe(0);
  const list = await kontor(['oltp', 'list', '--json']);
  expect(JSON.parse(list.out)).toEqual([
    { name: 'default', language: 'en', default: true },
    { name: 'TEST', language: 'de', default: false },
  ]);

  expect((await kontor(['--oltp', 'TEST', ...channel('test-shop')])).code).toBe(0);
  expect((await kontor(channel('default-shop'))).code).toBe(0);
  const names = async (env: NodeJS.ProcessEnv, args: string[] = []) =>
    JSON.parse((await kontor([...args, 'channel', 'list', '--json'], env)).out).map(
      (c: { name: string }) => c.name,
    );
  expect(await names({})).toEqual(['default-shop']);
  expect(await names({}, ['--oltp', 'test'])).toEqual(['test-shop']);
  expect(await names({ KONTOR_OLTP: 'TEST' })).toEqual(['test-shop']);
  expect(await names({ KONTOR_OLTP: 'TEST' }, ['--oltp', 'default'])).toEqual(['default-shop']);

  const unknown = await kontor(['--oltp', 'PROD', 'channel', 'list']);
  expect(unknown).toMatchObject({
    code: 2,
    err: 'kontor: OLTP database "PROD" does not exist. The OLTP databases are: default, TEST.',
  });

  // A job filed with --oltp belongs to that OLTP database; remove refuses it while the job is open.
  const filed = await kontor([
    '--oltp',
    'TEST',
    'import-customers',
    '--channel',
    'test-shop',
    '--no-release',
    '--json',
  ]);
  expect(filed.code).toBe(0);
  expect(JSON.parse(filed.out)).toMatchObject({ oltpDatabase: 'TEST', state: 'planned' });
  const refused = await kontor(['oltp', 'remove', 'TEST']);
  expect(refused.code).toBe(2);
  expect(refused.err).toContain('OLTP database "TEST" has batch jobs that have not ended');
  expect((await kontor(['jobs', 'cancel', String(JSON.parse(filed.out).id)])).code).toBe(0);
  // `kontor oltp` works even while KONTOR_OLTP names the one being removed.
  expect((await kontor(['oltp', 'remove', 'TEST'], { KONTOR_OLTP: 'TEST' })).code).toBe(0);
  expect((await kontor(['oltp', 'remove', 'default'])).err).toBe(
    'kontor: OLTP database "default" is the default one (the first created) and cannot be removed.',
  );
});
