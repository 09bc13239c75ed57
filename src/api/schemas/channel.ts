/** Sales channels (docs/api.md "Sales channels"). Secrets are write-only: PublicChannel never holds them. */
import { Type } from 'typebox';
import { MATCH_RULES } from '../../domain/match-rules.ts';
import { Nullable, Timestamp } from './common.ts';

const ChannelType = Type.Enum(['b2c', 'b2b', 'b2b-b2c']);

const MATCH_RULES_TEXT =
  'matching rules in their order: a customer without a link matches an existing partner by these keys ([]: none)';
const matchRules = (description: string) =>
  Type.Array(Type.Enum([...MATCH_RULES]), { maxItems: MATCH_RULES.length, description });
const MatchRules = matchRules(MATCH_RULES_TEXT);

export const PublicChannelSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  adapter: Type.String(),
  adapterLabel: Type.String(),
  type: ChannelType,
  url: Type.String(),
  settings: Type.Record(Type.String(), Type.String(), {
    description: 'adapter settings without the secret ones',
  }),
  secretsSet: Type.Array(Type.String(), { description: 'secret settings that have a value' }),
  customerApproval: Type.Boolean(),
  usePseudoPartner: Type.Boolean(),
  pseudoPartnerNumber: Nullable(Type.String()),
  matchRules: MatchRules,
  watermark: Nullable(Timestamp),
  createdAt: Timestamp,
});

/** A channel of the list: with its open records (records runs did not import, not yet resolved). */
export const ChannelListItemSchema = Type.Object({
  ...PublicChannelSchema.properties,
  openRecords: Type.Integer({ description: 'open records of the channel (GET /api/records?state=open)' }),
});

const channelFields = {
  name: Type.String({ minLength: 1, maxLength: 80 }),
  type: ChannelType,
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  settings: Type.Record(Type.String(), Type.String({ maxLength: 10_000 }), {
    description: 'adapter settings (see GET /api/adapters); secrets are write-only',
  }),
  customerApproval: Type.Boolean({ description: 'B2B tab: new B2B partners are Released' }),
  pseudoPartnerNumber: Nullable(
    Type.String({ maxLength: 40, description: 'set = Use pseudo partner (B2C tab)' }),
  ),
  matchRules: Type.Optional(
    matchRules(`${MATCH_RULES_TEXT}; absent: none for a new channel, kept by an edit`),
  ),
};

export function channelInputSchema(adapterKinds: readonly string[]) {
  return Type.Object({ ...channelFields, adapter: Type.Enum([...adapterKinds]) });
}

export const ChannelUpdateSchema = Type.Object(
  {
    ...channelFields,
    settings: Type.Optional(channelFields.settings),
    clearSecrets: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 50,
        description: 'keys of secret settings to remove (not given a value in `settings` at the same time)',
      }),
    ),
  },
  {
    description:
      'A secret setting that is absent or "" keeps its stored value unless listed in clearSecrets; other absent settings are unset.',
  },
);

export const ChannelTestResult = Type.Object({ ok: Type.Literal(true), message: Type.String() });

const testSettings = Type.Record(Type.String(), Type.String({ maxLength: 10_000 }), {
  description: 'the form\'s adapter settings; a secret that is absent or "" is the stored one',
});

/** POST /api/channels/:name/test with a body: the edit form's values, not saved. */
export const ChannelTestChanges = Type.Object(
  {
    url: channelFields.url,
    settings: testSettings,
    clearSecrets: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  },
  {
    description:
      "Test these values instead of the saved ones (the channel's stored secrets fill empty ones).",
  },
);

export function channelTestInputSchema(adapterKinds: readonly string[]) {
  return Type.Object(
    { adapter: Type.Enum([...adapterKinds]), url: channelFields.url, settings: channelFields.settings },
    { description: 'A channel not saved yet: its adapter, URL and settings.' },
  );
}
