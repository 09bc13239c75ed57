import { describe, expect, it } from 'vitest';
import { magentoDateToIso } from '../../adapters/magento/magento-dates.ts';
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import { mapMagentoCustomer } from '../../adapters/magento/map.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { asciiFold, DEFAULT_SEED_UNTIL, generateShop, type SeedOptions } from './seed.ts';

const options = (extra: Partial<SeedOptions> = {}): SeedOptions => ({
  customers: 1500,
  seed: 42,
  brokenShare: 0,
  b2b: false,
  until: DEFAULT_SEED_UNTIL,
  ...extra,
});

const POSTCODES: Record<string, RegExp> = {
  DE: /^\d{5}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
  PL: /^\d{2}-\d{3}$/,
  CZ: /^\d{3} \d{2}$/,
  NL: /^\d{4} [A-Z]{2}$/,
  BE: /^\d{4}$/,
  FR: /^\d{5}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
  US: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  TR: /^\d{5}$/,
  SE: /^\d{3} \d{2}$/,
  DK: /^\d{4}$/,
  NO: /^\d{4}$/,
  FI: /^\d{5}$/,
};

const VAT_IDS: Record<string, RegExp> = {
  DE: /^DE\d{9}$/,
  AT: /^ATU\d{8}$/,
  CH: /^CHE-\d{3}\.\d{3}\.\d{3} MWST$/,
  PL: /^PL\d{10}$/,
  CZ: /^CZ\d{8,10}$/,
  NL: /^NL\d{9}B\d{2}$/,
  BE: /^BE[01]\d{9}$/,
  FR: /^FR[0-9A-Z]{2}\d{9}$/,
  GB: /^GB\d{9}$/,
  US: /^\d{2}-\d{7}$/,
  ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  IT: /^IT\d{11}$/,
  TR: /^\d{10}$/,
  SE: /^SE\d{10}01$/,
  DK: /^DK\d{8}$/,
  NO: /^NO\d{9}MVA$/,
  FI: /^FI\d{8}$/,
};

const billingOf = (customer: MagentoCustomer) =>
  customer.addresses?.find((a) => String(a.id) === customer.default_billing);

describe('generateShop', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateShop(options({ customers: 200 }))).toEqual(generateShop(options({ customers: 200 })));
    expect(generateShop(options({ customers: 200, seed: 43 })).customers).not.toEqual(
      generateShop(options({ customers: 200 })).customers,
    );
  });

  it('makes international customers with diacritics, real postcode formats and international phones', () => {
    const { customers } = generateShop(options());
    const countries = new Set(customers.flatMap((c) => c.addresses?.map((a) => a.country_id) ?? []));
    expect(countries.size).toBeGreaterThanOrEqual(15);
    const names = customers.map((c) => `${c.firstname} ${c.lastname}`).join(' ');
    for (const letter of ['ü', 'ł', 'é', 'ñ', 'ø', 'å', 'ş', 'ı', 'ř', 'à'])
      expect(names + JSON.stringify(customers)).toContain(letter);
    for (const customer of customers) {
      expect(customer.email).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      for (const address of customer.addresses ?? []) {
        expect(address.postcode, `${address.country_id} ${address.postcode}`).toMatch(
          POSTCODES[address.country_id as string] as RegExp,
        );
        expect(address.telephone).toMatch(/^\+\d{1,3}( \d+)+$/);
        expect(address.street?.length).toBeGreaterThanOrEqual(1);
        expect(address.region).toHaveProperty('region_id');
      }
    }
    expect(new Set(customers.map((c) => c.email)).size).toBe(customers.length);
  });

  it('varies the addresses: none, one, several with separate default billing and shipping', () => {
    const { customers } = generateShop(options());
    const count = (predicate: (c: MagentoCustomer) => boolean) => customers.filter(predicate).length;
    expect(count((c) => (c.addresses?.length ?? 0) === 0)).toBeGreaterThan(50);
    expect(count((c) => (c.addresses?.length ?? 0) >= 3)).toBeGreaterThan(50);
    expect(
      count((c) => c.default_billing !== undefined && c.default_billing !== c.default_shipping),
    ).toBeGreaterThan(100);
    expect(count((c) => new Set(c.addresses?.map((a) => a.telephone)).size > 1)).toBeGreaterThan(20);
    for (const customer of customers) {
      const flagged = customer.addresses?.filter((a) => a.default_billing) ?? [];
      expect(flagged.map((a) => String(a.id))).toEqual(
        customer.default_billing ? [customer.default_billing] : [],
      );
    }
  });

  it('has B2B customers with company and a VAT id valid in format, some with the VAT id in taxvat', () => {
    const { customers } = generateShop(options());
    const b2b = customers.filter((c) => billingOf(c)?.company);
    expect(b2b.length / customers.length).toBeGreaterThan(0.15);
    let onCustomer = 0;
    for (const customer of b2b) {
      const billing = billingOf(customer);
      const vat = billing?.vat_id ?? customer.taxvat;
      expect(vat, `customer ${customer.id}`).toBeDefined();
      expect(vat).toMatch(VAT_IDS[billing?.country_id as string] as RegExp);
      if (!billing?.vat_id) onCustomer += 1;
    }
    expect(onCustomer).toBeGreaterThan(10);
    expect(customers.filter((c) => !billingOf(c)?.company && c.taxvat).length).toBeGreaterThan(10);
  });

  it('keeps dates in Magento format and in range, with a bulk update sharing one updated_at', () => {
    const { customers } = generateShop(options());
    const until = DEFAULT_SEED_UNTIL.toISOString();
    const counts = new Map<string, number>();
    for (const customer of customers) {
      const created = magentoDateToIso(customer.created_at as string) as string;
      const updated = magentoDateToIso(customer.updated_at as string) as string;
      expect(created <= updated && updated <= until).toBe(true);
      counts.set(customer.updated_at as string, (counts.get(customer.updated_at as string) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeGreaterThan(20);
    const ids = customers.map((c) => c.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.at(-1)).toBeGreaterThan(customers.length);
  });

  it('breaks exactly the configured share, in ways the mapping rejects or the import warns about', () => {
    const shop = generateShop(options({ customers: 400, brokenShare: 0.05 }));
    expect(shop.broken.size).toBe(20);
    const expected = { email: 'INVALID_EMAIL', date: 'INVALID_DATE' };
    for (const customer of shop.customers) {
      const result = mapMagentoCustomer(customer);
      const kind = shop.broken.get(customer.id as number);
      if (kind === undefined || kind === 'country') {
        expect(result.ok, `customer ${customer.id}`).toBe(true);
        const countries = result.ok ? result.customer.addresses.map((address) => address.country) : [];
        expect(countries.some((country) => country !== null && !isCountryCode(country))).toBe(
          kind === 'country',
        );
      } else expect(result).toMatchObject({ ok: false, rejected: { code: expected[kind] } });
    }
    expect(new Set(shop.broken.values()).size).toBeGreaterThanOrEqual(2);
  });

  it('adds Adobe Commerce B2B companies for company users', () => {
    const { customers, companies } = generateShop(options({ customers: 300, b2b: true }));
    expect(companies.length).toBeGreaterThan(5);
    for (const customer of customers) {
      const attributes = customer.extension_attributes?.company_attributes;
      expect(attributes?.customer_id).toBe(customer.id);
      if ((attributes?.company_id ?? 0) > 0) {
        const company = companies.find((c) => c.id === attributes?.company_id);
        expect(company?.super_user_id).toBe(customer.id);
        expect(attributes?.job_title).toBeTruthy();
      }
    }
  });
});

describe('asciiFold', () => {
  it('folds names for e-mail addresses', () => {
    expect(asciiFold('Jędrzej')).toBe('jedrzej');
    expect(asciiFold('Groß')).toBe('gross');
    expect(asciiFold('Yılmaz')).toBe('yilmaz');
    expect(asciiFold('Øyvind')).toBe('oyvind');
    expect(asciiFold("D'Angelo")).toBe('dangelo');
    expect(asciiFold('van den Berg')).toBe('vandenberg');
  });
});
