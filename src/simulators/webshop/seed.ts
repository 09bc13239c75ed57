/**
 * A deterministic Comarch Webshop for the simulator, from the shared sample people: every customer a
 * company (protocol 17 is B2B only) with its account owner and further employees, a TIN, company phones and
 * 0-3 addresses (billing and delivery, with defaults), old tombstones of deleted accounts, and a share of
 * deliberately broken records.
 */

import { toWebshopTime } from '../../adapters/webshop/webshop-dates.ts';
import type {
  WebshopAddress,
  WebshopCustomer,
  WebshopEmployee,
  WebshopPhone,
  WebshopTombstone,
} from '../../adapters/webshop/webshop-types.ts';
import { generatePeople, type SamplePerson } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';

export interface WebshopSeedOptions {
  customers: number;
  seed: number;
  brokenShare: number;
  /** Share of additional accounts that were deleted long ago (their tombstones are in the list). */
  deletedShare: number;
  until: Date;
}

/** How a deliberately broken record is broken. */
export type WebshopBrokenKind = 'date' | 'country' | 'email';

export interface SeededWebshop {
  customers: WebshopCustomer[];
  tombstones: WebshopTombstone[];
  broken: Map<number, WebshopBrokenKind>;
}

/** .NET's DateTime.MinValue as the webshop serializes an empty date: no offset. */
export const EMPTY_DATE = '0001-01-01T00:00:00';
const FIRST_ID = 1001;

export function generateWebshop(options: WebshopSeedOptions): SeededWebshop {
  const people = generatePeople({
    count: options.customers,
    seed: options.seed,
    companyShare: 1,
    until: options.until,
  });
  const rng = new Prng(options.seed ^ 0x5eed17);
  const ids = { customer: FIRST_ID, address: 1, employee: 1 };
  const customers: WebshopCustomer[] = [];
  const tombstones: WebshopTombstone[] = [];
  for (const person of people) {
    if (rng.chance(options.deletedShare)) {
      const at = toWebshopTime(new Date(person.createdAt.getTime() + rng.int(3_600, 86_400 * 30) * 1000));
      tombstones.push({ id: ids.customer++, deleted: true, deletedAt: at, modifiedAt: at });
    }
    customers.push(customerOf(person, ids, rng));
  }
  return { customers, tombstones, broken: breakSome(rng, customers, options.brokenShare) };
}

function customerOf(
  person: SamplePerson,
  ids: { customer: number; address: number; employee: number },
  rng: Prng,
): WebshopCustomer {
  const phones: WebshopPhone[] = [{ type: 'phone', number: person.phone }];
  if (person.mobile) phones.push({ type: 'mobile', number: person.mobile });
  if (rng.chance(0.1)) phones.push({ type: 'fax', number: person.phone.replace(/\d$/, '9') });
  const addresses: WebshopAddress[] = person.addresses.map((address, index) => ({
    id: ids.address++,
    name: address.company ?? `${address.firstName} ${address.lastName}`,
    street: address.street[0] ?? null,
    street2: address.street[1] ?? null,
    postalCode: address.postalCode,
    city: address.city,
    countryCode: address.country,
    phone: address.phone,
    isBilling: index === person.defaultBilling,
    isDelivery: index !== person.defaultBilling || index === person.defaultShipping,
    isDefaultBilling: index === person.defaultBilling,
    isDefaultDelivery: index === person.defaultShipping,
  }));
  const owner: WebshopEmployee = {
    id: ids.employee++,
    firstName: person.firstName,
    lastName: person.lastName,
    position: rng.chance(0.5) ? 'Geschäftsführer' : null,
    email: person.email,
    phone: person.mobile ?? person.phone,
    isMain: true,
    active: true,
  };
  const employees = person.employees.map<WebshopEmployee>((employee) => ({
    id: ids.employee++,
    firstName: employee.firstName,
    lastName: employee.lastName,
    position: employee.function,
    email: employee.email,
    phone: employee.phone,
    isMain: false,
    active: rng.chance(0.9),
  }));
  return {
    id: ids.customer++,
    deleted: false,
    name: person.company,
    tin: person.vatId,
    email: person.email,
    // The webshop's serializer writes empty lists as null.
    phones,
    addresses: addresses.length > 0 ? addresses : null,
    employees: [owner, ...employees],
    createdAt: toWebshopTime(person.createdAt),
    modifiedAt: toWebshopTime(person.updatedAt),
  };
}

function breakSome(rng: Prng, customers: WebshopCustomer[], share: number): Map<number, WebshopBrokenKind> {
  const broken = new Map<number, WebshopBrokenKind>();
  const count = Math.min(customers.length, Math.round(customers.length * Math.max(0, share)));
  while (broken.size < count) {
    const customer = rng.pick(customers);
    if (broken.has(customer.id)) continue;
    const kind = rng.weighted<WebshopBrokenKind>([
      ['date', 20],
      ['country', 40],
      ['email', 40],
    ]);
    broken.set(customer.id, kind);
    if (kind === 'date') customer.modifiedAt = EMPTY_DATE;
    else if (kind === 'email') customer.email = (customer.email ?? 'biuro@firma.pl').replace('@', '(at)');
    else {
      const bad = rng.pick(['Polska', 'UK', 'Deutschland']);
      const first = customer.addresses?.[0];
      if (first) first.countryCode = bad;
      else
        customer.addresses = [
          {
            id: 900_000 + customer.id,
            name: customer.name,
            street: 'ul. Długa 5',
            street2: null,
            postalCode: '31-147',
            city: 'Kraków',
            countryCode: bad,
            phone: null,
            isBilling: true,
            isDelivery: true,
            isDefaultBilling: true,
            isDefaultDelivery: true,
          },
        ];
    }
  }
  return broken;
}
