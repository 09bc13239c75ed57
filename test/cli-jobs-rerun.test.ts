/** `kontor jobs rerun` and the run summary in words (DESIGN.md section 5: the CLI of batch jobs). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';

describe('kontor jobs rerun', () => {
  let sim: MagentoSimulator;
  let folder: string;
  let db: string;

  async function kontor(line: string) {
    let stdout = '';
    let stderr = '';
    const code = await main(['node', 'kontor', '--db', db, ...line.split(' ')], {
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
    sim = await startMagentoSimulator({ customers: 20, seed: 9, brokenShare: 0.3 });
    folder = await mkdtemp(join(tmpdir(), 'kontor-cli-rerun-'));
    db = join(folder, 'db');
    const add = await kontor(
      `channel add shop --adapter magento --type b2c --url ${sim.url} --setting token=${sim.token}`,
    );
    expect(add.code).toBe(0);
  });
  afterAll(async () => {
    await sim?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('says a run finished with errors, counted in words', async () => {
    const run = await kontor(
      'import-customers --channel shop --job-name nightly --wait --confirm-all-warnings',
    );
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^Import run \d+ of sales channel "shop" finished with (1 error|[2-9]\d* errors) \(last-transfer\)\.$/,
    );
  });

  it('files an ended job again with the same settings and prints the new id; an open job is refused', async () => {
    const [before] = JSON.parse((await kontor('jobs list --json')).stdout) as Array<{
      id: number;
      state: string;
    }>;
    expect(before?.state).toBe('finished');
    const again = await kontor('jobs rerun nightly');
    expect(again.code, again.stderr).toBe(0);
    const id = Number(
      /^Batch job (\d+) "nightly": ready \(queue default\), filed again from batch job (\d+)\.$/.exec(
        again.stdout.trim(),
      )?.[1],
    );
    expect(again.stdout).toContain(`from batch job ${before?.id}.`);
    expect(id).toBeGreaterThan(before?.id ?? 0);
    const shown = JSON.parse((await kontor(`jobs show ${id} --json`)).stdout);
    const old = JSON.parse((await kontor(`jobs show ${before?.id} --json`)).stdout);
    expect(shown).toMatchObject({
      name: 'nightly',
      startMode: 'add-to-queue',
      state: 'ready',
      settings: old.settings,
    });
    expect(old.state).toBe('finished');

    const refused = await kontor(`jobs rerun ${id}`);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`Batch job ${id} is ready; only a job that has ended`);
    const missing = await kontor('jobs rerun no-such-job');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no-such-job/);
  });
});
