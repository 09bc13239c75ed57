/**
 * A deterministic Comarch SFA server for the simulator, from the shared sample people: a team of sales
 * representatives, each with a device, and the B2B customers they entered (company, tax id, phones,
 * website, main and delivery addresses, contact persons with positions), some reassigned to another
 * representative or left unassigned, and a share of deliberately broken records.
 */

import type { SfaCustomer, SfaRepresentative } from '../../adapters/sfa/sfa-types.ts';
import { asciiFold } from '../sample-data/email.ts';
import { generatePeople, type SamplePerson } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';

export interface SfaSeedOptions {
  customers: number;
  seed: number;
  brokenShare: number;
  representatives: number;
  until: Date;
}

export type SfaBrokenKind = 'country' | 'email' | 'shape';

export interface SeededSfa {
  representatives: SfaRepresentative[];
  customers: SfaCustomer[];
  broken: Map<string, SfaBrokenKind>;
}

export function generateSfa(options: SfaSeedOptions): SeededSfa {
  const rng = new Prng(options.seed ^ 0x5fa);
  const representatives = representativesOf(options.seed, options.representatives);
  const people = generatePeople({
    count: options.customers,
    seed: options.seed,
    companyShare: 1,
    until: options.until,
  });
  const customers = people.map((person) => customerOf(person, rng, representatives));
  return { representatives, customers, broken: breakSome(rng, customers, options.brokenShare) };
}

/** A UUID (version 4 layout) from the seeded generator, as a device creates one. */
export function seededUuid(rng: Prng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  const variant = '89ab'[rng.int(0, 3)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Device-local time without offset, as the app writes enteredAt. */
export function deviceTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function deviceIdOf(representative: SfaRepresentative): string {
  return `android-${representative.code.toLowerCase()}`;
}

function representativesOf(seed: number, count: number): SfaRepresentative[] {
  const codes = new Set<string>();
  return generatePeople({ count, seed: seed + 7919, companyShare: 0 }).map((person, index) => {
    let code = asciiFold(`${person.firstName.charAt(0)}${person.lastName.split(' ')[0]}`).toUpperCase();
    for (let n = 2; codes.has(code); n++) code = `${code}${n}`;
    codes.add(code);
    return { id: index + 1, code, firstName: person.firstName, lastName: person.lastName };
  });
}

function customerOf(person: SamplePerson, rng: Prng, representatives: SfaRepresentative[]): SfaCustomer {
  const createdBy = rng.pick(representatives);
  const owner = rng.chance(0.05) ? null : rng.chance(0.15) ? rng.pick(representatives) : createdBy;
  const [main, ...others] = person.addresses;
  const line = (street: string[]) => street.join(', ');
  const enteredOffline = rng.int(0, 3 * 86_400) * 1000;
  return {
    id: seededUuid(rng),
    number: `K/${person.createdAt.getUTCFullYear()}/${String(person.index).padStart(6, '0')}`,
    name: person.company,
    taxId: person.vatId,
    email: person.email,
    phone: person.phone,
    mobile: person.mobile,
    website: person.website,
    address: main
      ? { street: line(main.street), postalCode: main.postalCode, city: main.city, country: main.country }
      : null,
    deliveryAddresses: others.map((address, index) => ({
      id: seededUuid(rng),
      street: line(address.street),
      postalCode: address.postalCode,
      city: address.city,
      country: address.country,
      isDefault: index + 1 === person.defaultShipping,
    })),
    contactPersons: person.employees.map((employee) => ({
      id: seededUuid(rng),
      firstName: employee.firstName,
      lastName: employee.lastName,
      position: employee.function,
      email: employee.email,
      phone: employee.phone,
    })),
    owner,
    createdBy,
    deviceId: deviceIdOf(createdBy),
    enteredAt: deviceTime(new Date(person.createdAt.getTime() - enteredOffline)),
    createdAt: person.createdAt.toISOString(),
    modifiedAt: person.updatedAt.toISOString(),
  };
}

function breakSome(rng: Prng, customers: SfaCustomer[], share: number): Map<string, SfaBrokenKind> {
  const broken = new Map<string, SfaBrokenKind>();
  const count = Math.min(customers.length, Math.round(customers.length * Math.max(0, share)));
  while (broken.size < count) {
    const customer = rng.pick(customers);
    if (broken.has(customer.id)) continue;
    const kind = rng.weighted<SfaBrokenKind>([
      ['country', 40],
      ['email', 40],
      ['shape', 20],
    ]);
    broken.set(customer.id, kind);
    if (kind === 'email') customer.email = (customer.email ?? 'biuro@firma.pl').replace('@', ' @');
    else if (kind === 'country') {
      customer.address = {
        street: 'ul. Długa 5',
        postalCode: '31-147',
        city: 'Kraków',
        ...customer.address,
        country: 'Polska',
      };
    } else {
      // Written by an app version before 2021, which kept the contact persons as one text.
      (customer as unknown as { contactPersons: string }).contactPersons = 'Jan Kowalski, tel. 601 234 567';
    }
  }
  return broken;
}
