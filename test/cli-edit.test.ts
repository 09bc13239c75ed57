/** The editing and searching commands of `kontor`: channel edit, queue edit, jobs edit, jobs list and partners filters. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Partner } from '../src/domain/partner.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';

describe('kontor CLI: editing and searching', () => {
  let sim: MagentoSimulator;
  let folder: string;
  let db: string;

  async function kontor(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(['node', 'kontor', '--db', db, ...args], {
      out: (text) => {
        stdout += `${text}\n`;
      },
      err: (text) => {
        stderr += `${text}\n`;
      },
    });
    return { code, stdout, stderr };
  }
  const json = async (...args: string[]) => {
    const result = await kontor(...args, '--json');
    expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout);
  };
  /** Exit 2 with a one-line reason on stderr, nothing on stdout. */
  const refused = async (...args: string[]) => {
    const result = await kontor(...args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(result.stdout, args.join(' ')).toBe('');
    return result.stderr;
  };

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 12, seed: 8, brokenShare: 0 });
    folder = await mkdtemp(join(tmpdir(), 'kontor-cli-edit-'));
    db = join(folder, 'db');
    // Jobs filed from the shell belong to a Kontor user: --user anna, else the OS user.
    for (const user of ['anna', userInfo().username])
      expect(await kontor('user', 'add', user)).toMatchObject({ code: 0 });
    const add = await kontor(
      ...`channel add shop --adapter magento --type b2b-b2c --url ${sim.url}/moved --setting pageSize=20`.split(
        ' ',
      ),
      '--setting',
      `token=${sim.token}`,
    );
    expect(add.code).toBe(0);
    expect(
      (
        await kontor(
          'channel',
          'add',
          'other',
          '--adapter',
          'magento',
          '--type',
          'b2c',
          '--url',
          sim.url,
          '--setting',
          'token=t',
        )
      ).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await sim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('edits a sales channel: only the options given change, the secret stays unless given, a rename keeps it working', async () => {
    const edited = await json(
      ...`channel edit shop --url ${sim.url} --setting storeCode=default --customer-approval --pseudo-partner P-1 --setting token=`.split(
        ' ',
      ),
    );
    expect(edited).toMatchObject({
      name: 'shop',
      url: sim.url,
      adapterLabel: 'Magento 2 / Adobe Commerce',
      settings: { pageSize: '20', storeCode: 'default' },
      secretsSet: ['token'],
      customerApproval: true,
      pseudoPartnerNumber: 'P-1',
    });
    const renamed = await kontor(
      'channel',
      'edit',
      'shop',
      '--name',
      'shop-de',
      '--no-pseudo-partner',
      '--no-customer-approval',
    );
    expect(renamed).toMatchObject({ code: 0, stderr: '' });
    expect(renamed.stdout).toContain('Sales channel "shop-de" saved');
    const list = await kontor('channel', 'list', '--json');
    expect(list.stdout).not.toContain(sim.token);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ name: 'other' }),
      expect.objectContaining({
        name: 'shop-de',
        customerApproval: false,
        pseudoPartnerNumber: null,
        settings: { b2bCompanies: 'false', pageSize: '20', storeCode: 'default' },
      }),
    ]);
    // The token was kept through both edits: the channel still connects.
    expect((await kontor('channel', 'test', 'shop-de')).code).toBe(0);

    expect(await refused('channel', 'edit', 'shop-de', '--name', 'other')).toMatch(/"other" already exists/);
    await refused('channel', 'edit', 'nope', '--url', sim.url);
    await refused('channel', 'edit', 'shop-de', '--type', 'b2x');
    await refused('channel', 'edit', 'shop-de', '--setting', 'pageSize=abc');
    await refused('channel', 'edit', 'shop-de', '--setting', 'colour=blue');
    expect((await json('channel', 'list'))[1]).toMatchObject({ name: 'shop-de', url: sim.url });
  });

  it('clears a secret setting with --clear-setting: a Retail POS channel switches to user name and password', async () => {
    const add = await kontor(
      ...'channel add pos --adapter retail-pos --type b2c --url https://pos.example.com --setting apiKey=pos-key-1'.split(
        ' ',
      ),
    );
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const basic = '--setting username=head-office --setting password=pos-pass-1'.split(' ');
    expect(await refused('channel', 'edit', 'pos', ...basic)).toMatch(/either an API key or a user name/);
    expect(await refused('channel', 'edit', 'pos', ...basic, '--clear-setting', 'username')).toMatch(
      /no secret setting/,
    );
    const switched = await json('channel', 'edit', 'pos', ...basic, '--clear-setting', 'apiKey');
    expect(switched).toMatchObject({ settings: { username: 'head-office' }, secretsSet: ['password'] });
  });

  it('edits a processing queue and refuses a taken name', async () => {
    expect((await kontor('queue', 'add', 'imports')).code).toBe(0);
    expect(await kontor('queue', 'edit', 'imports', '--description', 'Nightly imports')).toMatchObject({
      code: 0,
      stdout: 'Processing queue "imports" saved.\n',
    });
    expect((await json('queue', 'list')).find((q: { name: string }) => q.name === 'imports')).toMatchObject({
      description: 'Nightly imports',
    });
    await refused('queue', 'edit', 'nope', '--description', 'x');
    await refused('queue', 'edit', 'imports', '--description', 'x'.repeat(201));
    expect(await refused('queue', 'add', 'imports')).toMatch(/already exists/);
  });

  it('edits a job: only the options given change; a finished job is refused', async () => {
    const filed = await kontor(
      ...'import-customers --channel shop-de --job-name hourly --start external --user anna'.split(' '),
    );
    expect(filed.code).toBe(0);
    const edited = await json(
      ...'jobs edit hourly --notification dialog --changed-since anytime --deactivate-deleted --queue imports'.split(
        ' ',
      ),
    );
    expect(edited).toMatchObject({
      name: 'hourly',
      state: 'planned',
      startMode: 'external',
      user: 'anna',
      queue: 'imports',
      notification: 'dialog',
      settings: {
        channel: 'shop-de',
        changedSince: 'anytime',
        deactivateDeleted: true,
        confirmAllWarnings: false,
      },
    });
    const series = await json(
      ...'jobs edit hourly --start series --time-zone UTC --pattern'.split(' '),
      '0 2 * * *',
    );
    expect(series).toMatchObject({
      startMode: 'series',
      pattern: '0 2 * * *',
      notification: 'dialog',
      queue: 'imports',
    });
    // Back to Add to queue: the pattern goes with the series; --app-server "" means any server.
    const back = await json(
      'jobs',
      'edit',
      'hourly',
      '--start',
      'add-to-queue',
      '--app-server',
      '',
      '--no-deactivate-deleted',
    );
    expect(back).toMatchObject({
      startMode: 'add-to-queue',
      pattern: null,
      appServer: null,
      state: 'planned',
    });
    expect(back.settings.deactivateDeleted).toBe(false);

    await refused('jobs', 'edit', 'hourly');
    await refused('jobs', 'edit', 'hourly', '--queue', 'nope');
    await refused('jobs', 'edit', 'hourly', '--start', 'once');
    await refused('jobs', 'edit', 'hourly', '--channel', 'nope');
    await refused('jobs', 'edit', 'nope', '--notification', 'dialog');

    const run = await kontor(
      ...'import-customers --channel shop-de --changed-since anytime --confirm-all-warnings --job-name done --wait'.split(
        ' ',
      ),
    );
    expect(run.code).toBe(0);
    const before = await json('jobs', 'show', 'done');
    expect(await refused('jobs', 'edit', 'done', '--notification', 'dialog')).toMatch(
      /finished; only planned, released or ready/,
    );
    expect(await json('jobs', 'show', 'done')).toEqual(before);
  });

  it('lists jobs by name, state, queue, user and application server', async () => {
    const names = async (...filters: string[]) =>
      ((await json('jobs', 'list', ...filters)) as Array<{ name: string }>).map((job) => job.name);
    expect(await names('--name', 'HOUR')).toEqual(['hourly']);
    expect(await names('--state', 'planned,finished')).toEqual(['hourly', 'done']);
    expect(await names('--state', 'finished')).toEqual(['done']);
    expect(await names('--queue', 'imports', '--user', 'anna')).toEqual(['hourly']);
    expect(await names('--app-server', 'erp-1')).toEqual([]);
    await refused('jobs', 'list', '--state', 'planned,done');
  });

  it('lists partners by search, type, status and deleted links, and shows one', async () => {
    const all = (await json('partners', 'list')) as Partner[];
    expect(all).toHaveLength(12);
    expect(await json('partners', 'list', '--channel', 'shop-de')).toEqual(all);
    const someone = all[5]!;
    const found = await json('partners', 'list', '--search', someone.email!.toUpperCase());
    expect(found).toEqual([someone]);
    const b2b = (await json('partners', 'list', '--type', 'b2b')) as Partner[];
    expect(b2b.map((p) => p.number)).toEqual(all.filter((p) => p.type === 'B2B').map((p) => p.number));
    const blocked = (await json('partners', 'list', '--status', 'Blocked')) as Partner[];
    expect(blocked.map((p) => p.number)).toEqual(
      all.filter((p) => p.status === 'Blocked').map((p) => p.number),
    );
    expect(await json('partners', 'list', '--deleted', 'no')).toEqual(all);
    expect(await json('partners', 'list', '--deleted', 'yes', '--channel', 'shop-de')).toEqual([]);
    expect((await kontor('partners', 'list', '--search', 'no-such-partner-xyz')).stdout).toBe(
      'No partners match.\n',
    );

    expect(await json('partners', 'show', someone.number)).toEqual(someone);
    const text = await kontor('partners', 'show', someone.number);
    expect(text.stdout).toContain(`Partner:          ${someone.number} ${someone.name}`);
    expect(text.stdout).toMatch(/Link:\s+shop-de /);
    await refused('partners', 'show', '999999');
    await refused('partners', 'list', '--deleted', 'maybe');
    await refused('partners', 'list', '--channel', 'nope');
  });
});
