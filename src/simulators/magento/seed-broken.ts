/**
 * Deliberately broken records for the seed: data a real shop can hold after imports, migrations or direct
 * database edits, which Magento's own validation would refuse today.
 */

import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { Prng } from '../sample-data/prng.ts';

/** How a deliberately broken record is broken. */
export type BrokenKind = 'email' | 'country' | 'date';

/** Breaks round(share * count) customers, chosen at random: bad e-mail, bad country, zero date. */
export function breakSome(
  rng: Prng,
  customers: MagentoCustomer[],
  share: number,
  nextAddressId: number,
): Map<number, BrokenKind> {
  const broken = new Map<number, BrokenKind>();
  const count = Math.min(customers.length, Math.round(customers.length * Math.max(0, share)));
  let addressId = nextAddressId;
  while (broken.size < count) {
    const customer = rng.pick(customers);
    const id = customer.id as number;
    if (broken.has(id)) continue;
    const kind = rng.weighted<BrokenKind>([
      ['email', 45],
      ['country', 45],
      ['date', 10],
    ]);
    broken.set(id, kind);
    if (kind === 'email') {
      const [local, domain] = (customer.email as string).split('@') as [string, string];
      customer.email = rng.pick([
        `${local}(at)${domain}`,
        `${local}@`,
        `${local}@@${domain}`,
        `${local} @${domain}`,
        local,
      ]);
    } else if (kind === 'country') {
      const bad = rng.pick(['UK', 'XX', 'EL', 'D']);
      const target = customer.addresses?.[0];
      if (target) {
        target.country_id = bad;
      } else {
        const added = {
          id: addressId++,
          customer_id: id,
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
    } else {
      customer.updated_at = '0000-00-00 00:00:00';
    }
  }
  return broken;
}
