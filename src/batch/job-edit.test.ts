import { expect, it } from 'vitest';
import { testBatch as batch, counterApplications } from '../../test/support/test-applications.ts';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { updateOpenJob } from '../storage/batch-job-edit-store.ts';
import { BATCH_WAKEUP_CHANNEL, getJob } from '../storage/batch-job-store.ts';
import type { Db } from '../storage/db.ts';
import { type BatchSettingsInput, validateBatchSettings } from './batch-settings.ts';
import { JobService } from './job-service.ts';

const NOW = new Date('2030-05-01T10:00:00Z');
const HOUR = 3600_000;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describeEachDb('Editing batch jobs', (getDb) => {
  const jobs = (db: Db = getDb()) => new JobService(db, counterApplications, () => NOW);
  const file = (overrides: Partial<BatchSettingsInput> = {}, steps = 1) =>
    jobs().file({ application: 'counter', settings: { steps }, batch: batch(overrides) });
  const setState = (id: number, state: string) =>
    getDb().query(
      `update batch_job set state = $2, lease_token = case when $2 = 'active' then 'lease' end where id = $1`,
      [id, state],
    );

  it('replaces the settings and the batch settings of a planned job, which stays planned', async () => {
    const job = await file({ name: 'nightly', startMode: 'external' });
    expect(job.state).toBe('planned');
    const edited = await jobs().edit('nightly', {
      settings: { steps: 7 },
      batch: batch({
        name: 'nightly-2',
        startMode: 'once',
        begin: new Date(NOW.getTime() + HOUR),
        user: 'bob',
      }),
    });
    expect(edited).toMatchObject({
      id: job.id,
      name: 'nightly-2',
      settings: { steps: 7 },
      user: 'bob',
      startMode: 'once',
      begin: new Date(NOW.getTime() + HOUR).toISOString(),
      state: 'planned',
      dueAt: null,
    });
    // Only the settings given change.
    const settingsOnly = await jobs().edit(String(job.id), { settings: { steps: 8 } });
    expect(settingsOnly).toMatchObject({
      name: 'nightly-2',
      user: 'bob',
      startMode: 'once',
      settings: { steps: 8 },
    });
    const batchOnly = await jobs().edit(String(job.id), { batch: batch({ startMode: 'external' }) });
    expect(batchOnly).toMatchObject({
      name: `counter-${job.id}`,
      startMode: 'external',
      settings: { steps: 8 },
    });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const job = await file({ startMode: 'external' });
    const before = await getJob(getDb(), job.id);
    for (const [input, field] of [
      [{ settings: { steps: 'x' } }, 'steps'],
      [{ batch: batch({ queue: 'nope' }) }, 'queue'],
      [{ batch: batch({ startMode: 'once' }) }, 'begin'],
      [{ batch: batch({ startMode: 'series', pattern: '99 * * * *' }) }, 'pattern'],
    ] as const) {
      const error = await rejection(jobs().edit(String(job.id), input));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field });
    }
    expect(await getJob(getDb(), job.id)).toEqual(before);
  });

  it('recomputes the due time of a released series from its new pattern, and wakes the servers', async () => {
    const job = await file({ startMode: 'series', pattern: '0 2 * * *' });
    const released = await jobs().release(String(job.id));
    expect(released).toMatchObject({ state: 'released', dueAt: '2030-05-02T02:00:00.000Z' });
    const wakeups: string[] = [];
    const stop = await getDb().listen(BATCH_WAKEUP_CHANNEL, (payload) => wakeups.push(payload));
    try {
      const edited = await jobs().edit(String(job.id), {
        batch: batch({ startMode: 'series', pattern: '30 11 * * *', begin: new Date(released.begin!) }),
      });
      expect(edited).toMatchObject({
        state: 'released',
        pattern: '30 11 * * *',
        dueAt: '2030-05-01T11:30:00.000Z',
      });
      await expect.poll(() => wakeups.length).toBeGreaterThan(0);
    } finally {
      await stop();
    }
    // End before the next slot: refused, nothing changed.
    const error = await rejection(
      jobs().edit(String(job.id), {
        batch: batch({
          startMode: 'series',
          pattern: '0 2 1 1 *',
          begin: new Date('2030-01-01T00:00:00Z'),
          end: new Date('2030-12-31T00:00:00Z'),
        }),
      }),
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'end' });
    expect((await getJob(getDb(), job.id))?.pattern).toBe('30 11 * * *');
  });

  it('releases an edited released or ready job from its new start mode', async () => {
    const external = await file({ startMode: 'external' });
    await jobs().release(String(external.id));
    const queued = await jobs().edit(String(external.id), { batch: batch({ startMode: 'add-to-queue' }) });
    expect(queued).toMatchObject({ state: 'ready', dueAt: NOW.toISOString() });

    const begin = new Date(NOW.getTime() + 2 * HOUR);
    const once = await jobs().edit(String(external.id), { batch: batch({ startMode: 'once', begin }) });
    expect(once).toMatchObject({ state: 'released', dueAt: begin.toISOString() });

    const atRestart = await jobs().edit(String(external.id), { batch: batch({ startMode: 'at-restart' }) });
    expect(atRestart).toMatchObject({ state: 'released', dueAt: null });
  });

  it('keeps a ready job in its place when its schedule did not change', async () => {
    const job = await file({}, 1);
    await getDb().query(`update batch_job set due_at = '2030-05-01T09:00:00Z' where id = $1`, [job.id]);
    const edited = await jobs().edit(String(job.id), { batch: batch({ notification: 'dialog' }) });
    expect(edited).toMatchObject({
      state: 'ready',
      dueAt: '2030-05-01T09:00:00.000Z',
      notification: 'dialog',
    });
    // A once-only job that is ready (its Begin passed) keeps its Begin and stays ready.
    const begin = new Date(NOW.getTime() + HOUR);
    const once = await file({ startMode: 'once', begin });
    await getDb().query(
      `update batch_job set state = 'ready', due_at = begin_at, begin_at = begin_at - interval '3 hours' where id = $1`,
      [once.id],
    );
    const stored = await getJob(getDb(), once.id);
    const kept = await jobs().edit(String(once.id), {
      batch: batch({ startMode: 'once', begin: new Date(stored!.begin!), maxRunSeconds: 60 }),
    });
    expect(kept).toMatchObject({ state: 'ready', maxRunSeconds: 60, dueAt: stored!.dueAt });
  });

  it('refuses to edit an active, finished, failed or canceled job with JOB_NOT_EDITABLE, changing nothing', async () => {
    const job = await file({ startMode: 'external' });
    for (const state of ['active', 'finished', 'failed', 'canceled', 'missed']) {
      await setState(job.id, state);
      const before = await getJob(getDb(), job.id);
      const error = await rejection(jobs().edit(String(job.id), { settings: { steps: 9 } }));
      expect(error).toMatchObject({ code: 'JOB_NOT_EDITABLE', kind: 'config' });
      expect(await getJob(getDb(), job.id)).toEqual(before);
    }
    expect(await rejection(jobs().edit('9999', { settings: { steps: 1 } }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an edit when a server claimed the job after it was read', async () => {
    const db = getDb();
    const job = await file({ startMode: 'external' });
    await jobs().release(String(job.id));
    // The claim wins the race: it lands after the edit read the job, before the edit's transaction.
    const racing: Db = {
      kind: db.kind,
      location: db.location,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      listen: (channel, onNotify) => db.listen(channel, onNotify),
      withSearchPath: (path) => db.withSearchPath(path),
      close: () => db.close(),
      transaction: async (fn) => {
        await setState(job.id, 'active');
        return await db.transaction(fn);
      },
    };
    const error = await rejection(jobs(racing).edit(String(job.id), { settings: { steps: 5 } }));
    expect(error).toMatchObject({ code: 'JOB_NOT_EDITABLE' });
    expect(await getJob(db, job.id)).toMatchObject({ state: 'active', settings: { steps: 1 } });
  });

  it('keeps both of two concurrent edits of different tabs: the absent tab is read inside the lock', async () => {
    const job = await file({ startMode: 'external' });
    for (let steps = 2; steps < 6; steps++) {
      const notification = steps % 2 === 0 ? 'dialog' : 'workflow';
      await Promise.all([
        jobs().edit(String(job.id), { settings: { steps } }),
        jobs().edit(String(job.id), { batch: batch({ startMode: 'external', notification }) }),
      ]);
      expect(await getJob(getDb(), job.id), `round ${steps}`).toMatchObject({
        settings: { steps },
        notification,
      });
    }
  });

  it('refuses an edit for an expected user when the job was given to another user after it was read', async () => {
    const db = getDb();
    const job = await file({ startMode: 'external' });
    const racing: Db = {
      ...db,
      query: (sql, params) => db.query(sql, params),
      exec: (sql) => db.exec(sql),
      listen: (channel, onNotify) => db.listen(channel, onNotify),
      close: () => db.close(),
      transaction: async (fn) => {
        await db.query(`update batch_job set user_name = 'bob' where id = $1`, [job.id]);
        return await db.transaction(fn);
      },
    };
    const error = await rejection(
      jobs(racing).edit(String(job.id), { settings: { steps: 5 }, expectedUser: 'anna' }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(await getJob(db, job.id)).toMatchObject({ user: 'bob', settings: { steps: 1 } });
    const edited = await jobs().edit(String(job.id), { settings: { steps: 6 }, expectedUser: 'bob' });
    expect(edited).toMatchObject({ user: 'bob', settings: { steps: 6 } });
  });

  it('fences the write itself: an active job is not updated', async () => {
    const job = await file({ startMode: 'external' });
    await setState(job.id, 'active');
    const written = await updateOpenJob(getDb(), job.id, {
      settings: { steps: 3 },
      batch: validateBatchSettings(batch(), NOW),
      queueId: 1,
      state: 'ready',
      dueAt: NOW,
    });
    expect(written).toBe(false);
    expect(await getJob(getDb(), job.id)).toMatchObject({ state: 'active', settings: { steps: 1 } });
  });

  it('refuses a name another open job has', async () => {
    await file({ name: 'taken', startMode: 'external' });
    const job = await file({ startMode: 'external' });
    const error = await rejection(
      jobs().edit(String(job.id), { batch: batch({ name: 'taken', startMode: 'external' }) }),
    );
    expect(error).toMatchObject({ code: 'JOB_NAME_TAKEN' });
  });

  it('files no job on a missing queue, naming the field', async () => {
    const error = await rejection(file({ queue: 'nightly' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'queue', message: 'Processing queue "nightly" does not exist.' });
    expect(await jobs().list()).toEqual([]);
  });
});
