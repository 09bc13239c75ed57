/**
 * Set-based writes of one import page: new partners, updated partners (type and status untouched),
 * their addresses and contacts, and the channel links. Called inside the page's transaction.
 */

import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { partnerName } from '../domain/channel-customer.ts';
import { matchKeys } from '../domain/match-keys.ts';
import type { EmailOwner, ExistingLink, PagePlan } from '../domain/page-plan.ts';
import type { PartnerStatus } from '../domain/partner.ts';
import type { Queryable } from './db.ts';
import { createdChanges, importHistoryCte } from './partner-history-store.ts';
import { matchColumns } from './partner-match-store.ts';
import { prepared } from './prepared-sql.ts';
import { num } from './sql-values.ts';

/**
 * One primary-key look-up per id (the lateral subquery with offset 0 cannot be turned into a join):
 * whatever the planner believes about the table's size (PGlite never analyzes it; PostgreSQL not
 * during a first import), a plain `= any($2)` was planned as a scan of every link of the channel.
 */
const FIND_LINKS = prepared(
  'find-links',
  `select l.external_id, l.partner_id, l.fingerprint, l.confirmed_warnings, l.active
   from unnest($2::text[]) as e(external_id)
   cross join lateral (select * from channel_link l
     where l.channel_id = $1 and l.external_id = e.external_id offset 0) l`,
);

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
  }>(FIND_LINKS, [channelId, [...new Set(externalIds)]]);
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

/**
 * Partners with any of the e-mails (compared ignoring case), lowest id first, and whether the channel links them;
 * merged partners are no longer in use and never count.
 * One look-up in the index on lower(email) per e-mail, and the links of each partner found by partner id:
 * without statistics of the expression (PGlite never analyzes; PostgreSQL not during a first import) a join
 * with the e-mails, or `= any($2)`, was planned as a sequential scan of every partner.
 */
const FIND_EMAIL_OWNERS = prepared(
  'find-email-owners',
  `select lower(p.email) as email, p.id, p.number,
     exists (select 1 from channel_link l where l.partner_id = p.id and l.channel_id = $1) as in_channel
   from unnest($2::text[]) as e(email)
   cross join lateral (select p.id, p.number, p.email from partner p
     where lower(p.email) = e.email and p.merged_into is null offset 0) p
   order by p.id`,
);

export async function findEmailOwners(
  db: Queryable,
  channelId: number,
  emails: readonly string[],
): Promise<Map<string, EmailOwner[]>> {
  const owners = new Map<string, EmailOwner[]>();
  if (emails.length === 0) return owners;
  const result = await db.query<{ email: string; id: unknown; number: string; in_channel: boolean }>(
    FIND_EMAIL_OWNERS,
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
function partnerData(customer: ChannelCustomer) {
  return {
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
    // The normalised keys of the partner's new data (matching, docs/import-rules.md).
    ...matchColumns(matchKeys(customer)),
  };
}

const PARTNER_COLUMNS = `name_b2b text, name_b2c text, first_name text, last_name text, email text, company text,
  tax_id text, phones text[], websites text[], sales_tax_classification text, sales_representative text,
  match_tax_id text, match_email text, match_phones text[]`;

const ADDRESS_COLUMNS = `position int, street text, postal_code text, city text, country text, region text,
  default_billing boolean, default_shipping boolean`;
const CONTACT_COLUMNS = 'position int, name text, function text, email text, phone text';

/**
 * The whole page in one statement. New partners (ids and numbers drawn in page order) carry their addresses,
 * contacts and link, which are inserted plainly; updated partners (type and status untouched) get their
 * addresses and contacts upserted by position and the positions they no longer have deleted (so no row is
 * deleted and inserted again in the same statement); links of updated partners and of occasional customers
 * are upserted. Foreign keys are checked at the end of the statement, after every part has run. Every
 * look-up goes by key, one per row of the page, so that no plan depends on the tables' statistics; a page
 * without updates does not run the surplus deletes at all (a one-time filter: the planner may have chosen to
 * scan the table for the ctids, which grows with it).
 */
const WRITE_PAGE = prepared(
  'write-page',
  `
with created as materialized (
  select r.*, nextval('partner_id_seq') as id, nextval('partner_number_seq')::text as number
  from json_to_recordset($2::json) as r(i int, ${PARTNER_COLUMNS}, partner_type text, status text,
    addresses json, contacts json, external_id text, source_updated_at timestamptz, fingerprint text,
    confirmed text[], history jsonb)
),
updated as materialized (
  select * from json_to_recordset($3::json) as r(id bigint, ${PARTNER_COLUMNS}, addresses json, contacts json)
),
insert_partners as (
  insert into partner (id, number, partner_type, status, name, first_name, last_name, email, company,
    tax_id, phones, websites, sales_tax_classification, sales_representative, match_tax_id, match_email,
    match_phones, match_keyed)
  select c.id, c.number, c.partner_type, c.status,
    case when c.partner_type = 'B2B' then c.name_b2b else c.name_b2c end, c.first_name, c.last_name, c.email,
    c.company, c.tax_id, coalesce(c.phones, '{}'), coalesce(c.websites, '{}'), c.sales_tax_classification,
    c.sales_representative, c.match_tax_id, c.match_email, coalesce(c.match_phones, '{}'), true
  from created c
),
insert_addresses as (
  insert into partner_address (partner_id, position, street, postal_code, city, country, region,
    default_billing, default_shipping)
  select c.id, a.position, a.street, a.postal_code, a.city, a.country, a.region, a.default_billing,
    a.default_shipping
  from created c cross join lateral json_to_recordset(c.addresses) as a(${ADDRESS_COLUMNS})
),
insert_contacts as (
  insert into partner_contact (partner_id, position, name, function, email, phone)
  select c.id, k.position, k.name, k.function, k.email, k.phone
  from created c cross join lateral json_to_recordset(c.contacts) as k(${CONTACT_COLUMNS})
),
insert_links as (
  insert into channel_link (channel_id, external_id, partner_id, imported_at, source_updated_at, fingerprint,
    confirmed_warnings)
  select $1, c.external_id, c.id, now(), c.source_updated_at, c.fingerprint, coalesce(c.confirmed, '{}')
  from created c
),
update_partners as (
  update partner p set name = case when p.partner_type = 'B2B' then u.name_b2b else u.name_b2c end,
    first_name = u.first_name, last_name = u.last_name, email = u.email, company = u.company, tax_id = u.tax_id,
    phones = coalesce(u.phones, '{}'), websites = coalesce(u.websites, '{}'),
    sales_tax_classification = u.sales_tax_classification, sales_representative = u.sales_representative,
    match_tax_id = u.match_tax_id, match_email = u.match_email, match_phones = coalesce(u.match_phones, '{}'),
    match_keyed = true, updated_at = now()
  from updated u
  where p.id = u.id
),
upsert_addresses as (
  insert into partner_address (partner_id, position, street, postal_code, city, country, region,
    default_billing, default_shipping)
  select u.id, a.position, a.street, a.postal_code, a.city, a.country, a.region, a.default_billing,
    a.default_shipping
  from updated u cross join lateral json_to_recordset(u.addresses) as a(${ADDRESS_COLUMNS})
  on conflict (partner_id, position) do update set street = excluded.street,
    postal_code = excluded.postal_code, city = excluded.city, country = excluded.country,
    region = excluded.region, default_billing = excluded.default_billing,
    default_shipping = excluded.default_shipping
),
surplus_addresses as (
  delete from partner_address d where d.ctid = any(array(
    select x.ctid from updated u cross join lateral (select x.ctid from partner_address x
      where x.partner_id = u.id and x.position >= json_array_length(u.addresses) offset 0) x))
    and exists (select 1 from updated)
),
upsert_contacts as (
  insert into partner_contact (partner_id, position, name, function, email, phone)
  select u.id, k.position, k.name, k.function, k.email, k.phone
  from updated u cross join lateral json_to_recordset(u.contacts) as k(${CONTACT_COLUMNS})
  on conflict (partner_id, position) do update set name = excluded.name, function = excluded.function,
    email = excluded.email, phone = excluded.phone
),
surplus_contacts as (
  delete from partner_contact d where d.ctid = any(array(
    select x.ctid from updated u cross join lateral (select x.ctid from partner_contact x
      where x.partner_id = u.id and x.position >= json_array_length(u.contacts) offset 0) x))
    and exists (select 1 from updated)
),
upsert_links as (
  insert into channel_link (channel_id, external_id, partner_id, imported_at, source_updated_at, fingerprint,
    confirmed_warnings)
  select $1, l.external_id, coalesce(l.partner_id, c.id), now(), l.source_updated_at, l.fingerprint,
    coalesce(l.confirmed, '{}')
  from json_to_recordset($4::json) as l(external_id text, partner_id bigint, create_index int,
    source_updated_at timestamptz, fingerprint text, confirmed text[])
  left join created c on c.i = l.create_index
  on conflict (channel_id, external_id) do update set partner_id = excluded.partner_id,
    imported_at = excluded.imported_at, source_updated_at = excluded.source_updated_at,
    fingerprint = excluded.fingerprint, confirmed_warnings = excluded.confirmed_warnings,
    active = true, deleted_at = null
),
${importHistoryCte('$5::bigint')}
select count(*)::int as created from created`,
);

/** A customer's addresses and contacts as the rows of the partner master, by position. */
function details(customer: ChannelCustomer) {
  return {
    addresses: customer.addresses.map((address, position) => ({
      position,
      street: address.street,
      postal_code: address.postalCode,
      city: address.city,
      country: address.country,
      region: address.region,
      default_billing: address.defaultBilling,
      default_shipping: address.defaultShipping,
    })),
    contacts: customer.contacts.map((contact, position) => ({ position, ...contact })),
  };
}

/** The link columns of a planned record. */
function linkData(planned: { customer: ChannelCustomer; fingerprint: string; confirmedWarnings: string[] }) {
  return {
    external_id: planned.customer.externalId,
    source_updated_at: planned.customer.updatedAt,
    fingerprint: planned.fingerprint,
    confirmed: planned.confirmedWarnings,
  };
}

/**
 * Writes the creates, updates and links of one page in one statement (none when nothing changed), and records
 * in the partners' history what the import run `runId` gave or changed.
 */
export async function writePartners(
  db: Queryable,
  channelId: number,
  plan: Pick<PagePlan, 'creates' | 'updates' | 'links'>,
  runId: number | null = null,
): Promise<void> {
  if (plan.creates.length + plan.updates.length + plan.links.length === 0) return;
  // Two records of the page linked to one partner (occasional customers) update it once: the last one wins,
  // as when the records are written one after the other.
  const updates = [...new Map(plan.updates.map((update) => [update.partnerId, update])).values()];
  const creates = plan.creates.map((create, index) => ({
    i: index,
    ...partnerData(create.customer),
    partner_type: create.type,
    status: create.status,
    ...details(create.customer),
    ...linkData(create),
    history: createdChanges(create.customer, create.type),
  }));
  const links = [
    ...plan.updates.map((update) => ({
      ...linkData(update),
      partner_id: update.partnerId,
      create_index: null,
    })),
    ...plan.links.map((link) => ({
      ...linkData(link),
      partner_id: 'partnerId' in link.target ? link.target.partnerId : null,
      create_index: 'createIndex' in link.target ? link.target.createIndex : null,
    })),
  ];
  await db.query(WRITE_PAGE, [
    channelId,
    JSON.stringify(creates),
    JSON.stringify(
      updates.map((update) => ({
        id: update.partnerId,
        ...partnerData(update.customer),
        ...details(update.customer),
      })),
    ),
    JSON.stringify(links),
    runId,
  ]);
}

/**
 * Changes a partner's status (what a user does in the ERP; imports never do it) and records the change, with
 * who did it, in the partner's history; setting the status it has changes and records nothing. False when
 * there is no such partner.
 */
export async function setPartnerStatus(
  db: Queryable,
  number: string,
  status: PartnerStatus,
  by: string | null = null,
): Promise<boolean> {
  const result = await db.query(
    `with before as materialized (select id, status from partner where number = $1 for update),
     changed as (
       update partner p set status = $2, updated_at = now() from before b where p.id = b.id and b.status <> $2
     ),
     recorded as (
       insert into partner_history (partner_id, action, by_user, changes)
       select b.id, 'status', $3, jsonb_build_array(jsonb_build_object('field', 'status', 'from', b.status,
         'to', $2::text))
       from before b where b.status <> $2
     )
     select id from before`,
    [number, status, by],
  );
  return result.rows.length > 0;
}
