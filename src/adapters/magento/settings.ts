/**
 * The Magento adapter's channel settings: one declaration of their form fields and their validation. The
 * token is a secret: it never appears in a message.
 */
import { optionalField, requiredField } from '../kit/setting-fields.ts';
import {
  declareSettings,
  pageSizeField,
  readOptionalRequestsPerSecond,
  readPageSize,
  requestsPerSecondField,
} from '../kit/settings.ts';

export interface MagentoSettings {
  token: string;
  storeCode: string;
  pageSize: number;
  websiteId: number | null;
  /** null: unthrottled. */
  requestsPerSecond: number | null;
  b2bCompanies: boolean;
}

export const DEFAULT_PAGE_SIZE = 300;
const MAX_PAGE_SIZE = 1000;

export const magentoSettings = declareSettings<MagentoSettings>(
  'Magento',
  [
    requiredField(
      'token',
      'Access token',
      'secret',
      'Access token of an integration (System > Extensions > Integrations) with access to Customers, or an admin ' +
        'token. Magento 2.4.4+ accepts integration tokens as bearer tokens only with Stores > Configuration > ' +
        'Services > OAuth > Consumer Settings > "Allow OAuth Access Tokens to be used as standalone Bearer tokens".',
    ),
    optionalField(
      'storeCode',
      'Store code',
      'string',
      'Store view code in the REST path (/rest/<code>/V1/...). "all" (admin scope) reads every customer.',
      'all',
    ),
    pageSizeField(
      DEFAULT_PAGE_SIZE,
      'Customers per request. With "Web API input limits" on, Magento refuses more than its maximum (300).',
    ),
    optionalField(
      'websiteId',
      'Website id',
      'number',
      'Only customers of this website (for shops whose websites are separate sales channels).',
    ),
    requestsPerSecondField(),
    optionalField(
      'b2bCompanies',
      'Adobe Commerce B2B companies',
      'boolean',
      'Read the company (name, VAT id) of B2B company users from /V1/company/:id (needs Magento_Company::index).',
      'false',
    ),
  ],
  (read) => {
    const token = read.required('token', 'an access token');
    const storeCode = read.text('storeCode') || 'all';
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(storeCode)) {
      throw read.invalid('storeCode', storeCode, 'a store view code (letters, digits, underscores) or "all"');
    }
    return {
      token,
      storeCode,
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      websiteId: read.integer('websiteId', 0, Number.MAX_SAFE_INTEGER),
      requestsPerSecond: readOptionalRequestsPerSecond(read),
      b2bCompanies: read.boolean('b2bCompanies'),
    };
  },
);

export const MAGENTO_SETTINGS = magentoSettings.fields;
export const readMagentoSettings = magentoSettings.parse;
