import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { oneTimePassword } from './one-time-password.ts';
import { PasswordHasher } from './password-hasher.ts';
import { UserService } from './user-service.ts';

const hasher = new PasswordHasher({ memoryCost: 4096, timeCost: 2, parallelism: 1 });

it('makes readable one-time passwords of 80 random bits', () => {
  const passwords = new Set(Array.from({ length: 200 }, oneTimePassword));
  expect(passwords.size).toBe(200);
  for (const password of passwords)
    expect(password).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
});

it('hashes with argon2id and verifies hashes made with other costs', async () => {
  const hash = await hasher.hash('a password');
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=4096,t=2,p=1\$/);
  const other = new PasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 2 });
  expect(await other.verify(hash, 'a password')).toBe(true);
  expect(await other.verify(hash, 'another')).toBe(false);
  expect(await other.verify('not a hash', 'a password')).toBe(false);
});

describeEachDb('UserService: the first administrator', (getDb) => {
  it('is created once, with a one-time password that must be changed, even when two processes start at once', async () => {
    const users = [new UserService(getDb(), { hasher }), new UserService(getDb(), { hasher })];
    const results = await Promise.all(users.map((service) => service.ensureFirstAdministrator()));
    const created = results.filter((result) => result !== null);
    expect(created).toHaveLength(1);
    expect(created[0]!.name).toBe('admin');
    const admin = await users[0]!.login('admin', created[0]!.password);
    expect(admin).toMatchObject({ role: 'administrator', mustChangePassword: true });
    expect(await users[1]!.ensureFirstAdministrator()).toBeNull();
    expect(await users[0]!.list()).toHaveLength(1);
  });

  it('is not created when there are users already', async () => {
    const service = new UserService(getDb(), { hasher });
    await service.add({ name: 'boss', role: 'administrator', password: 'long enough 1' });
    expect(await service.ensureFirstAdministrator()).toBeNull();
    expect((await service.list()).map((u) => u.name)).toEqual(['boss']);
  });
});
