/**
 * Maps a user of the OXID connector (an oxuser row with its oxaddress rows) to the neutral ChannelCustomer,
 * or to a RejectedRecord with a stable code when the record is unusable:
 *   INVALID_RECORD  not a user object, or its addresses not of their shape: "addresses" not a list (the
 *                   connector always sends it), a row that is not an object, an address column that is not
 *                   text (never taken as "no address", which would remove the addresses stored for the partner)
 *   MISSING_ID      no OXID
 *   INVALID_DATE    the change time is not a real "YYYY-MM-DD HH:MM:SS" (e.g. MySQL's zero date)
 *   INVALID_EMAIL   OXUSERNAME is empty or not an e-mail address
 * The billing address is the user's own (oxuser), the delivery addresses are its oxaddress rows. Countries
 * are oxcountry OXIDs: the connector's country list turns them into ISO codes; an id the list does not know
 * (or "Anderes Land", which has no ISO code) is delivered as it is, for the import to report. Decisions:
 * docs/adapters/oxid.md.
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { addressListProblem, addressProblem } from '../address-shape.ts';
import { type MapResult, reject } from '../map-results.ts';
import { distinctPhones, isEmail, text } from '../record-values.ts';
import type { OxidAddress, OxidUser } from './oxid-types.ts';
import { shopTimeToIso } from './shop-time.ts';

export interface OxidMapContext {
  /** The zone of the shop's date-times (from the connector). */
  timeZone: string;
  /** oxcountry OXID -> OXISOALPHA2 ('' for countries without an ISO code). */
  countries: ReadonlyMap<string, string>;
}

/** Countries whose addresses put the house number before the street ("12 High Street"). */
const NUMBER_FIRST = new Set(['AU', 'CA', 'FR', 'GB', 'IE', 'LU', 'NZ', 'US']);

type AddressColumns = Pick<
  OxidAddress,
  'OXSTREET' | 'OXSTREETNR' | 'OXADDINFO' | 'OXZIP' | 'OXCITY' | 'OXCOUNTRYID' | 'OXSTATEID'
>;

/** The address columns of oxuser and oxaddress the mapping reads (every one a string in the protocol). */
const ADDRESS_FIELDS = {
  texts: ['OXSTREET', 'OXSTREETNR', 'OXADDINFO', 'OXZIP', 'OXCITY', 'OXCOUNTRYID', 'OXSTATEID', 'OXFON'],
} as const;

export function mapOxidUser(raw: unknown, context: OxidMapContext): MapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return reject(null, 'INVALID_RECORD', 'The connector sent a user record that is not an object.', null);
  }
  const user = raw as Partial<OxidUser>;
  const changedText = text(user.changed) ?? text(user.OXTIMESTAMP);
  const updatedAt = changedText === null ? null : shopTimeToIso(changedText, context.timeZone);
  const externalId = text(user.OXID);
  if (externalId === null)
    return reject(null, 'MISSING_ID', 'The connector sent a user without an OXID.', updatedAt);
  if (updatedAt === null) {
    return reject(
      externalId,
      'INVALID_DATE',
      `User ${externalId}: the change time "${changedText ?? ''}" is not a date and time (expected "YYYY-MM-DD HH:MM:SS").`,
      null,
    );
  }
  const email = text(user.OXUSERNAME);
  if (email === null)
    return reject(externalId, 'INVALID_EMAIL', `User ${externalId} has no user name (e-mail).`, updatedAt);
  if (!isEmail(email)) {
    return reject(
      externalId,
      'INVALID_EMAIL',
      `User ${externalId}: the user name "${email}" is not an e-mail address.`,
      updatedAt,
    );
  }

  const problem = Array.isArray(user.addresses)
    ? (addressProblem(user, 'the user', ADDRESS_FIELDS) ??
      addressListProblem(user.addresses, 'addresses', ADDRESS_FIELDS))
    : '"addresses" is not a list';
  if (problem !== null)
    return reject(externalId, 'INVALID_RECORD', `User ${externalId}: ${problem}.`, updatedAt);
  const delivery = user.addresses as OxidAddress[];
  const addresses: ChannelAddress[] = [];
  const billing = address(user as AddressColumns, context);
  // OXID's checkout ships to the billing address unless the customer picks a delivery address.
  if (billing) addresses.push({ ...billing, defaultBilling: true, defaultShipping: true });
  for (const row of delivery) {
    const shipping = address(row, context);
    if (shipping) addresses.push(shipping);
  }
  const created = text(user.OXCREATE);

  return {
    ok: true,
    customer: {
      externalId,
      email,
      firstName: text(user.OXFNAME),
      lastName: text(user.OXLNAME),
      company: text(user.OXCOMPANY),
      taxId: text(user.OXUSTID),
      phones: distinctPhones([
        user.OXFON,
        user.OXPRIVFON,
        user.OXMOBFON,
        ...delivery.map((row) => row.OXFON),
      ]),
      websites: [text(user.OXURL)].filter((url) => url !== null),
      addresses,
      contacts: [],
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: user.guest === true,
      createdAt: created === null ? null : shopTimeToIso(created, context.timeZone),
      updatedAt,
    },
  };
}

/** The address of an oxuser or oxaddress row; null when it has no street, postcode, city or country. */
function address(row: AddressColumns, context: OxidMapContext): ChannelAddress | null {
  const countryId = text(row.OXCOUNTRYID);
  const iso = countryId === null ? null : context.countries.get(countryId)?.trim().toUpperCase() || null;
  const country = countryId === null ? null : (iso ?? countryId);
  const street = streetLine(text(row.OXSTREET), text(row.OXSTREETNR), text(row.OXADDINFO), iso);
  const postalCode = text(row.OXZIP);
  const city = text(row.OXCITY);
  if (street === null && postalCode === null && city === null && country === null) return null;
  return {
    street,
    postalCode,
    city,
    country,
    region: text(row.OXSTATEID),
    defaultBilling: false,
    defaultShipping: false,
  };
}

/** "Hauptstraße" + "12a" + "2. OG" -> "Hauptstraße 12a, 2. OG"; number first where the country writes it so. */
export function streetLine(
  street: string | null,
  number: string | null,
  addInfo: string | null,
  country: string | null,
): string | null {
  const parts = [street, number].filter((part) => part !== null);
  if (country !== null && NUMBER_FIRST.has(country)) parts.reverse();
  const line = parts.join(' ');
  return [line === '' ? null : line, addInfo].filter((part) => part !== null).join(', ') || null;
}
