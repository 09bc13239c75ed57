/** The Sales channels application: create, list and test channels, with their settings validated. */
import type { Adapter, CheckResult } from '../adapters/adapter.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { ConfigError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import {
  CHANNEL_TYPE_LABELS,
  type ChannelType,
  isChannelType,
  type SalesChannel,
} from '../domain/sales-channel.ts';
import { findChannelByName, insertChannel, listChannels } from '../storage/channel-store.ts';
import type { Queryable } from '../storage/db.ts';

export interface ChannelInput {
  name: string;
  adapter: string;
  type: string;
  url: string;
  settings: Record<string, string>;
  customerApproval: boolean;
  pseudoPartnerNumber: string | null;
}

/** A channel as shown to users: secret settings are never returned, only whether they are set. */
export interface PublicChannel extends Omit<SalesChannel, 'settings'> {
  settings: Record<string, string>;
  secretsSet: string[];
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0']);
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,79}$/u;

function validUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(`The URL "${value}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`The URL "${value}" must start with http:// or https://.`);
  }
  if (url.username || url.password) {
    throw new InvalidInputError('Put credentials into the adapter settings, not into the URL.');
  }
  return value.replace(/\/+$/, '');
}

/** Checks settings against the adapter's schema: no unknown keys, required ones present, types right. */
export function validateSettings(adapter: Adapter, settings: Record<string, string>): Record<string, string> {
  const known = new Map(adapter.settings.map((field) => [field.key, field]));
  for (const key of Object.keys(settings)) {
    if (!known.has(key)) {
      const keys = [...known.keys()].join(', ');
      throw new InvalidInputError(
        `The ${adapter.label} adapter has no setting "${key}" (settings: ${keys}).`,
      );
    }
  }
  const result: Record<string, string> = {};
  for (const field of adapter.settings) {
    const value = settings[field.key]?.trim() ?? field.default;
    if (value === undefined || value === '') {
      if (field.required)
        throw new InvalidInputError(
          `The ${adapter.label} adapter needs the setting "${field.key}" (${field.label}).`,
        );
      continue;
    }
    if (field.type === 'number' && !Number.isFinite(Number(value))) {
      throw new InvalidInputError(`The setting "${field.key}" must be a number, not "${value}".`);
    }
    if (field.type === 'boolean' && !BOOLEAN_WORDS.has(value.toLowerCase())) {
      throw new InvalidInputError(`The setting "${field.key}" must be true or false, not "${value}".`);
    }
    result[field.key] = value;
  }
  adapter.validateSettings(result);
  return result;
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
  return { ...channel, settings, secretsSet };
}

export class ChannelService {
  constructor(
    private readonly db: Queryable,
    private readonly adapters: AdapterRegistry,
  ) {}

  async add(input: ChannelInput): Promise<PublicChannel> {
    const name = input.name.trim();
    if (!NAME.test(name)) {
      throw new InvalidInputError(
        `The channel name "${input.name}" is not valid: use 1-80 letters, digits, spaces, dots, dashes or underscores.`,
      );
    }
    const adapter = this.adapters.get(input.adapter);
    if (!isChannelType(input.type)) {
      throw new InvalidInputError(`The channel type "${input.type}" is not valid: use b2c, b2b or b2b-b2c.`);
    }
    const type: ChannelType = input.type;
    if (!adapter.capabilities.channelTypes.includes(type)) {
      const allowed = adapter.capabilities.channelTypes.map((t) => CHANNEL_TYPE_LABELS[t]).join(', ');
      throw new InvalidInputError(
        `The ${adapter.label} adapter serves only ${allowed} channels, not ${CHANNEL_TYPE_LABELS[type]}.`,
      );
    }
    const pseudoPartner = input.pseudoPartnerNumber?.trim() ?? null;
    if (pseudoPartner !== null) {
      if (type === 'b2b') {
        throw new InvalidInputError(
          'A B2B channel has no pseudo partner: "Use pseudo partner" is a setting of B2C and B2B & B2C channels.',
        );
      }
      if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(pseudoPartner)) {
        throw new InvalidInputError(
          `The pseudo partner "${input.pseudoPartnerNumber}" is not a partner number.`,
        );
      }
    }
    const channel = await insertChannel(this.db, {
      name,
      adapter: adapter.kind,
      type,
      url: validUrl(input.url),
      settings: validateSettings(adapter, input.settings),
      customerApproval: input.customerApproval,
      usePseudoPartner: pseudoPartner !== null,
      pseudoPartnerNumber: pseudoPartner,
    });
    if (!channel) throw new InvalidInputError(`A sales channel named "${name}" already exists.`);
    return toPublicChannel(channel, adapter);
  }

  async list(): Promise<PublicChannel[]> {
    const channels = await listChannels(this.db);
    return channels.map((channel) => toPublicChannel(channel, this.adapterOf(channel)));
  }

  async get(name: string): Promise<SalesChannel> {
    const channel = await findChannelByName(this.db, name);
    if (!channel) throw new NotFoundError('Sales channel', name);
    return channel;
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
