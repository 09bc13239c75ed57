/**
 * The Shopware adapter's channel settings (DESIGN.md: `--setting clientId=... --setting clientSecret=...`):
 * their form definition and their validation. The client secret never appears in a message.
 */
import type { SettingField } from '../adapter.ts';
import { type Settings, settingReader } from '../setting-values.ts';

export interface ShopwareSettings {
  clientId: string;
  clientSecret: string;
  pageSize: number;
  salesChannelId: string | null;
  requestsPerSecond: number | null;
}

/** Below every Shopware version's `shopware.api.max_limit` (100 in 6.5, 500 since 6.6; none before). */
export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;
const HEX_ID = /^[0-9a-f]{32}$/i;

export const SHOPWARE_SETTINGS: readonly SettingField[] = [
  {
    key: 'clientId',
    label: 'Access key ID',
    type: 'string',
    required: true,
    description:
      'Access key ID of an integration (Settings > System > Integrations, starts with SWIA). The integration ' +
      'needs read access to customers (role with "Customers: Viewer") or administrator rights.',
  },
  {
    key: 'clientSecret',
    label: 'Secret access key',
    type: 'secret',
    required: true,
    description: 'Secret access key of that integration (shown once when the integration is created).',
  },
  {
    key: 'pageSize',
    label: 'Page size',
    type: 'number',
    required: false,
    description: `Customers per request, 1 to ${MAX_PAGE_SIZE}. Shopware refuses more than its shopware.api.max_limit.`,
    default: String(DEFAULT_PAGE_SIZE),
  },
  {
    key: 'salesChannelId',
    label: 'Sales channel id',
    type: 'string',
    required: false,
    description:
      'Only customers registered in this Shopware sales channel (32 hex digits), for shops whose storefronts ' +
      'are separate sales channels in Kontor.',
  },
  {
    key: 'requestsPerSecond',
    label: 'Requests per second',
    type: 'number',
    required: false,
    description: 'Upper limit of requests Kontor sends per second (for shops behind a rate limit).',
  },
];

export function readShopwareSettings(settings: Settings): ShopwareSettings {
  const read = settingReader('Shopware', settings);
  const clientId = read.required('clientId', 'the access key ID of an integration');
  const clientSecret = read.required('clientSecret', 'the secret access key of the integration');
  const salesChannelId = read.text('salesChannelId').toLowerCase() || null;
  if (salesChannelId !== null && !HEX_ID.test(salesChannelId)) {
    throw read.invalid('salesChannelId', salesChannelId, 'a Shopware id of 32 hexadecimal digits');
  }
  return {
    clientId,
    clientSecret,
    pageSize: read.integer('pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
    salesChannelId,
    requestsPerSecond: read.positiveNumber('requestsPerSecond'),
  };
}
