/**
 * Amazon's marketplaces: the id SP-API calls take (MarketplaceIds), the region whose endpoint serves it,
 * the store's country, domain and currency. Source: SP-API "Marketplace IDs" and "SP-API endpoints".
 */
export type SpApiRegion = 'na' | 'eu' | 'fe';

export interface Marketplace {
  id: string;
  /** "Amazon.de": what getMarketplaceParticipations and SalesChannel call it. */
  name: string;
  countryCode: string;
  /** "amazon.de": the part after "marketplace." in buyers' anonymized e-mail addresses. */
  domain: string;
  currency: string;
  language: string;
  region: SpApiRegion;
}

const m = (
  id: string,
  countryCode: string,
  domain: string,
  currency: string,
  language: string,
  region: SpApiRegion,
): Marketplace => {
  const suffix = domain.replace(/^amazon\./, '');
  return { id, name: `Amazon.${suffix}`, countryCode, domain, currency, language, region };
};

export const MARKETPLACES: readonly Marketplace[] = [
  m('A2EUQ1WTGCTBG', 'CA', 'amazon.ca', 'CAD', 'en_CA', 'na'),
  m('ATVPDKIKX0DER', 'US', 'amazon.com', 'USD', 'en_US', 'na'),
  m('A1AM78C64UM0Y8', 'MX', 'amazon.com.mx', 'MXN', 'es_MX', 'na'),
  m('A2Q3Y263D00KWC', 'BR', 'amazon.com.br', 'BRL', 'pt_BR', 'na'),
  m('A28R8C7NBKEWEA', 'IE', 'amazon.ie', 'EUR', 'en_IE', 'eu'),
  m('A1RKKUPIHCS9HS', 'ES', 'amazon.es', 'EUR', 'es_ES', 'eu'),
  m('A1F83G8C2ARO7P', 'GB', 'amazon.co.uk', 'GBP', 'en_GB', 'eu'),
  m('A13V1IB3VIYZZH', 'FR', 'amazon.fr', 'EUR', 'fr_FR', 'eu'),
  m('AMEN7PMS3EDWL', 'BE', 'amazon.com.be', 'EUR', 'fr_BE', 'eu'),
  m('A1805IZSGTT6HS', 'NL', 'amazon.nl', 'EUR', 'nl_NL', 'eu'),
  m('A1PA6795UKMFR9', 'DE', 'amazon.de', 'EUR', 'de_DE', 'eu'),
  m('APJ6JRA9NG5V4', 'IT', 'amazon.it', 'EUR', 'it_IT', 'eu'),
  m('A2NODRKZP88ZB9', 'SE', 'amazon.se', 'SEK', 'sv_SE', 'eu'),
  m('AE08WJ6YKNBMC', 'ZA', 'amazon.co.za', 'ZAR', 'en_ZA', 'eu'),
  m('A1C3SOZRARQ6R3', 'PL', 'amazon.pl', 'PLN', 'pl_PL', 'eu'),
  m('ARBP9OOSHTCHU', 'EG', 'amazon.eg', 'EGP', 'ar_EG', 'eu'),
  m('A33AVAJ2PDY3EV', 'TR', 'amazon.com.tr', 'TRY', 'tr_TR', 'eu'),
  m('A17E79C6D8DWNP', 'SA', 'amazon.sa', 'SAR', 'ar_SA', 'eu'),
  m('A2VIGQ35RCS4UG', 'AE', 'amazon.ae', 'AED', 'ar_AE', 'eu'),
  m('A21TJRUUN4KGV', 'IN', 'amazon.in', 'INR', 'en_IN', 'eu'),
  m('A19VAU5U5O7RUS', 'SG', 'amazon.sg', 'SGD', 'en_SG', 'fe'),
  m('A39IBJ37TRP1C6', 'AU', 'amazon.com.au', 'AUD', 'en_AU', 'fe'),
  m('A1VC38T7YXB528', 'JP', 'amazon.co.jp', 'JPY', 'ja_JP', 'fe'),
];

const BY_ID = new Map(MARKETPLACES.map((marketplace) => [marketplace.id, marketplace]));

export function marketplaceById(id: string): Marketplace | undefined {
  return BY_ID.get(id);
}

/** The SP-API endpoint of each region (the channel URL). */
export const REGION_ENDPOINTS: Readonly<Record<SpApiRegion, string>> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};

/** Marketplace ids of the Turkish store: its business orders carry BuyerTaxInformation. */
export const TURKEY_MARKETPLACE_ID = 'A33AVAJ2PDY3EV';

/** Marketplaces with Spanish naming (two surnames), for splitting buyer names. */
export const SPANISH_NAMING_COUNTRIES: ReadonlySet<string> = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE']);
