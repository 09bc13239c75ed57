/**
 * `defineAdapter` builds an Adapter from its declaration: it owns `connect` (settings parsed, client
 * created), `validateSettings` (the settings declaration's parser) and, when asked, a bounded cache of
 * connected clients keyed by the URL and a hash of the settings (never the secrets themselves); a By email
 * read of an adapter that cannot select by e-mail is refused before it starts. Capabilities most adapters
 * share (DEFAULT_CAPABILITIES) need not be declared.
 */
import { createHash } from 'node:crypto';
import type {
  Adapter,
  AdapterCapabilities,
  ChannelConnection,
  CheckResult,
  CustomerPage,
  ReadRequest,
} from '../adapter.ts';
import { refuseUnsupportedEmails } from './by-email.ts';
import type { SettingsDeclaration } from './settings.ts';

/** The capabilities most adapters share: what an adapter declares only where it differs. */
export const DEFAULT_CAPABILITIES = {
  changedSince: true,
  byEmail: false,
  alwaysBlocked: false,
  requestsPerSecond: null,
} as const satisfies Partial<AdapterCapabilities>;

type DefaultedCapability = keyof typeof DEFAULT_CAPABILITIES;

/** An adapter's capabilities; those of DEFAULT_CAPABILITIES may be left out. */
export type CapabilityDeclaration = Omit<AdapterCapabilities, DefaultedCapability | 'byId'> &
  Partial<Pick<AdapterCapabilities, DefaultedCapability>>;

export interface AdapterDefinition<S, C> {
  kind: string;
  label: string;
  capabilities: CapabilityDeclaration;
  settings: SettingsDeclaration<S>;
  /** The connected client for a channel's URL and parsed settings. */
  connect(url: string, settings: S): C;
  /** Keep up to this many connected clients (reused by later calls for the same channel); default 0. */
  cacheSize?: number;
  check(client: C, signal?: AbortSignal): Promise<CheckResult>;
  readCustomers(client: C, request: ReadRequest): AsyncIterable<CustomerPage>;
  listIds?(client: C, signal?: AbortSignal): AsyncIterable<string[]>;
  /** The customers of these external ids (gives the capability `byId`); ids the channel lacks are left out. */
  readByIds?(client: C, externalIds: readonly string[], signal?: AbortSignal): AsyncIterable<CustomerPage>;
}

export function defineAdapter<S, C>(definition: AdapterDefinition<S, C>): Adapter {
  const capabilities: AdapterCapabilities = {
    ...DEFAULT_CAPABILITIES,
    ...definition.capabilities,
    byId: definition.readByIds !== undefined,
  };
  const cacheSize = definition.cacheSize ?? 0;
  const cache = new Map<string, C>();
  const connect = ({ url, settings }: ChannelConnection): C => {
    if (cacheSize <= 0) return definition.connect(url, definition.settings.parse(settings));
    const key = connectionKey(url, settings);
    const cached = cache.get(key);
    if (cached !== undefined) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const client = definition.connect(url, definition.settings.parse(settings));
    cache.set(key, client);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return client;
  };
  const { listIds, readByIds } = definition;
  return {
    kind: definition.kind,
    label: definition.label,
    capabilities,
    settings: definition.settings.fields,
    validateSettings(settings) {
      definition.settings.parse(settings);
    },
    // Async, so that settings refused by `connect` reject the returned promise rather than throw.
    check: async (connection, signal) => definition.check(connect(connection), signal),
    async *readCustomers(connection, request) {
      refuseUnsupportedEmails(definition.label, capabilities, request);
      yield* definition.readCustomers(connect(connection), request);
    },
    ...(listIds
      ? {
          async *listIds(connection, signal) {
            yield* listIds(connect(connection), signal);
          },
        }
      : {}),
    ...(readByIds
      ? {
          async *readByIds(connection, externalIds, signal) {
            if (externalIds.length === 0) return;
            yield* readByIds(connect(connection), externalIds, signal);
          },
        }
      : {}),
  } satisfies Adapter;
}

/** The cache key of a channel: its URL and a SHA-256 of its settings, so no secret is kept as a key. */
export function connectionKey(url: string, settings: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(settings)
    .sort()
    .map((key) => [key, settings[key]]);
  return createHash('sha256')
    .update(JSON.stringify([url, sorted]))
    .digest('hex');
}
