/**
 * Set-based writes of one import page: new partners, updated partners (type and status untouched),
 * their addresses and contacts, and the channel links. Called inside the page's transaction.
 */

import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { partnerName } from '../domain/channel-customer.ts';
import type { EmailOwner, ExistingLink, PagePlan } from '../domain/page-plan.ts';
import type { PartnerStatus } from '../domain/partner.ts';
import type { Queryable } from './db.ts';
import { num } from './sql-values.ts';

export async function findLinks(
  db: Queryable,
  channelId: number,
  externalIds: readonly string[],
): Promise<Map<string, ExistingLink>> {
  const result = await db.query<{
    external_id: string;
    partner_id: unknown;
    fingerprint: string;
    confirmed_warnings: string[];
    active: boolean;
  }>(
    `select external_id, partner_id, fingerprint, confirmed_warnings, active from channel_link
     where channel_id = $1 and external_id = any($2::text[])`,
    [channelId, externalIds],
  );
  return new Map(
    result.rows.map((row) => [
      row.external_id,
      {
        externalId: row.external_id,
        partnerId: num(row.partner_id),
        fingerprint: row.fingerprint,
        confirmedWarnings: row.confirmed_warnings,
        active: row.active,
      },
    ]),
  );
}

/** Partners with any of the e-mails (compared ignoring case), lowest id first, and whether the channel links them. */
export async function findEmailOwners(
  db: Queryable,
  channelId: number,
  emails: readonly string[],
): Promise<Map<string, EmailOwner[]>> {
  const owners = new Map<string, EmailOwner[]>();
  if (emails.length === 0) return owners;
  const result = await db.query<{ email: string; id: unknown; number: string; in_channel: boolean }>(
    `select lower(p.email) as email, p.id, p.number,
       exists (select 1 from channel_link l where l.partner_id = p.id and l.channel_id = $1) as in_channel
     from unnest($2::text[]) as e(email) join partner p on lower(p.email) = e.email order by p.id`,
    [channelId, [...new Set(emails.map((email) => email.toLowerCase()))]],
  );
  for (const row of result.rows) {
    const list = owners.get(row.email) ?? [];
    list.push({ partnerId: num(row.id), number: row.number, inChannel: row.in_channel });
    owners.set(row.email, list);
  }
  return owners;
}

/** The partner columns that every import sets from the channel's data, as one JSON record. */
function partnerData(id: number, customer: ChannelCustomer) {
  return {
    id,
    name_b2b: partnerName('B2B', customer),
    name_b2c: partnerName('B2C', customer),
    first_name: customer.firstName,
    last_name: customer.lastName,
    email: customer.email,
    company: customer.company,
    tax_id: customer.taxId,
    phones: customer.phones,
    websites: customer.websites,
    sales_tax_classification: customer.salesTaxClassification,
    sales_representative: customer.salesRepresentative,
  };
}

const RECORD_COLUMNS = `id bigint, name_b2b text, name_b2c text, first_name text, last_name text, email text, company text,
  tax_id text, phones jsonb, websites jsonb, sales_tax_classification text, sales_representative text`;

async function allocatePartnerIds(
  db: Queryable,
  count: number,
): Promise<Array<{ id: number; number: string }>> {
  const result = await db.query<{ id: unknown; number: unknown }>(
    `select nextval(pg_get_serial_sequence('partner', 'id')) as id, nextval('partner_number_seq') as number
     from generate_series(1, $1)`,
    [count],
  );
  return result.rows.map((row) => ({ id: num(row.id), number: String(row.number) }));
}

async function insertPartners(db: Queryable, creates: PagePlan['creates']): Promise<number[]> {
  if (creates.length === 0) return [];
  const ids = await allocatePartnerIds(db, creates.length);
  const records = creates.map((create, index) => ({
    ...partnerData(ids[index]!.id, create.customer),
    number: ids[index]!.number,
    partner_type: create.type,
    status: create.status,
  }));
  await db.query(
    `insert into partner (id, number, partner_type, status, name, first_name, last_name, email, company,
       tax_id, phones, websites, sales_tax_classification, sales_representative)
     select r.id, r.number, r.partner_type, r.status,
       case when r.partner_type = 'B2B' then r.name_b2b else r.name_b2c end, r.first_name, r.last_name, r.email, r.company,
       r.tax_id, array(select jsonb_array_elements_text(r.phones)), array(select jsonb_array_elements_text(r.websites)),
       r.sales_tax_classification, r.sales_representative
     from jsonb_to_recordset($1::jsonb) as r(${RECORD_COLUMNS}, number text, partner_type text, status text)`,
    [JSON.stringify(records)],
  );
  return ids.map((id) => id.id);
}

async function updatePartners(db: Queryable, updates: PagePlan['updates']): Promise<void> {
  if (updates.length === 0) return;
  const records = updates.map((update) => partnerData(update.partnerId, update.customer));
  await db.query(
    `update partner p set name = case when p.partner_type = 'B2B' then r.name_b2b else r.name_b2c end,
       first_name = r.first_name, last_name = r.last_name, email = r.email,
       company = r.company, tax_id = r.tax_id, phones = array(select jsonb_array_elements_text(r.phones)),
       websites = array(select jsonb_array_elements_text(r.websites)),
       sales_tax_classification = r.sales_tax_classification, sales_representative = r.sales_representative,
       updated_at = now()
     from jsonb_to_recordset($1::jsonb) as r(${RECORD_COLUMNS})
     where p.id = r.id`,
    [JSON.stringify(records)],
  );
}

/** Replaces the addresses and contacts of the given partners with the channel's. */
async function replaceDetails(
  db: Queryable,
  rows: Array<{ partnerId: number; customer: ChannelCustomer }>,
): Promise<void> {
  if (rows.length === 0) return;
  const partnerIds = rows.map((row) => row.partnerId);
  await db.query('delete from partner_address where partner_id = any($1::bigint[])', [partnerIds]);
  await db.query('delete from partner_contact where partner_id = any($1::bigint[])', [partnerIds]);
  const addresses = rows.flatMap((row) =>
    row.customer.addresses.map((address, position) => ({
      partner_id: row.partnerId,
      position,
      street: address.street,
      postal_code: address.postalCode,
      city: address.city,
      country: address.country,
      region: address.region,
      default_billing: address.defaultBilling,
      default_shipping: address.defaultShipping,
    })),
  );
  if (addresses.length > 0) {
    await db.query(
      `insert into partner_address (partner_id, position, street, postal_code, city, country, region,
         default_billing, default_shipping)
       select * from jsonb_to_recordset($1::jsonb) as a(partner_id bigint, position int, street text,
         postal_code text, city text, country text, region text, default_billing boolean, default_shipping boolean)`,
      [JSON.stringify(addresses)],
    );
  }
  const contacts = rows.flatMap((row) =>
    row.customer.contacts.map((contact, position) => ({ partner_id: row.partnerId, position, ...contact })),
  );
  if (contacts.length > 0) {
    await db.query(
      `insert into partner_contact (partner_id, position, name, function, email, phone)
       select * from jsonb_to_recordset($1::jsonb) as c(partner_id bigint, position int, name text,
         function text, email text, phone text)`,
      [JSON.stringify(contacts)],
    );
  }
}

async function upsertLinks(
  db: Queryable,
  channelId: number,
  links: Array<{
    partnerId: number;
    fingerprint: string;
    customer: ChannelCustomer;
    confirmedWarnings: string[];
  }>,
): Promise<void> {
  if (links.length === 0) return;
  await db.query(
    `insert into channel_link (channel_id, external_id, partner_id, imported_at, source_updated_at, fingerprint,
       confirmed_warnings)
     select $1, l.external_id, l.partner_id, now(), l.source_updated_at, l.fingerprint,
       string_to_array(l.confirmed, ' ')
     from unnest($2::text[], $3::bigint[], $4::timestamptz[], $5::text[], $6::text[])
       as l(external_id, partner_id, source_updated_at, fingerprint, confirmed)
     on conflict (channel_id, external_id) do update set partner_id = excluded.partner_id,
       imported_at = excluded.imported_at, source_updated_at = excluded.source_updated_at,
       fingerprint = excluded.fingerprint, confirmed_warnings = excluded.confirmed_warnings,
       active = true, deleted_at = null`,
    [
      channelId,
      links.map((link) => link.customer.externalId),
      links.map((link) => link.partnerId),
      links.map((link) => link.customer.updatedAt),
      links.map((link) => link.fingerprint),
      // Warning codes are upper-case words: one space-separated text per link.
      links.map((link) => link.confirmedWarnings.join(' ')),
    ],
  );
}

/** Writes the creates, updates and links of one page. */
export async function writePartners(
  db: Queryable,
  channelId: number,
  plan: Pick<PagePlan, 'creates' | 'updates' | 'links'>,
): Promise<void> {
  const createdIds = await insertPartners(db, plan.creates);
  await updatePartners(db, plan.updates);
  const written = [
    ...plan.creates.map((create, index) => ({ ...create, partnerId: createdIds[index]! })),
    ...plan.updates,
  ];
  await replaceDetails(db, written);
  const linked = plan.links.map((link) => ({
    ...link,
    partnerId: 'partnerId' in link.target ? link.target.partnerId : createdIds[link.target.createIndex]!,
  }));
  await upsertLinks(db, channelId, [...written, ...linked]);
}

/** Changes a partner's status (what a user does in the ERP; imports never do it). */
export async function setPartnerStatus(
  db: Queryable,
  number: string,
  status: PartnerStatus,
): Promise<boolean> {
  const result = await db.query('update partner set status = $2, updated_at = now() where number = $1', [
    number,
    status,
  ]);
  return result.rowCount > 0;
}
