/**
 * A partner's change history (migration 0013): what imports changed, field by field, with their run, and what
 * users did (status, merges, links) with who and when. The import's part is a CTE of the page's one write
 * statement (src/storage/partner-write-store.ts): no statement or round trip of its own.
 */
import { type ChannelCustomer, partnerName } from '../domain/channel-customer.ts';
import type { PartnerType } from '../domain/partner.ts';
import type { FieldChangeRecord, HistoryAction, HistoryEntry } from '../domain/partner-history.ts';
import type { Queryable } from './db.ts';
import { iso, num } from './sql-values.ts';

const ADDRESS_COLUMNS = `position int, street text, postal_code text, city text, country text, region text,
  default_billing boolean, default_shipping boolean`;
const CONTACT_COLUMNS = 'position int, name text, function text, email text, phone text';

/** Addresses as the partner JSON has them, from rows `a` (stored, or the page's), by position. */
const ADDRESS_JSON = `coalesce(jsonb_agg(jsonb_build_object('street', a.street, 'postalCode', a.postal_code,
  'city', a.city, 'country', a.country, 'region', a.region, 'defaultBilling', coalesce(a.default_billing, false),
  'defaultShipping', coalesce(a.default_shipping, false)) order by a.position), '[]'::jsonb)`;
const CONTACT_JSON = `coalesce(jsonb_agg(jsonb_build_object('name', k.name, 'function', k.function,
  'email', k.email, 'phone', k.phone) order by k.position), '[]'::jsonb)`;

/** The imported fields of a page row `x` (created or updated, columns of the page's JSON), as JSON values. */
function pageFields(x: string, name: string): Array<[string, string]> {
  return [
    ['name', `to_jsonb(${name})`],
    ['firstName', `to_jsonb(${x}.first_name)`],
    ['lastName', `to_jsonb(${x}.last_name)`],
    ['email', `to_jsonb(${x}.email)`],
    ['company', `to_jsonb(${x}.company)`],
    ['taxId', `to_jsonb(${x}.tax_id)`],
    ['phones', `to_jsonb(coalesce(${x}.phones, '{}'))`],
    ['websites', `to_jsonb(coalesce(${x}.websites, '{}'))`],
    ['addresses', `(select ${ADDRESS_JSON} from json_to_recordset(${x}.addresses) as a(${ADDRESS_COLUMNS}))`],
    ['contacts', `(select ${CONTACT_JSON} from json_to_recordset(${x}.contacts) as k(${CONTACT_COLUMNS}))`],
    ['salesTaxClassification', `to_jsonb(${x}.sales_tax_classification)`],
    ['salesRepresentative', `to_jsonb(${x}.sales_representative)`],
  ];
}

/** The same fields of the stored partner `p` (the statement's snapshot: the values before the page). */
const STORED_FIELDS: Record<string, string> = {
  name: 'to_jsonb(p.name)',
  firstName: 'to_jsonb(p.first_name)',
  lastName: 'to_jsonb(p.last_name)',
  email: 'to_jsonb(p.email)',
  company: 'to_jsonb(p.company)',
  taxId: 'to_jsonb(p.tax_id)',
  phones: 'to_jsonb(p.phones)',
  websites: 'to_jsonb(p.websites)',
  addresses: `(select ${ADDRESS_JSON} from partner_address a where a.partner_id = p.id)`,
  contacts: `(select ${CONTACT_JSON} from partner_contact k where k.partner_id = p.id)`,
  salesTaxClassification: 'to_jsonb(p.sales_tax_classification)',
  salesRepresentative: 'to_jsonb(p.sales_representative)',
};

/**
 * The fields a partner created from `customer` gets, as history entries from null (the empty ones left out):
 * built here from the page's data and passed with the created record, cheaper than building them in SQL.
 */
export function createdChanges(customer: ChannelCustomer, type: PartnerType): FieldChangeRecord[] {
  const fields: Array<[string, unknown]> = [
    ['name', partnerName(type, customer)],
    ['firstName', customer.firstName],
    ['lastName', customer.lastName],
    ['email', customer.email],
    ['company', customer.company],
    ['taxId', customer.taxId],
    ['phones', customer.phones],
    ['websites', customer.websites],
    [
      'addresses',
      customer.addresses.map((a) => ({
        street: a.street ?? null,
        postalCode: a.postalCode ?? null,
        city: a.city ?? null,
        country: a.country ?? null,
        region: a.region ?? null,
        defaultBilling: a.defaultBilling === true,
        defaultShipping: a.defaultShipping === true,
      })),
    ],
    [
      'contacts',
      customer.contacts.map((k) => ({
        name: k.name,
        function: k.function ?? null,
        email: k.email ?? null,
        phone: k.phone ?? null,
      })),
    ],
    ['salesTaxClassification', customer.salesTaxClassification],
    ['salesRepresentative', customer.salesRepresentative],
  ];
  return fields
    .filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
    .map(([field, to]) => ({ field, from: null, to }));
}

/**
 * A CTE (`record_history as (...)`, to follow the other CTEs of the page's write) that records the fields
 * every created partner got (`created.history`, from createdChanges) and every updated partner's changed
 * fields, old -> new, with the run `runParam`. Needs the CTEs `created` (with id, history) and `updated` (with
 * id) of that statement. All CTEs of one statement read one snapshot, so `partner` here still holds the values
 * before the page: an update that changes no field writes no row.
 */
export function importHistoryCte(runParam: string): string {
  const updatedFields = pageFields(
    'u',
    "case when p.partner_type = 'B2B' then u.name_b2b else u.name_b2c end",
  ).map(([field, value], order) => `(${order}, '${field}', ${STORED_FIELDS[field]}, ${value})`);
  return `record_history as (
  insert into partner_history (partner_id, action, run_id, changes)
  select c.id, 'import', ${runParam}, c.history
  from created c where jsonb_array_length(c.history) > 0
  union all
  select u.id, 'import', ${runParam}, f.changes
  from updated u join partner p on p.id = u.id cross join lateral (
    select jsonb_agg(jsonb_build_object('field', v.field, 'from', v.old, 'to', v.new) order by v.o) as changes
    from (values ${updatedFields.join(',\n      ')}) as v(o, field, old, new)
    where v.old is distinct from v.new) f
  where f.changes is not null
)`;
}

/** Records what a user did to a partner (by id), in the caller's transaction. */
export async function recordUserChange(
  db: Queryable,
  partnerId: number,
  action: Exclude<HistoryAction, 'import'>,
  by: string,
  changes: readonly FieldChangeRecord[],
): Promise<void> {
  await db.query(
    'insert into partner_history (partner_id, action, by_user, changes) values ($1, $2, $3, $4)',
    [partnerId, action, by, JSON.stringify(changes)],
  );
}

/**
 * "A user linked record X of a channel to partner N" (`kontor records link`): recorded in partner N's history
 * as the field `link`, from the partner the record was linked to before (its number, or null) to
 * `{ channel, externalId }`. Call it in the transaction that links. False when there is no partner N.
 */
export async function recordUserLink(
  db: Queryable,
  link: {
    partnerNumber: string;
    channel: string;
    externalId: string;
    by: string;
    fromPartner?: string | null;
  },
): Promise<boolean> {
  const result = await db.query(
    `insert into partner_history (partner_id, action, by_user, changes)
     select p.id, 'link', $2, jsonb_build_array(jsonb_build_object('field', 'link', 'from', $3::text,
       'to', jsonb_build_object('channel', $4::text, 'externalId', $5::text)))
     from partner p where p.number = $1`,
    [link.partnerNumber, link.by, link.fromPartner ?? null, link.channel, link.externalId],
  );
  return result.rowCount > 0;
}

/**
 * The history of partner `number` and of every partner merged into it (directly or through others), oldest
 * first, one entry per changed field. An import's `by` is the user of its batch job, if it ran as one.
 */
export async function partnerHistory(db: Queryable, number: string): Promise<HistoryEntry[]> {
  const result = await db.query<{
    at: unknown;
    action: HistoryAction;
    by: string | null;
    run_id: unknown;
    changes: FieldChangeRecord[];
    number: string;
    own: boolean;
  }>(
    `with recursive family as (
       select p.id, p.number, true as own from partner p where p.number = $1
       union all
       select m.id, m.number, false from partner m join family f on m.merged_into = f.id
     )
     select h.at, h.action, h.run_id, h.changes, f.number, f.own,
       coalesce(h.by_user, (select j.user_name from batch_run r join batch_job j on j.id = r.job_id
         where r.import_run_id = h.run_id limit 1)) as by
     from family f join partner_history h on h.partner_id = f.id
     order by h.at, h.id`,
    [number],
  );
  return result.rows.flatMap((row) =>
    row.changes.map((change) => ({
      at: iso(row.at),
      by: row.by,
      ...(row.run_id === null ? {} : { run: num(row.run_id) }),
      action: row.action,
      field: change.field,
      from: change.from ?? null,
      to: change.to ?? null,
      ...(row.own ? {} : { partner: row.number }),
    })),
  );
}
