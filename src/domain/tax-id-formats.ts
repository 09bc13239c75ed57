/**
 * Formats of tax ids by country: VAT numbers as VIES checks them (with the country prefix, Greece "EL"),
 * plus Switzerland's and Norway's, the UK's, and the personal tax numbers Italian and Spanish shops collect
 * (codice fiscale, NIF/NIE). Only the format is checked, not check digits or whether the number exists.
 */

/** The prefix of VAT numbers where it differs from the ISO country code. */
const PREFIX_OF_COUNTRY: Readonly<Record<string, string>> = { GR: 'EL' };
const COUNTRY_OF_PREFIX: Readonly<Record<string, string>> = { EL: 'GR' };

/** Patterns of the whole normalised number (upper case, without spaces, dots and dashes), prefix included. */
const FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CH: /^CHE\d{9}(MWST|TVA|IVA)?$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  ES: /^(ES[A-Z0-9]\d{7}[A-Z0-9]|\d{8}[A-Z]|[XYZ]\d{7}[A-Z])$/,
  FI: /^FI\d{8}$/,
  FR: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/,
  GB: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  GR: /^EL\d{9}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^(IT\d{11}|[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z])$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  NO: /^NO\d{9}(MVA)?$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO\d{2,10}$/,
  SE: /^SE\d{10}01$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
};

export function normaliseTaxId(taxId: string): string {
  return taxId.toUpperCase().replace(/[\s.\-/]/g, '');
}

/**
 * Whether `taxId` has a valid format for its country: the country of its own prefix if it has one,
 * else `country` (the customer's billing country). Null when no format is known for the country.
 */
export function taxIdFormatValid(taxId: string, country: string | null): boolean | null {
  const value = normaliseTaxId(taxId);
  const prefix = value.slice(0, 2);
  const prefixCountry = COUNTRY_OF_PREFIX[prefix] ?? (FORMATS[prefix] ? prefix : null);
  // Valid for the country its prefix names, or for the billing country (with or without its prefix): an
  // Italian codice fiscale starting "FR" (Ferrari) is not a French VAT number, but it is a valid Italian code.
  const candidates = [prefixCountry, country].filter(
    (item): item is string => item !== null && !!FORMATS[item],
  );
  if (candidates.length === 0) return null;
  return candidates.some((target) => {
    const format = FORMATS[target] as RegExp;
    return format.test(value) || format.test(`${PREFIX_OF_COUNTRY[target] ?? target}${value}`);
  });
}
