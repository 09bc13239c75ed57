/** Sales channels (docs/api.md "Sales channels"). Secrets are write-only: PublicChannel never holds them. */
import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

const ChannelType = Type.Enum(['b2c', 'b2b', 'b2b-b2c']);

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
