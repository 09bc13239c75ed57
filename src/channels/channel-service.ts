/** The Sales channels application: create, edit, list and test channels, with their settings validated. */
import type { Adapter, CheckResult } from '../adapters/adapter.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { IMPORT_CUSTOMERS } from '../batch/applications/import-customers-app.ts';
import { ConfigError, NotFoundError } from '../domain/errors.ts';
import type { SalesChannel, StoredChannel } from '../domain/sales-channel.ts';
import { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { replaceSettingInOpenJobs } from '../storage/batch-job-store.ts';
import {
  findChannelByName,
  insertChannel,
  listChannels,
  type NewChannel,
  updateChannel,
  updateChannelConnection,
} from '../storage/channel-store.ts';
import type { Db, Queryable } from '../storage/db.ts';
import {
  adapterFor,
  type ChannelInput,
  type ChannelUpdateInput,
  mergeSecrets,
  secretKeysOf,
  type ValidChannel,
  validateChannel,
  validateConnection,
} from './channel-input.ts';
import { keptSecrets, requireSecretsOnNewOrigin } from './origin-change.ts';
import { type RotationResult, rotateChannelSecrets } from './secret-rotation.ts';

export { type ChannelInput, type ChannelUpdateInput, validateSettings } from './channel-input.ts';

/** The connection values of an edit form, not saved: secrets absent or '' are the stored ones. */
export interface ConnectionChanges {
  url: string;
  settings: Record<string, string>;
  clearSecrets?: readonly string[];
}

/** The connection values of a new channel's form. */
export interface UnsavedConnection {
  adapter: string;
  url: string;
  settings: Record<string, string>;
}

/** A channel as shown to users: secret settings are never returned, only whether they are set. */
export interface PublicChannel extends Omit<SalesChannel, 'settings'> {
  adapterLabel: string;
  settings: Record<string, string>;
  secretsSet: string[];
}

/** A stored channel as users see it: which secrets are set is known without opening them (or having the key). */
export function toPublicChannel(channel: StoredChannel, adapter: Adapter | undefined): PublicChannel {
  const secretKeys = new Set(adapter ? secretKeysOf(adapter) : []);
  const { sealedSecrets, ...rest } = channel;
  const settings: Record<string, string> = {};
  const secretsSet: string[] = [];
  for (const [key, value] of Object.entries(channel.settings)) {
    if (secretKeys.has(key) || !adapter) secretsSet.push(key);
    else settings[key] = value;
  }
  for (const key of Object.keys(sealedSecrets)) if (!secretsSet.includes(key)) secretsSet.push(key);
  return { ...rest, adapterLabel: adapter?.label ?? channel.adapter, settings, secretsSet };
}

/** The names of the secrets a stored channel has set (sealed, or in clear from before sealing). */
function storedSecretKeys(channel: StoredChannel, secretKeys: readonly string[]): string[] {
  const clear = Object.keys(channel.settings).filter((key) => secretKeys.includes(key));
  return [...new Set([...Object.keys(channel.sealedSecrets), ...clear])];
}

function nameTaken(name: string): ConfigError {
  return new ConfigError('NAME_TAKEN', `A sales channel named "${name}" already exists.`);
}

export class ChannelService {
  constructor(
    private readonly db: Db,
    private readonly adapters: AdapterRegistry,
    /** Seals the secret settings at rest (default: with the keys of this process's environment). */
    private readonly secrets: ChannelSecrets = new ChannelSecrets(),
  ) {}

  async add(input: ChannelInput): Promise<PublicChannel> {
    const adapter = adapterFor(this.adapters, input.adapter);
    const channel = await insertChannel(this.db, this.sealed(adapter, validateChannel(adapter, input)));
    if (!channel) throw nameTaken(input.name.trim());
    return toPublicChannel(channel, adapter);
  }

  /**
   * Edits a channel (validated like add; the adapter never changes). Secret settings absent or '' keep their
   * stored value unless listed in `clearSecrets`; a URL on another origin needs every kept secret given again
   * (origin-change.ts). Only the kept secrets are opened, so a channel whose key is lost can be mended by
   * entering its secrets again. Every write seals the secrets (also those of rows from before sealing). The
   * watermark and the partner links stay; a rename also renames the channel in the Import customers jobs that
   * have not ended, so that their next runs find it.
   */
  async update(name: string, input: ChannelUpdateInput): Promise<PublicChannel> {
    const stored = await findOrThrow(this.db, name);
    const adapter = this.adapters.get(stored.adapter);
    const given = input.settings ?? {};
    const secretKeys = secretKeysOf(adapter);
    const kept = keptSecrets(secretKeys, storedSecretKeys(stored, secretKeys), given, input.clearSecrets);
    requireSecretsOnNewOrigin(stored.url, input.url, kept);
    const current = this.secrets.open(stored, kept);
    const settings = mergeSecrets(adapter, given, current.settings, input.clearSecrets);
    const { adapter: _kind, ...changes } = this.sealed(
      adapter,
      validateChannel(adapter, { ...input, settings, matchRules: input.matchRules ?? stored.matchRules }),
    );
    const updated = await this.db.transaction(async (tx) => {
      if (changes.name !== stored.name && (await findChannelByName(tx, changes.name)))
        throw nameTaken(changes.name);
      const channel = await updateChannel(tx, stored.id, changes).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw nameTaken(changes.name);
        throw error;
      });
      if (!channel) throw new NotFoundError('Sales channel', name);
      if (channel.name !== stored.name) {
        const change = {
          application: IMPORT_CUSTOMERS,
          key: 'channel',
          from: stored.name,
          to: channel.name,
        };
        await replaceSettingInOpenJobs(tx, change);
      }
      return channel;
    });
    return toPublicChannel(updated, adapter);
  }

  /** The channels as users see them; no key is needed (secrets are not opened). */
  async list(): Promise<PublicChannel[]> {
    const channels = await listChannels(this.db);
    return channels.map((channel) => toPublicChannel(channel, this.adapterOf(channel)));
  }

  /** A channel with its secrets opened (for the import and test connection; never return it to users). */
  async get(name: string): Promise<SalesChannel> {
    return this.secrets.open(await findOrThrow(this.db, name));
  }

  /** A channel with its secrets opened, or null if there is none of this name. */
  async find(name: string): Promise<SalesChannel | null> {
    const stored = await findChannelByName(this.db, name);
    return stored ? this.secrets.open(stored) : null;
  }

  /** Points a channel at another URL with other settings (the demo's simulators on new ports). */
  async moveConnection(name: string, url: string, settings: Record<string, string>): Promise<void> {
    const channel = await findOrThrow(this.db, name);
    const sealed = this.secrets.seal(settings, secretKeysOf(this.adapters.get(channel.adapter)));
    await updateChannelConnection(this.db, channel.id, url, sealed);
  }

  /** A channel as users see it, or null if there is none of this name (no key needed). */
  async findPublic(name: string): Promise<PublicChannel | null> {
    const channel = await findChannelByName(this.db, name);
    return channel ? toPublicChannel(channel, this.adapterOf(channel)) : null;
  }

  /** A channel as users see it (secret settings removed; no key needed). */
  async getPublic(name: string): Promise<PublicChannel> {
    const channel = await findOrThrow(this.db, name);
    return toPublicChannel(channel, this.adapterOf(channel));
  }

  /** `kontor secrets rotate`: every channel's secrets sealed again with a new key, in one transaction. */
  async rotateSecrets(): Promise<RotationResult> {
    return await rotateChannelSecrets(this.db, this.adapters, this.secrets.keys);
  }

  /**
   * Test connection: reaches the channel with its saved settings, or with `changes` (the edit form's values,
   * not saved): then secrets left empty are the stored ones, as a save would keep them, and a URL on another
   * origin needs them entered again (origin-change.ts). Throws a KontorError saying what is wrong.
   */
  async test(name: string, signal?: AbortSignal, changes?: ConnectionChanges): Promise<CheckResult> {
    if (!changes) {
      const channel = await this.get(name);
      const adapter = this.adapters.get(channel.adapter);
      return adapter.check({ url: channel.url, settings: channel.settings }, signal);
    }
    const stored = await findOrThrow(this.db, name);
    const adapter = this.adapters.get(stored.adapter);
    const secretKeys = secretKeysOf(adapter);
    const given = changes.settings;
    const kept = keptSecrets(secretKeys, storedSecretKeys(stored, secretKeys), given, changes.clearSecrets);
    requireSecretsOnNewOrigin(stored.url, changes.url, kept);
    const current = this.secrets.open(stored, kept);
    const settings = mergeSecrets(adapter, given, current.settings, changes.clearSecrets);
    return adapter.check(validateConnection(adapter, changes.url, settings), signal);
  }

  /** Test connection of a channel not saved yet: the adapter, URL and settings of the form. */
  async testUnsaved(input: UnsavedConnection, signal?: AbortSignal): Promise<CheckResult> {
    const adapter = adapterFor(this.adapters, input.adapter);
    return adapter.check(validateConnection(adapter, input.url, input.settings), signal);
  }

  private sealed(adapter: Adapter, channel: ValidChannel): NewChannel {
    return { ...channel, ...this.secrets.seal(channel.settings, secretKeysOf(adapter)) };
  }

  private adapterOf(channel: StoredChannel): Adapter | undefined {
    try {
      return this.adapters.get(channel.adapter);
    } catch (error) {
      if (error instanceof ConfigError) return undefined;
      throw error;
    }
  }
}

async function findOrThrow(db: Queryable, name: string): Promise<StoredChannel> {
  const channel = await findChannelByName(db, name);
  if (!channel) throw new NotFoundError('Sales channel', name);
  return channel;
}
