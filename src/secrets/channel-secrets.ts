/**
 * The secret settings of sales channels, sealed at rest: `seal` splits a channel's settings into the clear ones
 * and the sealed secrets; `open` gives the channel with its secrets back (for the import and Test connection
 * only). A secret sealed with a key this process does not have is a ConfigError that names the channel, the key
 * and what to do: SECRET_KEY_MISSING (no key at all), SECRET_KEY_MISMATCH (other keys), SECRET_SEAL_BROKEN
 * (the key is there but the text was changed or damaged).
 */
import { ConfigError } from '../domain/errors.ts';
import type { SalesChannel, StoredChannel } from '../domain/sales-channel.ts';
import { type KeySource, keySourceFrom, PREVIOUS_KEYS_VARIABLE, SECRET_KEY_VARIABLE } from './key-source.ts';
import type { Keyring } from './keyring.ts';
import { open, seal, sealedKeyId } from './secret-box.ts';

export interface SealedSettings {
  settings: Record<string, string>;
  sealedSecrets: Record<string, string>;
}

/** Seals the settings named in `secretKeys` with the keyring's current key; the rest stays in clear. */
export function sealSettings(
  keyring: Keyring,
  settings: Readonly<Record<string, string>>,
  secretKeys: readonly string[],
): SealedSettings {
  const clear: Record<string, string> = {};
  const sealedSecrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (secretKeys.includes(key)) sealedSecrets[key] = seal(keyring.current, value, key);
    else clear[key] = value;
  }
  return { settings: clear, sealedSecrets };
}

function enterAgain(channel: string): string {
  return `or enter the channel's secrets again (kontor channel edit "${channel}" --setting <key>=<value>).`;
}

function openError(
  channel: StoredChannel,
  key: string,
  keyId: string | null,
  keyring: Keyring | null,
  source: string,
): ConfigError {
  const what = `The secret "${key}" of sales channel "${channel.name}"`;
  if (keyId === null || keyring?.key(keyId)) {
    return new ConfigError(
      'SECRET_SEAL_BROKEN',
      `${what} cannot be opened${keyId ? ` with key ${keyId}` : ''}: the stored text was changed or damaged. Enter the secret again (kontor channel edit "${channel.name}" --setting ${key}=<value>).`,
    );
  }
  if (keyring === null) {
    return new ConfigError(
      'SECRET_KEY_MISSING',
      `${what} is sealed with key ${keyId}, and this process has no secret key (${SECRET_KEY_VARIABLE} is not set and there is no key file ${source}). Give it the key this database was set up with (${SECRET_KEY_VARIABLE}, or its key file as KONTOR_SECRET_KEY_FILE), ${enterAgain(channel.name)}`,
    );
  }
  return new ConfigError(
    'SECRET_KEY_MISMATCH',
    `${what} is sealed with key ${keyId}, which this process does not have (it has ${keyring.ids.join(', ')} from ${keyring.source}). Give it that key as ${SECRET_KEY_VARIABLE}, or as ${PREVIOUS_KEYS_VARIABLE} and run "kontor secrets rotate", ${enterAgain(channel.name)}`,
  );
}

/**
 * The channel with its sealed secrets opened (all, or those in `only`) and merged into its settings; clear
 * secrets of rows from before sealing are taken as they are.
 */
export function openSettings(
  keyring: Keyring | null,
  channel: StoredChannel,
  source: string,
  only?: readonly string[],
): SalesChannel {
  const { sealedSecrets, ...rest } = channel;
  const settings = { ...channel.settings };
  for (const [key, sealed] of Object.entries(sealedSecrets)) {
    if (only && !only.includes(key)) continue;
    const keyId = sealedKeyId(sealed);
    const found = keyId === null ? undefined : keyring?.key(keyId);
    const value = found ? open(found, sealed, key) : null;
    if (value === null) throw openError(channel, key, keyId, keyring, source);
    settings[key] = value;
  }
  return { ...rest, settings };
}

/** Seals and opens channel secrets with the keys of a key source (default: this process's environment). */
export class ChannelSecrets {
  constructor(readonly keys: KeySource = keySourceFrom()) {}

  /** Splits settings into clear ones and sealed secrets; the key file is created only when a secret is given. */
  seal(settings: Readonly<Record<string, string>>, secretKeys: readonly string[]): SealedSettings {
    if (!Object.keys(settings).some((key) => secretKeys.includes(key)))
      return { settings: { ...settings }, sealedSecrets: {} };
    return sealSettings(this.keys.sealingKeys(), settings, secretKeys);
  }

  open(channel: StoredChannel, only?: readonly string[]): SalesChannel {
    const needed = Object.keys(channel.sealedSecrets).filter((key) => !only || only.includes(key));
    const keyring = needed.length > 0 ? this.keys.openingKeys() : null;
    return openSettings(keyring, channel, this.keys.description, only);
  }
}
