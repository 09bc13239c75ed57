import { expect, it } from 'vitest';
import { ConcurrencyLimit, QueueFullError } from './concurrency-limit.ts';
import { HASH_CONCURRENCY, hashingLimit, PasswordHasher } from './password-hasher.ts';

it('runs at most `max` tasks at once, the others in order, also after a task failed', async () => {
  const limit = new ConcurrencyLimit(2);
  const started: number[] = [];
  const releases: (() => void)[] = [];
  const tasks = Array.from({ length: 5 }, (_, i) =>
    limit.run(async () => {
      started.push(i);
      await new Promise<void>((resolve) => releases.push(resolve));
      if (i === 0) throw new Error('task 0 failed');
      return i;
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(started).toEqual([0, 1]);
  releases[0]!();
  await expect(tasks[0]).rejects.toThrow('task 0 failed');
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(started).toEqual([0, 1, 2]);
  for (let i = 1; i < 5; i++) {
    releases[i]!();
    await tasks[i];
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(await Promise.all(tasks.slice(1))).toEqual([1, 2, 3, 4]);
  expect(limit.peak).toBe(2);
  expect(limit.active).toBe(0);
});

it('lets at most HASH_CONCURRENCY password hashes and verifications run at once in the process', async () => {
  const hashers = [
    new PasswordHasher({ memoryCost: 4096, timeCost: 2, parallelism: 1 }),
    new PasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 }),
  ];
  const hash = await hashers[0]!.hash('a password');
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0 ? hashers[i % 2]!.verify(hash, 'a password') : hashers[i % 2]!.hash(`password ${i}`),
    ),
  );
  expect(hashingLimit.peak).toBe(HASH_CONCURRENCY);
  expect(hashingLimit.active).toBe(0);
});

it('refuses a tryRun at once when maxWaiting tasks wait; run always waits', async () => {
  const limit = new ConcurrencyLimit(1, 2);
  const releases: (() => void)[] = [];
  const task = (i: number) => () => new Promise<number>((resolve) => releases.push(() => resolve(i)));
  const running = limit.tryRun(task(0));
  const waiting = [limit.tryRun(task(1)), limit.tryRun(task(2))];
  await expect(limit.tryRun(task(3))).rejects.toBeInstanceOf(QueueFullError);
  // run waits however many wait, and does not count against maxWaiting.
  const unbounded = limit.run(task(4));
  expect(limit.waiting).toBe(3);
  await expect(limit.tryRun(task(5))).rejects.toBeInstanceOf(QueueFullError);
  expect(limit.refused).toBe(2);
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases[i]!();
  }
  expect(await Promise.all([running, ...waiting, unbounded])).toEqual([0, 1, 2, 4]);
  expect(limit.active).toBe(0);
});

it('lets a priority task wait ahead of the others and take the newest ordinary place when full', async () => {
  const limit = new ConcurrencyLimit(1, 2);
  const order: string[] = [];
  const releases: (() => void)[] = [];
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      order.push(name);
      releases.push(() => resolve(name));
    });
  const running = limit.tryRun(task('a'));
  const b = expect(limit.tryRun(task('b'))).rejects.toBeInstanceOf(QueueFullError);
  const c = expect(limit.tryRun(task('c'))).rejects.toBeInstanceOf(QueueFullError);
  const known = limit.tryRun(task('known'), { priority: true });
  await c;
  // Full of priority tasks: the next priority task is refused too.
  const known2 = limit.tryRun(task('known2'), { priority: true });
  await expect(limit.tryRun(task('known3'), { priority: true })).rejects.toBeInstanceOf(QueueFullError);
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases[i]?.();
  }
  expect(await Promise.all([running, known, known2])).toEqual(['a', 'known', 'known2']);
  await b;
  expect(order).toEqual(['a', 'known', 'known2']);
});
