/** Channel secrets at rest: sealed in the row, opened for use, a missing key said clearly, rotation, legacy rows. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { defaultAdapters } from '../adapters/registry.ts';
import { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { readKeyFile } from '../secrets/key-file.ts';
import { keySourceFrom } from '../secrets/key-source.ts';
import { formatSecretKey, generateSecretKey, type SecretKey } from '../secrets/secret-key.ts';
import type { Db } from '../storage/db.ts';
import { type ChannelInput, ChannelService } from './channel-service.ts';

const SECRET = 'shopware-secret-value-123';
const SEALED = /^v1\.([A-Za-z0-9_-]{8})\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const shopware = (overrides: Partial<ChannelInput> = {}): ChannelInput => ({
  name: 'shop',
  adapter: 'shopware',
  type: 'b2b-b2c',
  url: 'https://shop.example.com/',
  settings: { clientId: 'SWIA1', clientSecret: SECRET },
  customerApproval: false,
  pseudoPartnerNumber: null,
  ...overrides,
});

async function caught(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

interface RawRow {
  settings: string;
  secrets: string;
}

async function rawRow(db: Db, name: string): Promise<RawRow> {
  const result = await db.query<RawRow>(
    'select settings::text as settings, secrets::text as secrets from sales_channel where name = $1',
    [name],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`no channel ${name}`);
  return row;
}

/** The secret appears nowhere in the row, neither as it is nor in base64. */
function expectSealed(row: RawRow, secret: string): string[] {
  const text = `${row.settings}${row.secrets}`;
  for (const form of [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ])
    expect(text).not.toContain(form.replace(/=+$/, ''));
  const sealed = Object.values(JSON.parse(row.secrets) as Record<string, string>);
  for (const value of sealed) expect(value).toMatch(SEALED);
  return sealed.map((value) => SEALED.exec(value)?.[1] as string);
}

describeEachDb('channel secrets at rest', (getDb) => {
  let folder: string;
  let keyFile: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'kontor-channel-keys-'));
    keyFile = join(folder, 'secret-key');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const withKeys = (env: NodeJS.ProcessEnv = { KONTOR_SECRET_KEY_FILE: keyFile }) =>
    new ChannelService(getDb(), defaultAdapters, new ChannelSecrets(keySourceFrom(env)));
  const withKey = (key: SecretKey, previous: SecretKey[] = []) =>
    withKeys({
      KONTOR_SECRET_KEY: formatSecretKey(key),
      KONTOR_SECRET_KEY_PREVIOUS: previous.map(formatSecretKey).join(','),
    });
  const fileKey = (): SecretKey => (readKeyFile(keyFile) as SecretKey[])[0] as SecretKey;

  it('stores secret settings sealed, the others in clear, and opens them for use', async () => {
    await withKeys().add(shopware());
    const row = await rawRow(getDb(), 'shop');
    expect(JSON.parse(row.settings)).toEqual({ clientId: 'SWIA1', pageSize: '100' });
    expect(Object.keys(JSON.parse(row.secrets))).toEqual(['clientSecret']);
    expect(expectSealed(row, SECRET)).toEqual([fileKey().id]);
    expect((await withKeys().get('shop')).settings).toEqual({
      clientId: 'SWIA1',
      clientSecret: SECRET,
      pageSize: '100',
    });
    expect((await withKeys().getPublic('shop')).secretsSet).toEqual(['clientSecret']);
  });

  it('says clearly when the key is missing or another, and still lists the channel', async () => {
    await withKeys().add(shopware());
    const { id } = fileKey();
    const missing = await caught(
      withKeys({ KONTOR_SECRET_KEY_FILE: join(folder, 'none', 'key') }).get('shop'),
    );
    expect(missing).toMatchObject({ code: 'SECRET_KEY_MISSING', kind: 'config' });
    for (const part of [
      '"shop"',
      id,
      'KONTOR_SECRET_KEY',
      join(folder, 'none', 'key'),
      'kontor channel edit',
    ])
      expect(missing.message).toContain(part);
    const other = generateSecretKey();
    const mismatch = await caught(withKey(other).test('shop'));
    expect(mismatch).toMatchObject({ code: 'SECRET_KEY_MISMATCH', kind: 'config' });
    for (const part of ['"shop"', id, other.id, 'KONTOR_SECRET_KEY_PREVIOUS', 'kontor secrets rotate'])
      expect(mismatch.message).toContain(part);
    expect(mismatch.message).not.toContain(SECRET);

    const listed = await withKey(other).list();
    expect(listed).toMatchObject([
      { name: 'shop', settings: { clientId: 'SWIA1' }, secretsSet: ['clientSecret'] },
    ]);
    expect(await withKey(other).getPublic('shop')).toMatchObject({ secretsSet: ['clientSecret'] });
    // An edit that keeps the secret needs it; one that enters it again mends the channel under the new key.
    const { adapter: _adapter, ...input } = shopware();
    expect(
      await caught(withKey(other).update('shop', { ...input, settings: { clientId: 'SWIA1' } })),
    ).toMatchObject({ code: 'SECRET_KEY_MISMATCH' });
    await withKey(other).update('shop', input);
    expect((await withKey(other).get('shop')).settings.clientSecret).toBe(SECRET);
    expect(expectSealed(await rawRow(getDb(), 'shop'), SECRET)).toEqual([other.id]);
  });

  it('refuses a sealed secret that was changed in the database', async () => {
    await withKeys().add(shopware());
    const { secrets } = await rawRow(getDb(), 'shop');
    const sealed = (JSON.parse(secrets) as Record<string, string>).clientSecret as string;
    // One character of the ciphertext changed (its first: every bit of it counts, unlike the last one's).
    const parts = sealed.split('.');
    const ciphertext = parts.pop() as string;
    const changed = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    const moved = JSON.stringify({ clientSecret: [...parts, changed].join('.') });
    await getDb().query("update sales_channel set secrets = $1::jsonb where name = 'shop'", [moved]);
    const error = await caught(withKeys().get('shop'));
    expect(error).toMatchObject({ code: 'SECRET_SEAL_BROKEN' });
    expect(error.message).toContain('"clientSecret"');
  });

  it('keeps channels stored with clear secrets working, and seals them at the next write', async () => {
    await getDb().query(
      `insert into sales_channel (name, adapter, channel_type, url, settings)
       values ('old', 'shopware', 'b2c', 'https://old.example.com', $1::jsonb)`,
      [JSON.stringify({ clientId: 'SWIA9', clientSecret: SECRET })],
    );
    expect((await withKeys().getPublic('old')).secretsSet).toEqual(['clientSecret']);
    expect((await withKeys().get('old')).settings.clientSecret).toBe(SECRET);
    const current = await withKeys().getPublic('old');
    await withKeys().update('old', { ...current, settings: current.settings, customerApproval: true });
    expectSealed(await rawRow(getDb(), 'old'), SECRET);
    expect((await withKeys().get('old')).settings.clientSecret).toBe(SECRET);
  });

  it('rotation seals every channel again with a new key in the key file; the old key opens nothing', async () => {
    await withKeys().add(shopware());
    await withKeys().add(
      shopware({ name: 'second', settings: { clientId: 'SWIA2', clientSecret: 'two-2222' } }),
    );
    // Rows from before sealing: one with a clear secret, one without any secret (not counted).
    for (const [name, settings] of [
      ['old', { clientId: 'SWIA9', clientSecret: 'old-clear-999' }],
      ['none', { clientId: 'SWIA8' }],
    ] as const) {
      await getDb().query(
        `insert into sales_channel (name, adapter, channel_type, url, settings)
         values ($1, 'shopware', 'b2c', 'https://old.example.com', $2::jsonb)`,
        [name, JSON.stringify(settings)],
      );
    }
    const old = fileKey();
    const result = await withKeys().rotateSecrets();
    const fresh = fileKey();
    expect(fresh.id).not.toBe(old.id);
    expect(result).toEqual({
      resealed: 3,
      keyId: fresh.id,
      source: keyFile,
      dropped: [old.id],
      advice: null,
    });
    expect(readKeyFile(keyFile)?.map((key) => key.id)).toEqual([fresh.id]);
    expect(readFileSync(keyFile, 'utf8')).not.toContain(formatSecretKey(old));
    for (const [name, secret] of [
      ['shop', SECRET],
      ['second', 'two-2222'],
      ['old', 'old-clear-999'],
    ] as const) {
      expect(expectSealed(await rawRow(getDb(), name), secret), name).toEqual([fresh.id]);
      expect((await withKeys().get(name)).settings.clientSecret).toBe(secret);
      expect(await caught(withKey(old).get(name))).toMatchObject({ code: 'SECRET_KEY_MISMATCH' });
    }
  });

  it('rotation with KONTOR_SECRET_KEY takes the old key from KONTOR_SECRET_KEY_PREVIOUS', async () => {
    const old = generateSecretKey();
    const next = generateSecretKey();
    await withKey(old).add(shopware());
    const result = await withKey(next, [old]).rotateSecrets();
    expect(result).toMatchObject({ resealed: 1, keyId: next.id, source: 'KONTOR_SECRET_KEY', dropped: [] });
    expect(result.advice).toContain('KONTOR_SECRET_KEY_PREVIOUS');
    expect(expectSealed(await rawRow(getDb(), 'shop'), SECRET)).toEqual([next.id]);
    expect((await withKey(next).get('shop')).settings.clientSecret).toBe(SECRET);
    expect(await caught(withKey(old).get('shop'))).toMatchObject({ code: 'SECRET_KEY_MISMATCH' });
  });

  it('rotation without the old key changes nothing: one transaction, the key file as it was', async () => {
    const old = generateSecretKey();
    await withKey(old).add(shopware());
    await withKeys().add(shopware({ name: 'second' }));
    const before = [await rawRow(getDb(), 'shop'), await rawRow(getDb(), 'second')];
    const keyFileBefore = readFileSync(keyFile, 'utf8');
    const error = await caught(withKeys().rotateSecrets());
    expect(error).toMatchObject({ code: 'SECRET_KEY_MISMATCH' });
    expect(error.message).toContain('"shop"');
    expect([await rawRow(getDb(), 'shop'), await rawRow(getDb(), 'second')]).toEqual(before);
    expect(readFileSync(keyFile, 'utf8')).toBe(keyFileBefore);
  });

  it('refuses a URL on another origin that keeps a secret, and takes it with the secret given again', async () => {
    await withKeys().add(shopware());
    const { adapter: _adapter, ...input } = shopware();
    const keep = { clientId: 'SWIA1' };
    for (const url of [
      'https://attacker.example.net',
      'http://shop.example.com',
      'https://shop.example.com:8443',
    ]) {
      const refused = await caught(withKeys().update('shop', { ...input, url, settings: keep }));
      expect(refused, url).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.clientSecret' });
      expect(refused.message).toContain("Enter the secret again: the URL's host changed");
      expect(refused.message).toContain('"clientSecret"');
    }
    expect((await withKeys().get('shop')).url).toBe('https://shop.example.com');

    const samePlace = await withKeys().update('shop', {
      ...input,
      url: 'https://SHOP.example.com:443/api/',
      settings: keep,
    });
    expect(samePlace.url).toBe('https://SHOP.example.com:443/api');
    expect((await withKeys().get('shop')).settings.clientSecret).toBe(SECRET);

    const moved = await withKeys().update('shop', {
      ...input,
      url: 'https://new-host.example.org',
      settings: { ...keep, clientSecret: 'entered-again-456' },
    });
    expect(moved).toMatchObject({ url: 'https://new-host.example.org', secretsSet: ['clientSecret'] });
    expect((await withKeys().get('shop')).settings.clientSecret).toBe('entered-again-456');
  });
});
