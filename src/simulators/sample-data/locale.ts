/**
 * The shape of the per-country sample data the simulator's seed draws from. Patterns: "#" is a random
 * digit, "@" a random capital letter; "{street}", "{no}", "{last}", "{last2}" are filled in by the seed.
 */
export interface SeedRegion {
  /** Magento's region code (directory_country_region.code), or the free text for countries without a list. */
  code: string;
  name: string;
  /** Magento's directory_country_region id; 0 = free text (the country has no region list). */
  id: number;
}

export interface SeedCity {
  city: string;
  postcodes: readonly string[];
  /** Landline pattern with the area code, e.g. "+49 30 ########". */
  phone: string;
  region?: SeedRegion;
}

export interface SeedLocale {
  country: string;
  /** Relative share of customers from this country. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  /** Surnames; "Kowalski|Kowalska" gives the male|female form. */
  lastNames: readonly string[];
  /** Spanish style: two surnames. */
  doubleSurname?: boolean;
  /** Share of customers with a middle name, and the middle names to use. */
  middleNames?: { share: number; names: readonly string[] };
  cities: readonly SeedCity[];
  streets: readonly string[];
  /** How a street line is written, e.g. "{street} {no}" or "{no} {street}". */
  streetLine: string;
  /** Optional second street lines (apartment, floor, building). */
  secondLines: readonly string[];
  mobile: readonly string[];
  emailDomains: readonly string[];
  companies: readonly string[];
  /** VAT id pattern, valid in format for the country. */
  vat: string;
  /** Personal tax number pattern some shops collect in the customer's taxvat (IT codice fiscale, ES NIF). */
  personalTaxId?: string;
}
