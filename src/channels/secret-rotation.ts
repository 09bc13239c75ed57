/**
 * `kontor secrets rotate`: every channel's secrets opened with the keys there are and sealed again with a new
 * one, in one transaction that locks the channel table (no channel is written meanwhile). Secrets in clear
 * from before sealing are sealed too. With a key file the new key is made by Kontor: the file holds the new
 * and the old keys while the transaction commits, then only the keys a channel still uses (none, unless a
 * process sealed with an old key meanwhile). With `KONTOR_SECRET_KEY` the new key is that variable's value and
 * the old ones are given in `KONTOR_SECRET_KEY_PREVIOUS`, which the user removes afterwards.
 */
import type { AdapterRegistry } from '../adapters/registry.ts';
import { ConfigError } from '../domain/errors.ts';
import type { StoredChannel } from '../domain/sales-channel.ts';
import { openSettings, sealSettings } from '../secrets/channel-secrets.ts';
import type { KeySource } from '../secrets/key-source.ts';
import { sealedKeyId } from '../secrets/secret-box.ts';
import { listChannels, lockAllChannels, updateChannelSecrets } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { secretKeysOf } from './channel-input.ts';

export interface RotationResult {
  /** Channels whose secrets were sealed again (channels without secrets are not counted). */
  resealed: number;
  /** The key that seals now. */
  keyId: string;
  /** Where the keys are: the variable or the key file. */
  source: string;
  /** Keys no channel needs any more, removed from the key file. */
  dropped: string[];
  /** What the user must still do, if anything. */
  advice: string | null;
}

/** The secret settings of a channel: the adapter's, and whatever is sealed (also of an adapter no longer known). */
function secretKeys(adapters: AdapterRegistry, channel: StoredChannel): string[] {
  const sealed = Object.keys(channel.sealedSecrets);
  try {
    return [...new Set([...secretKeysOf(adapters.get(channel.adapter)), ...sealed])];
  } catch (error) {
    if (error instanceof ConfigError) return sealed;
    throw error;
  }
}

async function keysInUse(db: Db): Promise<Set<string>> {
  const channels = await listChannels(db);
  const ids = channels.flatMap((channel) => Object.values(channel.sealedSecrets).map(sealedKeyId));
  return new Set(ids.filter((id): id is string => id !== null));
}

export async function rotateChannelSecrets(
  db: Db,
  adapters: AdapterRegistry,
  keys: KeySource,
): Promise<RotationResult> {
  const { resealed, rotation } = await db.transaction(async (tx) => {
    const channels = await lockAllChannels(tx);
    const started = keys.rotation();
    let count = 0;
    for (const channel of channels) {
      const secrets = secretKeys(adapters, channel);
      if (
        !Object.keys({ ...channel.settings, ...channel.sealedSecrets }).some((key) => secrets.includes(key))
      )
        continue;
      const opened = openSettings(started.keyring, channel, keys.description);
      await updateChannelSecrets(tx, channel.id, sealSettings(started.keyring, opened.settings, secrets));
      count += 1;
    }
    started.prepare();
    return { resealed: count, rotation: started };
  });
  const dropped = rotation.finish(await keysInUse(db));
  return {
    resealed,
    keyId: rotation.keyring.current.id,
    source: keys.description,
    dropped,
    advice: rotation.advice,
  };
}
