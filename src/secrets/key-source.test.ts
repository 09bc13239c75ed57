import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.ts';
import { createKeyFile, keyFilePath, readKeyFile } from './key-file.ts';
import { keySourceFrom } from './key-source.ts';
import { formatSecretKey, generateSecretKey, parseSecretKey } from './secret-key.ts';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('the key source', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'kontor-keys-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('takes KONTOR_SECRET_KEY as base64, base64url or hex, 32 bytes', () => {
    const key = generateSecretKey();
    for (const value of [
      key.bytes.toString('base64'),
      key.bytes.toString('base64url'),
      key.bytes.toString('hex'),
      ` ${key.bytes.toString('hex').toUpperCase()}\n`,
    ]) {
      const source = keySourceFrom({ KONTOR_SECRET_KEY: value, KONTOR_SECRET_KEY_FILE: join(folder, 'k') });
      expect(source.description).toBe('KONTOR_SECRET_KEY');
      expect(source.sealingKeys().current.id, value).toBe(key.id);
    }
    expect(readKeyFile(join(folder, 'k'))).toBeNull();
  });

  it('refuses any other KONTOR_SECRET_KEY with a ConfigError naming the variable, never the value', () => {
    const short = 'c2hvcnQta2V5LW9mLTE2Ynl0ZXM=';
    for (const value of [short, 'a'.repeat(63), `${'z'.repeat(64)}`, 'correct horse battery staple', ' ']) {
      const source = keySourceFrom({ KONTOR_SECRET_KEY: value });
      const error = thrown(() => source.sealingKeys());
      expect(error, value).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ code: 'SECRET_KEY_INVALID' });
      const message = (error as Error).message;
      expect(message).toContain('KONTOR_SECRET_KEY');
      if (value.trim() !== '') expect(message).not.toContain(value);
    }
    const previous = keySourceFrom({
      KONTOR_SECRET_KEY: formatSecretKey(generateSecretKey()),
      KONTOR_SECRET_KEY_PREVIOUS: short,
    });
    const error = thrown(() => previous.openingKeys());
    expect((error as Error).message).toContain('KONTOR_SECRET_KEY_PREVIOUS');
    expect((error as Error).message).not.toContain(short);
  });

  it('creates the key file at the first seal (not at an open), mode 0600 in a folder of mode 0700', () => {
    const path = join(folder, 'config', 'kontor', 'secret-key');
    const source = keySourceFrom({ KONTOR_SECRET_KEY_FILE: path });
    expect(source.openingKeys()).toBeNull();
    const keyring = source.sealingKeys();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'config', 'kontor')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path, 'utf8')).toContain(formatSecretKey(keyring.current));
    expect(source.openingKeys()?.current.id).toBe(keyring.current.id);
    expect(keySourceFrom({ KONTOR_SECRET_KEY_FILE: path }).sealingKeys().current.id).toBe(keyring.current.id);
  });

  it('defaults to ~/.config/kontor/secret-key (or $XDG_CONFIG_HOME/kontor/secret-key)', () => {
    expect(keyFilePath({ XDG_CONFIG_HOME: '/x/conf' })).toBe('/x/conf/kontor/secret-key');
    expect(keyFilePath({ KONTOR_SECRET_KEY_FILE: '/y/key' })).toBe('/y/key');
    expect(keyFilePath({})).toMatch(/\/\.config\/kontor\/secret-key$/);
  });

  it('lets two processes creating the key file at once agree on one key', () => {
    const path = join(folder, 'secret-key');
    const first = generateSecretKey();
    const second = generateSecretKey();
    expect(createKeyFile(path, first).map((key) => key.id)).toEqual([first.id]);
    // The second create finds the file in place: it takes the key that is there, not its own.
    expect(createKeyFile(path, second).map((key) => key.id)).toEqual([first.id]);
    expect(readFileSync(path, 'utf8')).not.toContain(formatSecretKey(second));
  });

  it('gives processes that create the key file at the same moment one key', async () => {
    const path = join(folder, 'config', 'secret-key');
    const module = join(dirname(fileURLToPath(import.meta.url)), 'key-source.ts');
    // Every process loads first, then waits for the same instant, so that the creates race.
    const startAt = Date.now() + 2_000;
    const script = `import { keySourceFrom } from ${JSON.stringify(module)};
      while (Date.now() < ${startAt});
      console.log(keySourceFrom().sealingKeys().current.id);`;
    const env = { ...process.env, KONTOR_SECRET_KEY_FILE: path };
    const runs = Array.from({ length: 4 }, () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env,
      }),
    );
    const ids = (await Promise.all(runs)).map((run) => run.stdout.trim());
    expect(new Set(ids)).toEqual(new Set([readKeyFile(path)?.[0]?.id]));
    expect(readKeyFile(path)).toHaveLength(1);
  });

  it('refuses a key file that other users may read or write, naming it and the fix', () => {
    const path = join(folder, 'secret-key');
    keySourceFrom({ KONTOR_SECRET_KEY_FILE: path }).sealingKeys();
    for (const mode of [0o644, 0o640, 0o602]) {
      chmodSync(path, mode);
      const error = thrown(() => keySourceFrom({ KONTOR_SECRET_KEY_FILE: path }).openingKeys());
      expect(error).toMatchObject({ code: 'SECRET_KEY_FILE_OPEN', kind: 'config' });
      expect((error as Error).message).toContain(`chmod 600 ${path}`);
      expect((error as Error).message).not.toContain(readFileSync(path, 'utf8').split('\n')[1]);
    }
    chmodSync(path, 0o400);
    expect(keySourceFrom({ KONTOR_SECRET_KEY_FILE: path }).openingKeys()).not.toBeNull();
  });

  it('refuses a key file without a valid key, naming the file', () => {
    const path = join(folder, 'secret-key');
    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    const error = thrown(() => keySourceFrom({ KONTOR_SECRET_KEY_FILE: path }).sealingKeys());
    expect(error).toMatchObject({ code: 'SECRET_KEY_INVALID' });
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).not.toContain('not a key');
    expect(() => parseSecretKey(formatSecretKey(generateSecretKey()), 'x')).not.toThrow();
  });
});
