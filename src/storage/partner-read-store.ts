/** Reads partners with their addresses, contacts and channel links (the partner JSON of DESIGN.md 5). */
import type {
  Partner,
  PartnerAddress,
  PartnerContact,
  PartnerLink,
  PartnerStatus,
  PartnerType,
} from '../domain/partner.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

export interface PartnerFilter {
  /** Only partners linked to this channel (by name). */
  channel?: string;
}

/** A row of `select p.* from partner p`. */
export interface PartnerRow {
  id: unknown;
  number: string;
  partner_type: PartnerType;
  status: PartnerStatus;
  name: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  company: string | null;
  tax_id: string | null;
  phones: string[];
  websites: string[];
  sales_tax_classification: string | null;
  sales_representative: string | null;
  merged_into: unknown;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = key(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

export async function listPartners(db: Queryable, filter: PartnerFilter = {}): Promise<Partner[]> {
  const partners = await db.query<PartnerRow>(
    `select p.* from partner p
     where p.merged_into is null and ($1::text is null or exists (
       select 1 from channel_link l join sales_channel c on c.id = l.channel_id
       where l.partner_id = p.id and c.name = $1))
     order by p.number`,
    [filter.channel ?? null],
  );
  return await withDetails(db, partners.rows);
}

/** One partner by its number, or null. */
export async function getPartner(db: Queryable, number: string): Promise<Partner | null> {
  const result = await db.query<PartnerRow>('select p.* from partner p where p.number = $1', [number]);
  const [partner] = await withDetails(db, result.rows);
  return partner ?? null;
}

/**
 * Partner rows (`select p.* from partner p`, in the order wanted) with their addresses, contacts and links,
 * read in three set-based queries: the partner JSON of DESIGN.md 5.
 */
export async function withDetails(db: Queryable, rows: readonly PartnerRow[]): Promise<Partner[]> {
  const ids = rows.map((row) => num(row.id));
  if (ids.length === 0) return [];

  const mergedIds = [
    ...new Set(rows.flatMap((row) => (row.merged_into == null ? [] : [num(row.merged_into)]))),
  ];
  // One after the other: inside a transaction `db` is one connection, which runs one query at a time (pg
  // deprecates queueing them; pg 9 refuses it).
  const addresses = await db.query<Record<string, unknown>>(
    'select * from partner_address where partner_id = any($1::bigint[]) order by partner_id, position',
    [ids],
  );
  const contacts = await db.query<Record<string, unknown>>(
    'select * from partner_contact where partner_id = any($1::bigint[]) order by partner_id, position',
    [ids],
  );
  const links = await db.query<Record<string, unknown>>(
    `select l.*, c.name as channel from channel_link l join sales_channel c on c.id = l.channel_id
     where l.partner_id = any($1::bigint[]) order by l.partner_id, c.name, l.external_id`,
    [ids],
  );
  const survivors =
    mergedIds.length === 0
      ? { rows: [] as Array<{ id: unknown; number: string }> }
      : await db.query<{ id: unknown; number: string }>(
          'select id, number from partner where id = any($1::bigint[])',
          [mergedIds],
        );
  const survivorNumber = new Map(survivors.rows.map((row) => [num(row.id), row.number]));
  const addressesOf = groupBy(addresses.rows, (row) => num(row.partner_id));
  const contactsOf = groupBy(contacts.rows, (row) => num(row.partner_id));
  const linksOf = groupBy(links.rows, (row) => num(row.partner_id));

  return rows.map((row) => {
    const id = num(row.id);
    return {
      number: row.number,
      type: row.partner_type,
      status: row.status,
      name: row.name,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      company: row.company,
      taxId: row.tax_id,
      phones: row.phones,
      websites: row.websites,
      addresses: (addressesOf.get(id) ?? []).map(
        (a): PartnerAddress => ({
          street: a.street as string | null,
          postalCode: a.postal_code as string | null,
          city: a.city as string | null,
          country: a.country as string | null,
          region: a.region as string | null,
          defaultBilling: a.default_billing as boolean,
          defaultShipping: a.default_shipping as boolean,
        }),
      ),
      contacts: (contactsOf.get(id) ?? []).map(
        (c): PartnerContact => ({
          name: c.name as string,
          function: c.function as string | null,
          email: c.email as string | null,
          phone: c.phone as string | null,
        }),
      ),
      salesTaxClassification: row.sales_tax_classification,
      salesRepresentative: row.sales_representative,
      links: (linksOf.get(id) ?? []).map(
        (l): PartnerLink => ({
          channel: l.channel as string,
          externalId: l.external_id as string,
          importedAt: iso(l.imported_at),
          deletedAt: isoOrNull(l.deleted_at),
          active: l.active as boolean,
        }),
      ),
      mergedInto: row.merged_into == null ? null : (survivorNumber.get(num(row.merged_into)) ?? null),
    };
  });
}

/** Partners by id with their details (the preview compares an update with them). */
export async function partnersById(db: Queryable, ids: readonly number[]): Promise<Map<number, Partner>> {
  if (ids.length === 0) return new Map();
  const result = await db.query<PartnerRow>('select p.* from partner p where p.id = any($1::bigint[])', [
    [...new Set(ids)],
  ]);
  const partners = await withDetails(db, result.rows);
  return new Map(result.rows.map((row, index) => [num(row.id), partners[index] as Partner]));
}
