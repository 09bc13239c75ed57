/**
 * The Shopware adapter's channel settings (DESIGN.md: `--setting clientId=... --setting clientSecret=...`):
 * their form definition and their validation, in one declaration. The client secret never appears in a
 * message.
 */
import { declareSettings, pageSizeField, readPageSize, requestsPerSecondField } from '../kit/settings.ts';

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

export const shopwareSettings = declareSettings<ShopwareSettings>(
  'Shopware',
  [
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
    pageSizeField(
      DEFAULT_PAGE_SIZE,
      `Customers per request, 1 to ${MAX_PAGE_SIZE}. Shopware refuses more than its shopware.api.max_limit.`,
    ),
    {
      key: 'salesChannelId',
      label: 'Sales channel id',
      type: 'string',
      required: false,
      description:
        'Only customers registered in this Shopware sales channel (32 hex digits), for shops whose storefronts ' +
        'are separate sales channels in Kontor.',
    },
    requestsPerSecondField(),
  ],
  (read) => {
    const clientId = read.required('clientId', 'the access key ID of an integration');
    const clientSecret = read.required('clientSecret', 'the secret access key of the integration');
    const salesChannelId = read.text('salesChannelId').toLowerCase() || null;
    if (salesChannelId !== null && !HEX_ID.test(salesChannelId)) {
      throw read.invalid('salesChannelId', salesChannelId, 'a Shopware id of 32 hexadecimal digits');
    }
    return {
      clientId,
      clientSecret,
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      salesChannelId,
      // No protocol limit: unthrottled unless the channel sets one.
      requestsPerSecond: read.positiveNumber('requestsPerSecond'),
    };
  },
);

export const readShopwareSettings = shopwareSettings.parse;
