/**
 * Deliberately broken records for the seed: data a real shop can hold after imports, migrations or direct
 * database edits, which Magento's own validation would refuse today. Which customers are broken is a formula
 * of the index (exactly round(share * count) of them, spread over the shop by a permutation of the indexes),
 * so that each customer can be generated on its own.
 */

import type { MagentoAddress, MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import { recordSeed } from '../kit/record-seed.ts';
import { Prng } from '../sample-data/prng.ts';

/** How a deliberately broken record is broken. */
export type BrokenKind = 'email' | 'country' | 'date';

const BROKEN_STREAM = 4;
export const ZERO_DATE = '0000-00-00 00:00:00';

/** Which of `count` customers are broken: index i is when (a * i + b) mod count < round(share * count). */
export class BrokenRecords {
  readonly size: number;
  private readonly a: number;
  private readonly b: number;

  constructor(
    private readonly seed: number,
    private readonly count: number,
    share: number,
  ) {
    this.size = Math.min(count, Math.round(count * Math.max(0, share)));
    const rng = new Prng(recordSeed(seed, 0, BROKEN_STREAM + 1));
    let a = count > 2 ? rng.int(Math.floor(count / 3), count - 1) : 1;
    while (gcd(a, count) !== 1) a++;
    this.a = a;
    this.b = rng.int(0, Math.max(0, count - 1));
  }

  /** How customer `index` is broken, or undefined when it is not. */
  kindAt(index: number): BrokenKind | undefined {
    if (this.size === 0 || (this.a * index + this.b) % this.count >= this.size) return undefined;
    return new Prng(recordSeed(this.seed, index, BROKEN_STREAM)).weighted<BrokenKind>([
      ['email', 45],
      ['country', 45],
      ['date', 10],
    ]);
  }

  /** The broken form of a valid e-mail (for kind 'email'). */
  brokenEmail(index: number, email: string): string {
    const rng = new Prng(recordSeed(this.seed, index, BROKEN_STREAM + 2));
    const [local, domain] = email.split('@') as [string, string];
    return rng.pick([
      `${local}(at)${domain}`,
      `${local}@`,
      `${local}@@${domain}`,
      `${local} @${domain}`,
      local,
    ]);
  }

  /** Gives the customer a bad country (adding an address with the id `addressId` if it has none). */
  breakCountry(index: number, customer: MagentoCustomer, addressId: number): void {
    const bad = new Prng(recordSeed(this.seed, index, BROKEN_STREAM + 3)).pick(['UK', 'XX', 'EL', 'D']);
    const target = customer.addresses?.[0];
    if (target) {
      target.country_id = bad;
      return;
    }
    const added: MagentoAddress = {
      id: addressId,
      customer_id: customer.id as number,
      region: { region_code: null, region: null, region_id: 0 },
      region_id: 0,
      country_id: bad,
      street: ['Unknown 1'],
      telephone: '+44 20 7946 0000',
      postcode: 'SW1A 1AA',
      city: 'London',
      firstname: customer.firstname as string,
      lastname: customer.lastname as string,
      default_billing: true,
      default_shipping: true,
    };
    customer.addresses = [added];
    customer.default_billing = String(added.id);
    customer.default_shipping = String(added.id);
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
