/** `kontor demo --once`: every adapter's simulator, a demo channel each, imported as batch jobs. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESSES } from '../src/simulators/harnesses.ts';
import { kontor } from './support/cli-runner.ts';

describe('kontor demo', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kontor-demo-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('imports the customers of a demo channel per adapter, and again on a second start', async () => {
    const db = join(folder, 'db');
    const first = await kontor(db, 'demo', '--once', '--port', '0', '--customers', '25');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const { adapter } of HARNESSES) {
      const row = first.stdout.split('\n').find((line) => line.startsWith(`demo-${adapter.kind} `));
      expect(row, adapter.kind).toMatch(/job \d+: finished\s+25\s+\d+/);
      const partners = await kontor(db, 'partners', 'list', '--channel', `demo-${adapter.kind}`, '--json');
      expect((JSON.parse(partners.stdout) as unknown[]).length, adapter.kind).toBeGreaterThan(15);
    }
    // The demo says that its errors are on purpose: in its output and on the tasks of its runs.
    expect(first.stdout).toContain('records are broken on purpose, to show how Kontor reports them.');
    const tasks = await kontor(db, 'notifications', 'list', '--user', 'admin', '--json');
    const messages = (JSON.parse(tasks.stdout) as Array<{ message: string }>).map((t) => t.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toContain('Demo: the shop simulator breaks about 2 %');
    const second = await kontor(db, 'demo', '--once', '--port', '0', '--customers', '25');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('channel "demo-magento" found');
    const jobs = await kontor(db, 'jobs', 'list', '--json');
    expect(
      (JSON.parse(jobs.stdout) as Array<{ state: string }>).filter((j) => j.state === 'finished'),
    ).toHaveLength(2 * HARNESSES.length);
  }, 120_000);
});
