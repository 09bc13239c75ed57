/** The batch parts of the `kontor` CLI contract (DESIGN.md section 5): queues, filing jobs, jobs, notifications. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';

describe('kontor CLI: batch jobs', () => {
  let sim: MagentoSimulator;
  let folder: string;
  let db: string;

  async function kontor(line: string | string[]) {
    let stdout = '';
    let stderr = '';
    const args = Array.isArray(line) ? line : line.split(' ');
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

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 12, seed: 8, brokenShare: 0 });
    folder = await mkdtemp(join(tmpdir(), 'kontor-cli-batch-'));
    db = join(folder, 'db');
    // Jobs filed from the shell belong to a Kontor user: --user anna or bob, else the OS user.
    for (const user of ['anna', 'bob', userInfo().username])
      expect(await kontor(['user', 'add', user])).toMatchObject({ code: 0 });
    const add = await kontor(
      `channel add shop --adapter magento --type b2c --url ${sim.url} --setting token=${sim.token}`,
    );
    expect(add.code).toBe(0);
  });
  afterAll(async () => {
    await sim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('adds and lists processing queues; the queue "default" exists', async () => {
    expect(await kontor('queue add imports')).toMatchObject({
      code: 0,
      stdout: 'Processing queue "imports" created.\n',
    });
    const list = await kontor('queue list --json');
    expect(JSON.parse(list.stdout).map((q: { name: string }) => q.name)).toEqual(['default', 'imports']);
  });

  it('files a job without --wait and prints its id and state; jobs release, trigger, cancel, list', async () => {
    const filed = await kontor(
      'import-customers --channel shop --queue imports --job-name hourly --start external',
    );
    expect(filed).toMatchObject({ code: 0, stderr: '' });
    expect(filed.stdout).toMatch(/^Batch job (\d+) "hourly": planned \(queue imports, start external\)\.$/m);
    expect((await kontor('jobs release hourly')).stdout).toMatch(/"hourly": released/);
    expect((await kontor('jobs trigger hourly')).stdout).toMatch(/triggered: ready/);
    expect((await kontor('jobs trigger hourly')).stdout).toMatch(/already triggered/);
    expect((await kontor('jobs cancel hourly')).stdout).toMatch(/"hourly": canceled\./);

    const json = await kontor(
      'import-customers --channel shop --json --user anna --notification dialog-errors',
    );
    const job = JSON.parse(json.stdout);
    expect(job).toMatchObject({
      state: 'ready',
      queue: 'default',
      user: 'anna',
      notification: 'dialog-errors',
    });

    const list = JSON.parse((await kontor('jobs list --json')).stdout) as Array<Record<string, unknown>>;
    expect(list.map((j) => [j.name, j.state])).toEqual([
      ['hourly', 'canceled'],
      [job.name, 'ready'],
    ]);
    expect(Object.keys(list[0]!).sort()).toEqual(
      [
        'appServer',
        'application',
        'createdAt',
        'id',
        'name',
        'queue',
        'runs',
        'startMode',
        'state',
        'user',
      ].sort(),
    );
    expect((await kontor(`jobs cancel ${job.id}`)).code).toBe(0);
    const show = await kontor('jobs show hourly');
    expect(show.stdout).toMatch(/Processing queue:\s+imports/);
  });

  it('runs with --wait on any queue, keeps the log and notifies the user as asked', async () => {
    const run = await kontor(
      'import-customers --channel shop --changed-since anytime --queue imports --user bob --notification dialog --job-name waited --wait',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/finished/);
    const log = await kontor('jobs log waited --json');
    expect(JSON.parse(log.stdout)).toMatchObject({
      run: { state: 'finished' },
      importRun: { counts: { read: 12 } },
    });
    const notes = JSON.parse((await kontor('notifications list --user bob --json')).stdout);
    expect(notes).toEqual([expect.objectContaining({ user: 'bob', channel: 'dialog', topic: 'run-ended' })]);
    expect((await kontor(`notifications ack ${notes[0].id}`)).code).toBe(0);
    expect(JSON.parse((await kontor('notifications list --user bob --json')).stdout)).toEqual([]);
  });

  it('exits 2 with a one-line reason on bad batch settings, writing nothing', async () => {
    const before = (await kontor('jobs list --json')).stdout;
    const cases = [
      'import-customers --channel shop --start daily',
      'import-customers --channel shop --queue nope',
      'import-customers --channel shop --start once',
      'import-customers --channel shop --start once --begin tuesday',
      'import-customers --channel shop --max-run-time abc',
      'import-customers --channel shop --timeout-notification',
      'import-customers --channel shop --notification email',
      'import-customers --channel shop --start series --pattern 99 * * * *',
      'import-customers --channel shop --start series',
      'import-customers --channel shop --pattern 0 * * * *',
      'import-customers --channel shop --end 2030-01-01T00:00:00Z',
      'import-customers --channel shop --app-server no/slash',
      'import-customers --channel shop --time-zone Mars/Base',
      'import-customers --channel shop --job-name 123',
      'import-customers --channel shop --start series --pattern 0 * * * * --wait',
      'import-customers --channel shop --no-release --wait',
      'import-customers --channel nope',
      'jobs release nope',
      'jobs cancel 9999',
      'jobs trigger hourly',
      'jobs release hourly',
      'jobs list --state done',
      'queue add imports',
      'queue add bad/name',
      'worker --app-server bad/name',
      'notifications ack x',
    ];
    for (const line of cases) {
      const args = line.includes('--pattern')
        ? [
            ...line.split(' --pattern ')[0]!.split(' '),
            '--pattern',
            line.split(' --pattern ')[1]!.replace(' --wait', ''),
            ...(line.endsWith('--wait') ? ['--wait'] : []),
          ]
        : line.split(' ');
      const result = await kontor(args);
      expect(result.code, line).toBe(2);
      expect(result.stderr.trim().split('\n'), line).toHaveLength(1);
      expect(result.stdout, line).toBe('');
    }
    expect((await kontor('jobs list --json')).stdout).toBe(before);
  });
});
