/**
 * Generates the simulated bus's customers from the shared sample people (all businesses: IBUS is B2B):
 * customers as Comarch Mobile users enter them (acronym, name, owner, TIN, phones, websites, typed
 * addresses, contact persons with their occupation, sales tax classification from the main address's
 * country, the representative whose device entered them), plus deliberately broken records. Deterministic
 * for a seed. The same drafts serve for customers still waiting on a device for synchronization.
 */

import type {
  IbusAddress,
  IbusCustomer,
  IbusSalesRepresentative,
  IbusTaxClassification,
} from '../../adapters/ibus/ibus-types.ts';
import { asciiFold } from '../sample-data/email.ts';
import { generatePeople, type SamplePerson } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';

/** A customer as entered on a device, before the bus gives it an id and a change time. */
export type IbusDraft = Omit<IbusCustomer, 'id' | 'changedAt' | 'deleted'>;

export interface SeededCustomer {
  draft: IbusDraft;
  /** When the device synchronized it (its changedAt on the bus). */
  syncedAt: Date;
}

export type IbusBrokenKind = 'email' | 'country' | 'date' | 'name';

export interface IbusSeed {
  /** Synchronized customers, in the order the bus received them. */
  customers: SeededCustomer[];
  /** Entered on a device, not synchronized yet. */
  pending: IbusDraft[];
  representatives: IbusSalesRepresentative[];
  /** Positions (0-based) in `customers` of broken records and how they are broken. */
  broken: Map<number, IbusBrokenKind>;
}

export interface IbusSeedOptions {
  customers: number;
  pending: number;
  seed: number;
  brokenShare: number;
  /** The ERP company's country: decides DOMESTIC / EU / THIRD_COUNTRY. */
  homeCountry: string;
  until: Date;
}

const EU = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

export function seedIbus(options: IbusSeedOptions): IbusSeed {
  const rng = new Prng(options.seed ^ 0x1b05);
  const representatives = generatePeople({ count: 5, seed: options.seed + 7_001, companyShare: 0 }).map(
    (person, index) => ({
      code: `SR-${String(index + 1).padStart(2, '0')}`,
      name: `${person.firstName} ${person.lastName}`,
    }),
  );
  const people = generatePeople({
    count: options.customers + options.pending,
    seed: options.seed,
    companyShare: 1,
    until: options.until,
  });
  const drafts = people.map((person) => draftOf(rng, person, rng.pick(representatives), options.homeCountry));
  const customers = drafts.slice(0, options.customers).map((draft, index) => ({
    draft,
    syncedAt: (people[index] as SamplePerson).updatedAt,
  }));
  const broken = breakSome(rng, customers, options.brokenShare);
  return { customers, pending: drafts.slice(options.customers), representatives, broken };
}

function draftOf(
  rng: Prng,
  person: SamplePerson,
  representative: IbusSalesRepresentative,
  homeCountry: string,
): IbusDraft {
  const company = person.company ?? `${person.lastName} ${person.firstName}`;
  const withOwner = rng.chance(0.75);
  const communication: IbusDraft['communication'] = [{ type: 'phone', value: person.phone }];
  if (person.mobile) communication.push({ type: 'mobile', value: person.mobile });
  if (rng.chance(0.1)) communication.push({ type: 'fax', value: `${person.phone.slice(0, -2)}99` });
  if (person.website) communication.push({ type: 'url', value: person.website });
  const addresses: IbusAddress[] = person.addresses.map((address, index) => ({
    id: person.index * 10 + index,
    type:
      index === 0
        ? 'main'
        : index === person.defaultShipping
          ? 'delivery'
          : rng.pick(['correspondence', 'invoice', 'delivery'] as const),
    street: address.street[0] as string,
    street2: address.street[1] ?? null,
    postalCode: address.postalCode,
    city: address.city,
    countryCode: address.country,
    region: address.region?.name ?? null,
  }));
  const main = addresses[0];
  return {
    createdAt: person.createdAt.toISOString(),
    code: `${asciiFold(company.split(' ')[0] as string)
      .toUpperCase()
      .slice(0, 12)}-${person.index}`,
    name: company,
    firstName: withOwner ? person.firstName : null,
    lastName: withOwner ? person.lastName : null,
    tin: person.vatId !== null && rng.chance(0.9) ? person.vatId : null,
    email: rng.chance(0.92) ? person.email : null,
    communication,
    addresses,
    contactPersons: person.employees.map((employee, index) => ({
      id: person.index * 10 + index,
      firstName: employee.firstName,
      lastName: employee.lastName,
      occupation: rng.chance(0.9) ? employee.function : null,
      email: employee.email,
      phone: employee.phone,
    })),
    salesTaxClassification: main ? classify(main.countryCode, homeCountry) : null,
    salesRepresentative: representative,
    deviceId: `MOB-${representative.code}`,
  };
}

function classify(country: string, home: string): IbusTaxClassification {
  if (country === home) return 'DOMESTIC';
  return EU.has(country) ? 'EU' : 'THIRD_COUNTRY';
}

/** Data a bus can hold after old app versions or direct database edits. */
function breakSome(rng: Prng, customers: SeededCustomer[], share: number): Map<number, IbusBrokenKind> {
  const broken = new Map<number, IbusBrokenKind>();
  const count = Math.min(customers.length, Math.round(customers.length * Math.max(0, share)));
  while (broken.size < count) {
    const index = rng.int(0, customers.length - 1);
    if (broken.has(index)) continue;
    const kind = rng.weighted<IbusBrokenKind>([
      ['email', 40],
      ['country', 30],
      ['name', 15],
      ['date', 15],
    ]);
    broken.set(index, kind);
    const draft = (customers[index] as SeededCustomer).draft;
    if (kind === 'email') draft.email = `${(draft.email ?? 'info@example.com').replace('@', ' (at) ')}`;
    else if (kind === 'country' && draft.addresses[0])
      draft.addresses[0].countryCode = rng.pick(['UK', 'EL', 'Deutschland']);
    else if (kind === 'country') broken.set(index, 'name');
    if (broken.get(index) === 'name') draft.name = '  ';
  }
  return broken;
}
