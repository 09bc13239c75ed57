/**
 * The OXID adapter's channel settings: the connector's API key (a secret, never in a message), the shop id
 * of an Enterprise Edition sub-shop, the page size and an optional throttle.
 */
import type { SettingField } from '../adapter.ts';
import { settingReader } from '../setting-values.ts';

export interface OxidSettings {
  apiKey: string;
  shopId: number;
  pageSize: number;
  requestsPerSecond: number | null;
}

export const DEFAULT_PAGE_SIZE = 300;
/** The most the connector returns per request. */
export const MAX_PAGE_SIZE = 1000;

export const OXID_SETTINGS: readonly SettingField[] = [
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
  {
    key: 'pageSize',
    label: 'Page size',
    type: 'number',
    required: false,
    description: `Users per request (1-${MAX_PAGE_SIZE}).`,
    default: String(DEFAULT_PAGE_SIZE),
  },
  {
    key: 'requestsPerSecond',
    label: 'Requests per second',
    type: 'number',
    required: false,
    description: 'Upper limit of requests Kontor sends per second (for shops behind a rate limit).',
  },
];

export function readOxidSettings(settings: Readonly<Record<string, string>>): OxidSettings {
  const read = settingReader('OXID', settings);
  return {
    apiKey: read.required('apiKey', "the connector's API key"),
    shopId: read.integer('shopId', 1, 2_147_483_647) ?? 1,
    pageSize: read.integer('pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
    requestsPerSecond: read.positiveNumber('requestsPerSecond'),
  };
}
