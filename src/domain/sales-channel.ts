import type { MatchRule } from './match-rules.ts';

/** A configured sales channel: one adapter kind (e.g. magento) serves many channels. */
export const CHANNEL_TYPES = ['b2c', 'b2b', 'b2b-b2c'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const CHANNEL_TYPE_LABELS: Record<ChannelType, string> = {
  b2c: 'B2C',
  b2b: 'B2B',
  'b2b-b2c': 'B2B & B2C',
};

export interface SalesChannel {
  id: number;
  name: string;
  adapter: string;
  type: ChannelType;
  url: string;
  /** Adapter settings; secrets included (never print or return them). */
  settings: Record<string, string>;
  /** B2B tab: new B2B partners are Released instead of Blocked. */
  customerApproval: boolean;
  /** B2C tab: occasional customers are not created as partners. */
  usePseudoPartner: boolean;
  pseudoPartnerNumber: string | null;
  /** Matching rules in their order (docs/import-rules.md "Matching"); empty: no matching. */
  matchRules: MatchRule[];
  /** Last transfer watermark: customers changed at or after it are selected next time. */
  watermark: string | null;
  createdAt: string;
}

/**
 * A channel as stored: `settings` holds the settings in clear (secrets only in rows written before secrets were
 * sealed), `sealedSecrets` the secret settings by key, each sealed on its own (src/secrets), so that which
 * secrets are set is known without the key.
 */
export interface StoredChannel extends Omit<SalesChannel, 'settings'> {
  settings: Record<string, string>;
  sealedSecrets: Record<string, string>;
}

export function isChannelType(value: string): value is ChannelType {
  return (CHANNEL_TYPES as readonly string[]).includes(value);
}
