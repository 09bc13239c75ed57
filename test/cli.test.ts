/** The `kontor` CLI contract of DESIGN.md section 5: commands, partner JSON, exit codes, messages. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';

type Simulator = Awaited<ReturnType<typeof startMagentoSimulator>>;

const PARTNER_KEYS = [
  'addresses',
  'company',
  'contacts',
  'email',
  'firstName',
  'lastName',
  'links',
  'name',
  'number',
  'phones',
  'salesRepresentative',
  'salesTaxClassification',
  'status',
  'taxId',
  'type',
  'websites',
];

async function kontor(dbFolder: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'kontor', '--db', dbFolder, ...args], {
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
  });
  return { code, stdout, stderr };
}

describe('kontor CLI', () => {
  let sim: Simulator;
  let folder: string;
  let db: string;

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 40, seed: 3, brokenShare: 0 });
    folder = await mkdtemp(join(tmpdir(), 'kontor-cli-'));
    db = join(folder, 'db');
    // Jobs filed from the shell belong to a Kontor user: without --user, the OS user.
    expect(await kontor(db, 'user', 'add', userInfo().username)).toMatchObject({ code: 0 });
  });
  afterAll(async () => {
    await sim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('prints its version with --version and -V, and exits 0 without opening a database', async () => {
    const version = (
      JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
        version: string;
      }
    ).version;
    for (const flag of ['--version', '-V']) {
      expect(await kontor(join(folder, 'never-opened'), flag)).toEqual({
        code: 0,
        stdout: `${version}\n`,
        stderr: '',
      });
    }
    await expect(stat(join(folder, 'never-opened'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('adds a channel, tests it, imports with --wait and prints the partner JSON of the contract', async () => {
    const add = await kontor(
      db,
      'channel',
      'add',
      'demo',
      '--adapter',
      'magento',
      '--type',
      'b2b-b2c',
      '--url',
      sim.url,
      '--setting',
      `token=${sim.token}`,
    );
    expect(add).toMatchObject({ code: 0, stderr: '' });
    expect(add.stdout).toContain('Sales channel "demo" created');

    const list = await kontor(db, 'channel', 'list', '--json');
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(sim.token);
    expect(JSON.parse(list.stdout)[0]).toMatchObject({
      name: 'demo',
      adapter: 'magento',
      type: 'b2b-b2c',
      secretsSet: ['token'],
    });

    const test = await kontor(db, 'channel', 'test', 'demo');
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(/40 customers/);

    const run = await kontor(
      db,
      'import-customers',
      '--channel',
      'demo',
      '--changed-since',
      'anytime',
      '--confirm-all-warnings',
      '--wait',
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      state: 'finished',
      counts: { read: 40, created: 40, errors: 0 },
    });

    const partners = await kontor(db, 'partners', 'list', '--channel', 'demo', '--json');
    expect(partners.code).toBe(0);
    const parsed = JSON.parse(partners.stdout) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(40);
    for (const partner of parsed) {
      expect(Object.keys(partner).sort()).toEqual(PARTNER_KEYS);
      expect(['B2B', 'B2C']).toContain(partner.type);
      expect(['Blocked', 'Released']).toContain(partner.status);
      for (const address of partner.addresses as Array<Record<string, unknown>>) {
        expect(Object.keys(address).sort()).toEqual([
          'city',
          'country',
          'defaultBilling',
          'defaultShipping',
          'postalCode',
          'region',
          'street',
        ]);
        expect(address.country).toMatch(/^[A-Z]{2}$/);
      }
      for (const link of partner.links as Array<Record<string, unknown>>) {
        expect(Object.keys(link).sort()).toEqual([
          'active',
          'channel',
          'deletedAt',
          'externalId',
          'importedAt',
        ]);
      }
    }
  });

  it('exits 2 with a one-line reason on invalid input', async () => {
    const add = `channel add x --adapter magento --url ${sim.url}`;
    const cases = [
      'import-customers --channel nope --wait',
      'import-customers --channel demo --changed-since yesterday --wait',
      'import-customers --channel demo --changed-since manual --timestamp tuesday --wait',
      'import-customers --channel demo --emails not-an-email --wait',
      'import-customers --channel demo --changed-since anytime --timestamp 2026-01-01T00:00:00Z --wait',
      'import-customers --channel demo --emails a@example.com --changed-since anytime --wait',
      'import-customers --channel demo --changed-since manual --timestamp 2999-01-01T00:00:00Z --wait',
      `channel add x --adapter nosuch --type b2c --url ${sim.url}`,
      `${add} --type b2x --setting token=t`,
      'channel add x --adapter magento --type b2c --url ftp://shop --setting token=t',
      `${add} --type b2c`,
      `${add} --type b2c --setting token=t --setting pageSize=5000`,
      `${add} --type b2c --setting token=t --setting colour=blue`,
      `channel add demo --adapter magento --url ${sim.url} --type b2c --setting token=t`,
      'channel test nope',
      'partners list --channel nope --json',
      `channel add x --adapter amazon --type b2b --url ${sim.url} --setting marketplaceIds=A1PA6795UKMFR9`,
      `channel add x --adapter amazon --type b2c --url ${sim.url} --setting marketplaceIds=A1PA6795UKMFR9 --setting clientId=x`,
      'simulator nosuch',
    ].map((line) => line.split(' '));
    for (const args of cases) {
      const result = await kontor(db, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 1 when the run fails, naming the cause without the secret', async () => {
    await kontor(
      db,
      'channel',
      'add',
      'locked-out',
      '--adapter',
      'magento',
      '--type',
      'b2c',
      '--url',
      sim.url,
      '--setting',
      'token=wrong-secret-123',
    );
    const run = await kontor(db, 'import-customers', '--channel', 'locked-out', '--wait');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed/);
    expect(run.stdout + run.stderr).not.toContain('wrong-secret-123');
    const test = await kontor(db, 'channel', 'test', 'locked-out');
    expect(test.code).toBe(1);
  });
});

describe('the kontor executable', () => {
  it('runs through bin/kontor.js and exits 2 on invalid input', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kontor-bin-'));
    try {
      const run = promisify(execFile)('node', [
        'bin/kontor.js',
        '--db',
        join(folder, 'db'),
        'import-customers',
        '--channel',
        'none',
        '--wait',
      ]);
      await expect(run).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('Sales channel "none" does not exist'),
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
