/**
 * Generates a deterministic OXID shop for the simulator from the shared sample people: oxuser rows with the
 * billing address split into OXSTREET / OXSTREETNR / OXADDINFO, OXCOUNTRYID as oxcountry ids, delivery
 * addresses in oxaddress (some saved after their user), B2B users with OXCOMPANY and OXUSTID, guests who
 * ordered without an account (no password), newsletter-only subscribers and the shop admin (which the
 * connector does not list), tombstones of users deleted before, and a share of deliberately broken records:
 * a user name that is not an e-mail, a zero OXTIMESTAMP, a country id the shop no longer knows or
 * "Anderes Land". The same options always give the same shop.
 */
import { generatePeople, type SampleAddress, type SamplePerson } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';
import { OTHER_COUNTRY_ID, oxidCountryOf } from './simulator-countries.ts';
import { type AddressColumns, emptyUserColumns, type StoredUser, type Tombstone } from './simulator-store.ts';

export type BrokenKind = 'email' | 'date' | 'country';

export interface OxidSeedOptions {
  customers: number;
  seed: number;
  /** Share (0..1) of deliberately broken customers. */
  brokenShare: number;
  /** No generated instant is later than this. */
  until: Date;
}

export interface SeededOxidShop {
  users: StoredUser[];
  tombstones: Tombstone[];
  /** OXIDs of the deliberately broken customers and how they are broken. */
  broken: Map<string, BrokenKind>;
}

/** A country id that is in no oxcountry row any more (the country was deleted in the admin). */
export const DELETED_COUNTRY_ID = '8f241f11095d9c1b2.00000000';

export function generateOxidShop(options: OxidSeedOptions): SeededOxidShop {
  const rng = new Prng(options.seed ^ 0x0a1d);
  const people = generatePeople({ count: options.customers, seed: options.seed, until: options.until });
  const users: StoredUser[] = [admin()];
  for (const person of people) users.push(userOf(rng, person, options.until.getTime()));
  for (let n = 0; n < Math.max(1, Math.round(options.customers / 60)); n++)
    users.push(newsletterSubscriber(rng, n, options.until.getTime()));
  const tombstones: Tombstone[] = [];
  for (let n = 0; n < Math.max(1, Math.round(options.customers / 50)); n++) {
    tombstones.push({
      OXID: hexId(rng),
      OXSHOPID: '1',
      OXUSERNAME: `former.customer${n + 1}@example.com`,
      deleted: wholeSecond(rng, Date.parse('2020-01-01T00:00:00Z'), options.until.getTime()),
    });
  }
  const customers = users.filter((user) => user.columns.OXRIGHTS === 'user' && user.created !== null);
  const broken = breakSome(rng, customers, options.brokenShare);
  return { users, tombstones, broken };
}

function userOf(rng: Prng, person: SamplePerson, until: number): StoredUser {
  const guest = rng.chance(0.08);
  const billing = person.defaultBilling === null ? undefined : person.addresses[person.defaultBilling];
  const created = person.createdAt.getTime();
  const updated = person.updatedAt.getTime();
  const columns = {
    ...emptyUserColumns(),
    ...(billing ? addressColumns(billing) : {}),
    OXID: hexId(rng),
    OXACTIVE: rng.chance(0.03) ? '0' : '1',
    OXUSERNAME: person.email,
    OXCUSTNR: String(person.index + 1),
    OXUSTID: person.vatId ?? '',
    OXCOMPANY: person.company ?? '',
    OXFNAME: person.firstName,
    OXLNAME: person.lastName,
    OXFON: person.phone,
    OXMOBFON: person.mobile ?? '',
    OXSAL: person.female ? 'MRS' : 'MR',
    OXBONI: guest ? '0' : '1000',
    OXBIRTHDATE: person.birthDate ?? '0000-00-00',
    OXURL: person.website ?? '',
  };
  const addresses = person.addresses
    .filter((_, index) => index !== person.defaultBilling)
    .map((address) => ({
      columns: {
        ...addressColumns(address),
        OXID: hexId(rng),
        OXUSERID: columns.OXID,
        OXADDRESSUSERID: '',
        OXCOMPANY: address.company ?? '',
        OXFNAME: address.firstName,
        OXLNAME: address.lastName,
        OXCOUNTRY: oxidCountryOf(address.country).OXTITLE,
        OXFON: address.phone,
        OXFAX: '',
        OXSAL: '',
      },
      // Some delivery addresses were saved after the user itself (which does not move the user's OXTIMESTAMP).
      timestamp: rng.chance(0.2) ? wholeSecond(rng, updated, until) : wholeSecond(rng, created, updated),
    }));
  return {
    columns,
    password: guest ? '' : '$2y$10$simulated.password.hash',
    hasOrders: guest || rng.chance(0.6),
    timestamp: updated,
    created,
    registered: guest ? null : created,
    addresses,
  };
}

/** The billing/delivery address columns of a sample address: street and house number apart, as OXID keeps them. */
function addressColumns(
  address: SampleAddress,
): Pick<
  AddressColumns,
  'OXSTREET' | 'OXSTREETNR' | 'OXADDINFO' | 'OXZIP' | 'OXCITY' | 'OXCOUNTRYID' | 'OXSTATEID'
> {
  const [street, number] = splitStreet(address.street[0] ?? '');
  return {
    OXSTREET: street,
    OXSTREETNR: number,
    OXADDINFO: address.street[1] ?? '',
    OXZIP: address.postalCode,
    OXCITY: address.city,
    OXCOUNTRYID: oxidCountryOf(address.country).OXID,
    // OXID ships states (oxstates, keyed by their abbreviation) for the US; elsewhere there is none.
    OXSTATEID: address.country === 'US' && address.region ? address.region.code : '',
  };
}

/** "Hauptstraße 12a" -> ["Hauptstraße", "12a"]; "12 High Street" -> ["High Street", "12"]; "Via Roma, 3" too. */
export function splitStreet(line: string): [string, string] {
  const trailing = /^(.*?)(?:,|\s+No:)?\s+(\d+\S*)$/.exec(line);
  if (trailing) return [trailing[1] as string, trailing[2] as string];
  const leading = /^(\d+\S*)\s+(.*)$/.exec(line);
  if (leading) return [leading[2] as string, leading[1] as string];
  return [line, ''];
}

/** The shop administrator: an oxuser too, with OXRIGHTS "malladmin" and OXID's fixed id. */
function admin(): StoredUser {
  const installed = Date.parse('2016-01-01T08:00:00Z');
  return {
    columns: {
      ...emptyUserColumns(),
      OXID: 'oxdefaultadmin',
      OXRIGHTS: 'malladmin',
      OXUSERNAME: 'admin@shop.example',
      OXCUSTNR: '1',
      OXFNAME: 'John',
      OXLNAME: 'Doe',
      OXCOUNTRYID: oxidCountryOf('DE').OXID,
    },
    password: '$2y$10$simulated.password.hash',
    hasOrders: false,
    timestamp: installed,
    created: installed,
    registered: installed,
    addresses: [],
  };
}

/** A newsletter subscription: OXID creates a user without password (and often without a name). */
function newsletterSubscriber(rng: Prng, n: number, until: number): StoredUser {
  const time = wholeSecond(rng, Date.parse('2018-01-01T00:00:00Z'), until);
  return {
    columns: {
      ...emptyUserColumns(),
      OXID: hexId(rng),
      OXUSERNAME: `newsletter${n + 1}@example.net`,
      OXCUSTNR: '0',
    },
    password: '',
    hasOrders: false,
    timestamp: time,
    created: time,
    registered: null,
    addresses: [],
  };
}

function breakSome(rng: Prng, users: StoredUser[], share: number): Map<string, BrokenKind> {
  const broken = new Map<string, BrokenKind>();
  const listed = users.filter((user) => user.password !== '' || user.hasOrders);
  const count = Math.min(listed.length, Math.round(listed.length * Math.max(0, share)));
  while (broken.size < count) {
    const user = rng.pick(listed);
    if (broken.has(user.columns.OXID)) continue;
    const kind = rng.weighted<BrokenKind>([
      ['email', 40],
      ['country', 45],
      ['date', 15],
    ]);
    broken.set(user.columns.OXID, kind);
    if (kind === 'email') {
      const [local, domain] = user.columns.OXUSERNAME.split('@') as [string, string];
      user.columns.OXUSERNAME = rng.pick([
        `${local}@`,
        `${local} @${domain}`,
        local,
        `${local}@${domain.split('.')[0]}`,
      ]);
    } else if (kind === 'country') {
      user.columns.OXCOUNTRYID = rng.chance(0.5) ? OTHER_COUNTRY_ID : DELETED_COUNTRY_ID;
      if (user.columns.OXCITY === '') user.columns.OXCITY = 'Unknown';
    } else {
      // MySQL's zero date (non-strict mode); without addresses, since GREATEST() would take theirs.
      user.timestamp = 0;
      user.addresses = [];
    }
  }
  return broken;
}

/** 32 hex characters, like OXID's UtilsObject::generateUId(). */
function hexId(rng: Prng): string {
  let id = '';
  for (let n = 0; n < 32; n++) id += rng.int(0, 15).toString(16);
  return id;
}

function wholeSecond(rng: Prng, from: number, to: number): number {
  return (Math.floor(from / 1000) + rng.int(0, Math.max(0, Math.floor((to - from) / 1000)))) * 1000;
}
