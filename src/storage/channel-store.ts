/** SQL for sales channels. */
import { isMatchRule, type MatchRule } from '../domain/match-rules.ts';
import type { ChannelType, StoredChannel } from '../domain/sales-channel.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

/** A channel to write: its secrets sealed by the caller (sealedSecrets), the clear settings apart. */
export type NewChannel = Omit<StoredChannel, 'id' | 'watermark' | 'createdAt'>;

interface ChannelRow {
  id: unknown;
  name: string;
  adapter: string;
  channel_type: ChannelType;
  url: string;
  settings: Record<string, string> | string;
  secrets: Record<string, string> | string;
  customer_approval: boolean;
  use_pseudo_partner: boolean;
  pseudo_partner_number: string | null;
  match_rules: string[];
  watermark: unknown;
  created_at: unknown;
}

const COLUMNS = `id, name, adapter, channel_type, url, settings, secrets, customer_approval, use_pseudo_partner,
  pseudo_partner_number, match_rules, watermark, created_at`;

function json(value: Record<string, string> | string): Record<string, string> {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function toChannel(row: ChannelRow): StoredChannel {
  return {
    id: num(row.id),
    name: row.name,
    adapter: row.adapter,
    type: row.channel_type,
    url: row.url,
    settings: json(row.settings),
    sealedSecrets: json(row.secrets),
    customerApproval: row.customer_approval,
    usePseudoPartner: row.use_pseudo_partner,
    pseudoPartnerNumber: row.pseudo_partner_number,
    matchRules: row.match_rules.filter((rule): rule is MatchRule => isMatchRule(rule)),
    watermark: isoOrNull(row.watermark),
    createdAt: iso(row.created_at),
  };
}

/** Inserts a channel; returns null when the name is taken. */
export async function insertChannel(db: Queryable, channel: NewChannel): Promise<StoredChannel | null> {
  const result = await db.query<ChannelRow>(
    `insert into sales_channel (name, adapter, channel_type, url, settings, customer_approval,
       use_pseudo_partner, pseudo_partner_number, secrets, match_rules)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10::text[])
     on conflict (name) do nothing
     returning ${COLUMNS}`,
    [
      channel.name,
      channel.adapter,
      channel.type,
      channel.url,
      JSON.stringify(channel.settings),
      channel.customerApproval,
      channel.usePseudoPartner,
      channel.pseudoPartnerNumber,
      JSON.stringify(channel.sealedSecrets),
      channel.matchRules,
    ],
  );
  const row = result.rows[0];
  return row ? toChannel(row) : null;
}

/**
 * Changes a channel's name, URL, settings and B2B/B2C tabs (one UPDATE; the adapter, the watermark and the
 * channel's links stay). Returns null when there is no channel with that id; throws the driver's unique
 * violation (23505) when the new name is taken.
 */
export async function updateChannel(
  db: Queryable,
  id: number,
  channel: Omit<NewChannel, 'adapter'>,
): Promise<StoredChannel | null> {
  const result = await db.query<ChannelRow>(
    `update sales_channel set name = $2, channel_type = $3, url = $4, settings = $5::jsonb,
       customer_approval = $6, use_pseudo_partner = $7, pseudo_partner_number = $8, secrets = $9::jsonb,
       match_rules = $10::text[], updated_at = now()
     where id = $1
     returning ${COLUMNS}`,
    [
      id,
      channel.name,
      channel.type,
      channel.url,
      JSON.stringify(channel.settings),
      channel.customerApproval,
      channel.usePseudoPartner,
      channel.pseudoPartnerNumber,
      JSON.stringify(channel.sealedSecrets),
      channel.matchRules,
    ],
  );
  const row = result.rows[0];
  return row ? toChannel(row) : null;
}

export async function findChannelByName(db: Queryable, name: string): Promise<StoredChannel | null> {
  const result = await db.query<ChannelRow>(`select ${COLUMNS} from sales_channel where name = $1`, [name]);
  const row = result.rows[0];
  return row ? toChannel(row) : null;
}

export async function listChannels(db: Queryable): Promise<StoredChannel[]> {
  const result = await db.query<ChannelRow>(`select ${COLUMNS} from sales_channel order by name`);
  return result.rows.map(toChannel);
}

export async function setWatermark(
  db: Queryable,
  channelId: number,
  watermark: string | null,
): Promise<void> {
  await db.query('update sales_channel set watermark = $2, updated_at = now() where id = $1', [
    channelId,
    watermark,
  ]);
}

/** Points a channel at another URL with other settings (e.g. a shop that moved). */
export async function updateChannelConnection(
  db: Queryable,
  channelId: number,
  url: string,
  sealed: Pick<NewChannel, 'settings' | 'sealedSecrets'>,
): Promise<void> {
  await db.query(
    `update sales_channel set url = $2, settings = $3::jsonb, secrets = $4::jsonb, updated_at = now()
     where id = $1`,
    [channelId, url, JSON.stringify(sealed.settings), JSON.stringify(sealed.sealedSecrets)],
  );
}

/** Replaces a channel's settings and sealed secrets (re-sealing); nothing else changes. */
export async function updateChannelSecrets(
  db: Queryable,
  channelId: number,
  sealed: Pick<NewChannel, 'settings' | 'sealedSecrets'>,
): Promise<void> {
  await db.query(
    'update sales_channel set settings = $2::jsonb, secrets = $3::jsonb, updated_at = now() where id = $1',
    [channelId, JSON.stringify(sealed.settings), JSON.stringify(sealed.sealedSecrets)],
  );
}

/** Every channel, locked against writes until the transaction ends (re-sealing all secrets at once). */
export async function lockAllChannels(tx: Queryable): Promise<StoredChannel[]> {
  await tx.query('lock table sales_channel in exclusive mode');
  return await listChannels(tx);
}
