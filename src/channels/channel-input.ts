/**
 * A sales channel as a user enters it (create and edit), validated against its adapter: every wrong field is
 * refused with an InvalidInputError that names it (`name`, `type`, `url`, `adapter`, `pseudoPartnerNumber`,
 * `matchRules`, `settings.<key>`), before anything is written.
 */
import type { Adapter } from '../adapters/adapter.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { settingName } from '../adapters/setting-values.ts';
import { ConfigError, InvalidInputError, SettingError } from '../domain/errors.ts';
import { validMatchRules } from '../domain/match-rules.ts';
import { CHANNEL_TYPE_LABELS, isChannelType, type SalesChannel } from '../domain/sales-channel.ts';

export interface ChannelInput {
  name: string;
  adapter: string;
  type: string;
  url: string;
  settings: Record<string, string>;
  customerApproval: boolean;
  pseudoPartnerNumber: string | null;
  /** Matching rules in their order (tax-id, email, phone); absent: none for a new channel, kept by an edit. */
  matchRules?: readonly string[];
}

/**
 * An edit: everything but the adapter (it never changes); `name` renames. Secret settings are write-only: a
 * secret key that is absent or '' keeps the stored value, unless it is listed in `clearSecrets` (then it is
 * removed); a non-secret key that is absent is unset.
 */
export type ChannelUpdateInput = Omit<ChannelInput, 'adapter'> & {
  /** Keys of secret settings to remove (e.g. switching from an API key to user name and password). */
  clearSecrets?: readonly string[];
};

/** A channel that passed validation, its secrets still in clear among its settings. */
export type ValidChannel = Omit<SalesChannel, 'id' | 'watermark' | 'createdAt'>;

/** The keys of the adapter's secret settings. */
export function secretKeysOf(adapter: Adapter): string[] {
  return adapter.settings.filter((field) => field.type === 'secret').map((field) => field.key);
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0']);
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,79}$/u;
const PARTNER_NUMBER = /^[\p{L}\p{N}._-]{1,40}$/u;

function invalid(field: string, message: string): never {
  throw new InvalidInputError(message, { field });
}

/** The adapter of a new channel; an unknown kind is wrong input (field `adapter`). */
export function adapterFor(adapters: AdapterRegistry, kind: string): Adapter {
  try {
    return adapters.get(kind);
  } catch (error) {
    if (error instanceof ConfigError) invalid('adapter', error.message);
    throw error;
  }
}

function validUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalid('url', `The URL "${value}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid('url', `The URL "${value}" must start with http:// or https://.`);
  }
  if (url.username || url.password) {
    invalid('url', 'Put credentials into the adapter settings, not into the URL.');
  }
  return value.replace(/\/+$/, '');
}

/** Where and how a Test connection reaches a channel not saved (yet): the URL and the settings, validated. */
export function validateConnection(
  adapter: Adapter,
  url: string,
  settings: Record<string, string>,
): { url: string; settings: Record<string, string> } {
  return { url: validUrl(url.trim()), settings: validateSettings(adapter, settings) };
}

/** A setting as messages name it: its label, with its key (`Page size ("pageSize")`). */
const name = (field: { key: string; label: string }): string =>
  settingName(field.key, { [field.key]: field.label });

/** Checks settings against the adapter's schema: no unknown keys, required ones present, types right. */
export function validateSettings(adapter: Adapter, settings: Record<string, string>): Record<string, string> {
  const known = new Map(adapter.settings.map((field) => [field.key, field]));
  for (const key of Object.keys(settings)) {
    if (!known.has(key)) {
      const keys = [...known.keys()].join(', ');
      invalid(`settings.${key}`, `The ${adapter.label} adapter has no setting "${key}" (settings: ${keys}).`);
    }
  }
  const result: Record<string, string> = {};
  for (const field of adapter.settings) {
    const value = settings[field.key]?.trim() ?? field.default;
    const path = `settings.${field.key}`;
    if (value === undefined || value === '') {
      if (field.required) invalid(path, `The ${adapter.label} adapter needs the setting ${name(field)}.`);
      continue;
    }
    if (field.type === 'number' && !Number.isFinite(Number(value))) {
      invalid(path, `The setting ${name(field)} must be a number, not "${value}".`);
    }
    if (field.type === 'boolean' && !BOOLEAN_WORDS.has(value.toLowerCase())) {
      invalid(path, `The setting ${name(field)} must be true or false, not "${value}".`);
    }
    result[field.key] = value;
  }
  try {
    adapter.validateSettings(result);
  } catch (error) {
    if (error instanceof SettingError) invalid(`settings.${error.key}`, error.message);
    if (error instanceof ConfigError) throw new InvalidInputError(error.message, { cause: error });
    throw error;
  }
  return result;
}

/**
 * The settings of an edit: secret keys absent or '' in `given` keep their `stored` value unless listed in
 * `clear`; everything else is what was given (an absent non-secret key is unset). `clear` names secret
 * settings of the adapter only, and none that is given a value at the same time (field `clearSecrets`).
 */
export function mergeSecrets(
  adapter: Adapter,
  given: Record<string, string>,
  stored: Readonly<Record<string, string>>,
  clear: readonly string[] = [],
): Record<string, string> {
  const secrets = secretKeysOf(adapter);
  for (const key of clear) {
    if (!secrets.includes(key)) {
      const list = secrets.length > 0 ? secrets.join(', ') : 'none';
      invalid(
        'clearSecrets',
        `"${key}" is no secret setting of the ${adapter.label} adapter (secret settings: ${list}).`,
      );
    }
    if (given[key] !== undefined && given[key].trim() !== '')
      invalid('clearSecrets', `The secret setting "${key}" cannot be given a value and cleared at once.`);
  }
  const merged = { ...given };
  for (const key of secrets) {
    const value = given[key];
    const storedValue = stored[key];
    if (clear.includes(key)) delete merged[key];
    else if ((value === undefined || value.trim() === '') && storedValue !== undefined)
      merged[key] = storedValue;
  }
  return merged;
}

/** Validates a whole channel (name, type, URL, settings, B2B and B2C tabs) for `adapter`. */
export function validateChannel(adapter: Adapter, input: ChannelUpdateInput): ValidChannel {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!NAME.test(name)) {
    invalid(
      'name',
      `The channel name "${input.name}" is not valid: use 1-80 letters, digits, spaces, dots, dashes or underscores.`,
    );
  }
  const type = input.type;
  if (!isChannelType(type)) {
    return invalid('type', `The channel type "${type}" is not valid: use b2c, b2b or b2b-b2c.`);
  }
  if (!adapter.capabilities.channelTypes.includes(type)) {
    const allowed = adapter.capabilities.channelTypes.map((t) => CHANNEL_TYPE_LABELS[t]).join(', ');
    invalid(
      'type',
      `The ${adapter.label} adapter serves only ${allowed} channels, not ${CHANNEL_TYPE_LABELS[type]}.`,
    );
  }
  const pseudoPartner = input.pseudoPartnerNumber?.trim() || null;
  if (pseudoPartner !== null) {
    if (type === 'b2b') {
      invalid(
        'pseudoPartnerNumber',
        'A B2B channel has no pseudo partner: "Use pseudo partner" is a setting of B2C and B2B & B2C channels.',
      );
    }
    if (!PARTNER_NUMBER.test(pseudoPartner)) {
      invalid(
        'pseudoPartnerNumber',
        `The pseudo partner "${input.pseudoPartnerNumber}" is not a partner number.`,
      );
    }
  }
  return {
    name,
    adapter: adapter.kind,
    type,
    url: validUrl(input.url),
    settings: validateSettings(adapter, input.settings ?? {}),
    customerApproval: input.customerApproval === true,
    usePseudoPartner: pseudoPartner !== null,
    pseudoPartnerNumber: pseudoPartner,
    matchRules: validMatchRules(input.matchRules ?? []),
  };
}
