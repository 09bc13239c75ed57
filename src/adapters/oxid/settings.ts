/**
 * The OXID adapter's channel settings: the connector's API key (a secret, never in a message), the shop id
 * of an Enterprise Edition sub-shop, the page size and an optional throttle, in one declaration.
 */
import {
  declareSettings,
  pageSizeField,
  readOptionalRequestsPerSecond,
  readPageSize,
  requestsPerSecondField,
} from '../kit/settings.ts';

export interface OxidSettings {
  apiKey: string;
  shopId: number;
  pageSize: number;
  /** null: unthrottled. */
  requestsPerSecond: number | null;
}

export const DEFAULT_PAGE_SIZE = 300;
/** The most the connector returns per request. */
export const MAX_PAGE_SIZE = 1000;

export const oxidSettings = declareSettings<OxidSettings>(
  'OXID',
  [
    {
      key: 'apiKey',
      label: 'Connector API key',
      type: 'secret',
      required: true,
      description:
        'The API key of the Kontor connector module (OXID admin: Extensions > Modules > Kontor connector > Settings).',
    },
    {
      key: 'shopId',
      label: 'Shop id',
      type: 'number',
      required: false,
      description:
        'OXSHOPID of the shop to read: 1 for Community and Professional Edition, the sub-shop in EE.',
      default: '1',
    },
    pageSizeField(DEFAULT_PAGE_SIZE, `Users per request (1-${MAX_PAGE_SIZE}).`),
    requestsPerSecondField(),
  ],
  (read) => ({
    apiKey: read.required('apiKey', "the connector's API key"),
    shopId: read.integer('shopId', 1, 2_147_483_647) ?? 1,
    pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    requestsPerSecond: readOptionalRequestsPerSecond(read),
  }),
);

export const OXID_SETTINGS = oxidSettings.fields;
export const readOxidSettings = oxidSettings.parse;
