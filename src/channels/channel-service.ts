/** The Sales channels application: create, edit, list and test channels, with their settings validated. */
import type { Adapter, CheckResult } from '../adapters/adapter.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { IMPORT_CUSTOMERS } from '../batch/applications/import-customers-app.ts';
import { ConfigError, NotFoundError } from '../domain/errors.ts';
import type { SalesChannel } from '../domain/sales-channel.ts';
import { replaceSettingInOpenJobs } from '../storage/batch-job-store.ts';
import {
  findChannelByName,
  insertChannel,
  listChannels,
  updateChannel,
  updateChannelConnection,
} from '../storage/channel-store.ts';
import type { Db, Queryable } from '../storage/db.ts';
import {
  adapterFor,
  type ChannelInput,
  type ChannelUpdateInput,
  mergeSecrets,
  validateChannel,
} from './channel-input.ts';

export { type ChannelInput, type ChannelUpdateInput, validateSettings } from './channel-input.ts';

/** A channel as shown to users: secret settings are never returned, only whether they are set. */
export interface PublicChannel extends Omit<SalesChannel, 'settings'> {
  adapterLabel: string;
  settings: Record<string, string>;
  secretsSet: string[];
}

export function toPublicChannel(channel: SalesChannel, adapter: Adapter | undefined): PublicChannel {
  const secretKeys = new Set(
    adapter?.settings.filter((field) => field.type === 'secret').map((field) => field.key),
  );
  const settings: Record<string, string> = {};
  const secretsSet: string[] = [];
  for (const [key, value] of Object.entries(channel.settings)) {
    if (secretKeys.has(key) || !adapter) secretsSet.push(key);
    else settings[key] = value;
  }
  return { ...channel, adapterLabel: adapter?.label ?? channel.adapter, settings, secretsSet };
}

function nameTaken(name: string): ConfigError {
  return new ConfigError('NAME_TAKEN', `A sales channel named "${name}" already exists.`);
}

export class ChannelService {
  constructor(
    private readonly db: Db,
    private readonly adapters: AdapterRegistry,
  ) {}

  async add(input: ChannelInput): Promise<PublicChannel> {
    const adapter = adapterFor(this.adapters, input.adapter);
    const channel = await insertChannel(this.db, validateChannel(adapter, input));
    if (!channel) throw nameTaken(input.name.trim());
    return toPublicChannel(channel, adapter);
  }

  /**
   * Edits a channel (validated like add; the adapter never changes). Secret settings absent or '' keep their
   * stored value unless listed in `clearSecrets`. The watermark and the partner links stay; a rename also renames the channel in the Import
   * customers jobs that have not ended, so that their next runs find it.
   */
  async update(name: string, input: ChannelUpdateInput): Promise<PublicChannel> {
    const current = await this.get(name);
    const adapter = this.adapters.get(current.adapter);
    const settings = mergeSecrets(adapter, input.settings ?? {}, current.settings, input.clearSecrets);
    const { adapter: _kind, ...changes } = validateChannel(adapter, { ...input, settings });
    const updated = await this.db.transaction(async (tx) => {
      if (changes.name !== current.name && (await findChannelByName(tx, changes.name)))
        throw nameTaken(changes.name);
      const channel = await updateChannel(tx, current.id, changes).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw nameTaken(changes.name);
        throw error;
      });
      if (!channel) throw new NotFoundError('Sales channel', name);
      if (channel.name !== current.name) {
        const change = {
          application: IMPORT_CUSTOMERS,
          key: 'channel',
          from: current.name,
          to: channel.name,
        };
        await replaceSettingInOpenJobs(tx, change);
      }
      return channel;
    });
    return toPublicChannel(updated, adapter);
  }

  async list(): Promise<PublicChannel[]> {
    const channels = await listChannels(this.db);
    return channels.map((channel) => toPublicChannel(channel, this.adapterOf(channel)));
  }

  /** A channel with its secrets (for the import and test connection; never return it to users). */
  async get(name: string): Promise<SalesChannel> {
    return await findOrThrow(this.db, name);
  }

  /** A channel with its secrets, or null if there is none of this name. */
  async find(name: string): Promise<SalesChannel | null> {
    return await findChannelByName(this.db, name);
  }

  /** Points a channel at another URL with other settings (the demo's simulators on new ports). */
  async moveConnection(name: string, url: string, settings: Record<string, string>): Promise<void> {
    const channel = await findOrThrow(this.db, name);
    await updateChannelConnection(this.db, channel.id, url, settings);
  }

  /** A channel as users see it (secret settings removed). */
  async getPublic(name: string): Promise<PublicChannel> {
    const channel = await this.get(name);
    return toPublicChannel(channel, this.adapterOf(channel));
  }

  /** Test connection: reaches the channel with its settings; throws a KontorError saying what is wrong. */
  async test(name: string, signal?: AbortSignal): Promise<CheckResult> {
    const channel = await this.get(name);
    const adapter = this.adapters.get(channel.adapter);
    return adapter.check({ url: channel.url, settings: channel.settings }, signal);
  }

  private adapterOf(channel: SalesChannel): Adapter | undefined {
    try {
      return this.adapters.get(channel.adapter);
    } catch (error) {
      if (error instanceof ConfigError) return undefined;
      throw error;
    }
  }
}

async function findOrThrow(db: Queryable, name: string): Promise<SalesChannel> {
  const channel = await findChannelByName(db, name);
  if (!channel) throw new NotFoundError('Sales channel', name);
  return channel;
}
