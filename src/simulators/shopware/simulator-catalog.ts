/**
 * The simulated shop's fixed entities: countries (with two custom ones an administrator might add, whose
 * ISO codes are not ISO 3166 codes: XI, the EU's VAT code for Northern Ireland, and none at all), country states, salutations, customer groups, sales channels. Their
 * ids are derived from their names, so they are the same in every run.
 */
import { createHash } from 'node:crypto';
import type {
  ShopwareCountry,
  ShopwareCountryState,
  ShopwareCustomerGroup,
  ShopwareSalutation,
} from '../../adapters/shopware/shopware-types.ts';

/** A stable 32-hex id for a named thing ("country:DE"). */
export function stableId(name: string): string {
  return createHash('md5').update(`shopware-simulator:${name}`).digest('hex');
}

const CREATED = '2021-03-04T09:12:45.318+00:00';

const COUNTRIES: ReadonlyArray<[iso: string | null, iso3: string | null, name: string]> = [
  ['DE', 'DEU', 'Germany'],
  ['AT', 'AUT', 'Austria'],
  ['CH', 'CHE', 'Switzerland'],
  ['PL', 'POL', 'Poland'],
  ['CZ', 'CZE', 'Czech Republic'],
  ['SE', 'SWE', 'Sweden'],
  ['DK', 'DNK', 'Denmark'],
  ['NO', 'NOR', 'Norway'],
  ['FI', 'FIN', 'Finland'],
  ['ES', 'ESP', 'Spain'],
  ['IT', 'ITA', 'Italy'],
  ['TR', 'TUR', 'Turkey'],
  ['NL', 'NLD', 'Netherlands'],
  ['BE', 'BEL', 'Belgium'],
  ['FR', 'FRA', 'France'],
  ['GB', 'GBR', 'United Kingdom'],
  ['US', 'USA', 'USA'],
  // Added by hand in the administration: the EU's VAT code for Northern Ireland (not an ISO 3166 code),
  // and one without a code at all.
  ['XI', null, 'Northern Ireland'],
  [null, null, 'Kanalinseln'],
];

export const COUNTRY_LIST: readonly ShopwareCountry[] = COUNTRIES.map(([iso, iso3, name]) => ({
  id: stableId(`country:${iso ?? name}`),
  name,
  iso,
  iso3,
  active: true,
  translated: { name },
  createdAt: CREATED,
  updatedAt: null,
  apiAlias: 'country',
}));

export const COUNTRY_BY_ISO: ReadonlyMap<string, ShopwareCountry> = new Map(
  COUNTRY_LIST.filter((country) => country.iso !== null).map((country) => [country.iso as string, country]),
);

/** Countries whose code a partner master cannot use (for deliberately broken customers). */
export const CUSTOM_COUNTRIES: readonly ShopwareCountry[] = COUNTRY_LIST.filter(
  (country) => country.iso === 'XI' || country.iso === null,
);

const states = new Map<string, ShopwareCountryState>();

/** The country state for a region of the sample data (created on first use). */
export function countryState(countryIso: string, code: string, name: string): ShopwareCountryState {
  const shortCode = `${countryIso}-${code}`;
  let state = states.get(shortCode);
  if (!state) {
    const country = COUNTRY_BY_ISO.get(countryIso);
    state = {
      id: stableId(`country_state:${shortCode}`),
      countryId: country?.id ?? stableId(`country:${countryIso}`),
      shortCode,
      name,
      translated: { name },
      apiAlias: 'country_state',
    };
    states.set(shortCode, state);
  }
  return state;
}

export function findCountryState(id: string): ShopwareCountryState | undefined {
  for (const state of states.values()) if (state.id === id) return state;
  return undefined;
}

export const SALUTATIONS: Readonly<Record<'mr' | 'mrs' | 'not_specified', ShopwareSalutation>> = {
  mr: salutation('mr', 'Mr.', 'Dear Mr.'),
  mrs: salutation('mrs', 'Mrs.', 'Dear Mrs.'),
  not_specified: salutation('not_specified', 'Not specified', ''),
};

function salutation(key: string, displayName: string, letterName: string): ShopwareSalutation {
  return {
    id: stableId(`salutation:${key}`),
    salutationKey: key,
    displayName,
    letterName,
    apiAlias: 'salutation',
  };
}

export const CUSTOMER_GROUPS: Readonly<Record<'standard' | 'business', ShopwareCustomerGroup>> = {
  standard: {
    id: stableId('customer_group:standard'),
    name: 'Standard customer group',
    displayGross: true,
    registrationActive: false,
    apiAlias: 'customer_group',
  },
  business: {
    id: stableId('customer_group:business'),
    name: 'Business customers',
    displayGross: false,
    registrationActive: true,
    apiAlias: 'customer_group',
  },
};

export const SALES_CHANNELS = {
  storefront: stableId('sales_channel:Storefront'),
  storefrontCh: stableId('sales_channel:Storefront CH'),
} as const;

export const PAYMENT_METHOD_ID = stableId('payment_method:invoice');
export const LANGUAGE_ID = '2fbb5fe2e29a4d70aa5854ce7ce3e20b';
