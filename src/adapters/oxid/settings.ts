/**
 * The OXID adapter's channel settings: the connector's API key (a secret, never in a message), the shop id
 * of an Enterprise Edition sub-shop, the page size and an optional throttle, in one declaration.
 */
import {
  type PageLimits,
  pagingFields,
  readThrottledPaging,
  type ThrottledPagingSettings,
} from '../kit/paging-settings.ts';
import { declareSettings } from '../kit/settings.ts';

export interface OxidSettings extends ThrottledPagingSettings {
  apiKey: string;
  shopId: number;
}

/** The connector returns at most 1000 users per request. */
export const OXID_PAGING: PageLimits = {
  defaultPageSize: 300,
  maxPageSize: 1000,
  pageSizeDescription: 'Users per request (1-1000).',
};

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
    ...pagingFields(OXID_PAGING),
  ],
  (read) => ({
    apiKey: read.required('apiKey', "the connector's API key"),
    shopId: read.integer('shopId', 1, 2_147_483_647) ?? 1,
    ...readThrottledPaging(read, OXID_PAGING),
  }),
);

export const OXID_SETTINGS = oxidSettings.fields;
export const readOxidSettings = oxidSettings.parse;
