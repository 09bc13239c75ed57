/**
 * The CLI's rough edges: examples in every command's help, one error prefix (`kontor:`), jobs filed from a
 * shell belong to a Kontor user, `notifications list` says whose, `jobs log` of a job that never ran says so.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPath, HELP_EXAMPLES } from '../src/cli/help-examples.ts';
import { COMMANDS, main } from '../src/cli/main.ts';

let folder: string;
let db: string;

async function kontor(args: string[], env: NodeJS.ProcessEnv = {}) {
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
    { env: { KONTOR_SECRET_KEY_FILE: process.env.KONTOR_SECRET_KEY_FILE, ...env } },
  );
  return { code, stdout, stderr };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kontor-help-'));
  db = join(folder, 'db');
  const setup = [
    ['user', 'add', 'anna'],
    ['channel', 'add', 'shop', '--adapter', 'magento', '--type', 'b2c', '--url', 'http://127.0.0.1:9'],
  ];
  setup[1]!.push('--setting', 'token=t');
  for (const args of setup) expect(await kontor(args)).toMatchObject({ code: 0, stderr: '' });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('help', () => {
  it('shows examples for kontor and every command', async () => {
    const program = new Command('kontor');
    for (const entry of COMMANDS)
      (await entry.load())(
        program,
        () => ({}) as never,
        () => undefined,
      );
    const paths: string[] = [''];
    const walk = (command: Command) => {
      for (const sub of command.commands) {
        paths.push(commandPath(sub));
        walk(sub);
      }
    };
    walk(program);
    expect(paths.length).toBeGreaterThan(35);
    expect(paths.filter((path) => !HELP_EXAMPLES[path])).toEqual([]);
    for (const path of paths) {
      const help = await kontor([...(path ? path.split(' ') : []), '--help']);
      expect(help.code, path).toBe(0);
      expect(help.stdout, path).toContain(`\nExamples:\n  ${HELP_EXAMPLES[path]![0]}`);
    }
  });

  it("starts every error with kontor:, commander's too", async () => {
    for (const args of [
      ['chanel'],
      ['channel', 'add'],
      ['jobs', 'list', '--frob'],
      ['jobs', 'show', '999'],
    ]) {
      const result = await kontor(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^kontor: /);
      expect(result.stderr).not.toMatch(/^error:/m);
    }
    const test = await kontor(['channel', 'test', 'shop']);
    expect(test.code).toBe(1);
    expect(test.stderr).toMatch(/^kontor: Connection to sales channel "shop" failed: /);
  });
});

describe('jobs filed from a shell', () => {
  const file = (...args: string[]) =>
    kontor(['import-customers', '--channel', 'shop', '--no-release', ...args]);

  it('belong to the user --user names; a name that is no Kontor user is warned about (the contract files it)', async () => {
    const filed = await file('--user', 'anna', '--json');
    expect(filed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(filed.stdout)).toMatchObject({ user: 'anna' });
    const unknown = await file('--user', 'nobody', '--json');
    expect(unknown).toMatchObject({
      code: 0,
      stderr:
        'kontor: warning: --user "nobody" is not a Kontor user: the job is filed for it, but nobody can log in to see its notifications; name an existing one (kontor user list), or create it with: kontor user add nobody.\n',
    });
    expect(JSON.parse(unknown.stdout)).toMatchObject({ user: 'nobody' });
    const edit = await kontor(['jobs', 'edit', String(JSON.parse(filed.stdout).id), '--user', 'nobody']);
    expect(edit).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('kontor: warning: --user "nobody" is not a Kontor user'),
    });
  });

  it('are refused for a name that is no Kontor user when the installation files jobs for known users only', async () => {
    const before = JSON.parse((await kontor(['jobs', 'list', '--json'])).stdout).length;
    const strict = { KONTOR_KNOWN_USERS_ONLY: 'true' };
    const refused = await kontor(['import-customers', '--channel', 'shop', '--user', 'nobody'], strict);
    expect(refused).toMatchObject({
      code: 2,
      stderr:
        'kontor: --user "nobody" is not a Kontor user, and this installation files jobs for Kontor users only (KONTOR_KNOWN_USERS_ONLY): name an existing one (kontor user list), or create it with: kontor user add nobody.\n',
    });
    const byDefault = await kontor(['import-customers', '--channel', 'shop'], {
      ...strict,
      KONTOR_USER: 'ghost',
    });
    expect(byDefault).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'kontor: The default user "ghost" is not a Kontor user, and this installation',
      ),
    });
    const config = join(folder, 'known-users.json');
    await writeFile(config, JSON.stringify({ knownUsersOnly: true }));
    const fromFile = await kontor([
      '--config',
      config,
      'import-customers',
      '--channel',
      'shop',
      '--user',
      'x',
    ]);
    expect(fromFile.code).toBe(2);
    expect(JSON.parse((await kontor(['jobs', 'list', '--json'])).stdout)).toHaveLength(before);
    const known = await kontor(['import-customers', '--channel', 'shop', '--user', 'anna', '--json'], strict);
    expect(known).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(known.stdout)).toMatchObject({ user: 'anna' });
  });

  it('without --user belong to the default user of KONTOR_USER or kontor.json, else the OS user', async () => {
    const osUser = userInfo().username;
    const fromOs = await file('--json');
    expect(fromOs).toMatchObject({
      code: 0,
      stderr: `kontor: warning: Jobs filed from the shell belong to a Kontor user, and "${osUser}" (the OS user) is none: the job is filed for it; name one with --user <name>, set the default with "user" in kontor.json (or KONTOR_USER), or create it with: kontor user add ${osUser}.\n`,
    });
    expect(JSON.parse(fromOs.stdout)).toMatchObject({ user: osUser });
    const fromEnv = await kontor(['import-customers', '--channel', 'shop', '--no-release', '--json'], {
      KONTOR_USER: 'anna',
    });
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ user: 'anna' });
    const config = join(folder, 'kontor.json');
    await writeFile(config, JSON.stringify({ user: 'anna' }));
    const fromFile = await kontor([
      '--config',
      config,
      'import-customers',
      '--channel',
      'shop',
      '--no-release',
      '--json',
    ]);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ user: 'anna' });
    await writeFile(config, JSON.stringify({ user: 'ghost' }));
    expect(await kontor(['--config', config, 'import-customers', '--channel', 'shop'])).toMatchObject({
      code: 0,
      stderr: expect.stringContaining(
        'kontor: warning: The default user "ghost" (KONTOR_USER, or "user" in kontor.json) is not a Kontor user',
      ),
    });
  });
});

describe('notifications and logs', () => {
  it('notifications list says whose notifications it shows', async () => {
    expect(await kontor(['notifications', 'list', '--user', 'anna'])).toMatchObject({
      code: 0,
      stdout:
        'Open notifications of user "anna": none (another user: --user <name>; everyone: --all-users).\n',
    });
    expect((await kontor(['notifications', 'list'], { KONTOR_USER: 'anna' })).stdout).toContain(
      'of user "anna"',
    );
    expect((await kontor(['notifications', 'list', '--all-users', '--all'])).stdout).toBe(
      'Notifications of every user: none.\n',
    );
  });

  it('jobs log of a job that has not run says so', async () => {
    const filed = await kontor([
      'import-customers',
      '--channel',
      'shop',
      '--user',
      'anna',
      '--no-release',
      '--json',
    ]);
    const job = JSON.parse(filed.stdout) as { id: number; name: string };
    expect(await kontor(['jobs', 'log', String(job.id)])).toMatchObject({
      code: 0,
      stdout: `Batch job ${job.id} "${job.name}" has not run yet (planned): its log appears once it has run.\n`,
    });
    expect(JSON.parse((await kontor(['jobs', 'log', String(job.id), '--json'])).stdout)).toEqual({
      job: { id: job.id, name: job.name },
      run: null,
      importRun: null,
      log: [],
    });
  });
});
