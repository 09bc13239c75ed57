/**
 * The Comarch ERP Webshop adapter's channel settings: the webshop's synchronization data (shop name and
 * key, from the webshop administrator's My Profile > My Shops > Synchronization data), page size and
 * request rate. The key is a secret: it never appears in a message.
 */
import { type PagingLimits, type PagingSettings, pagingFields, readPaging } from '../kit/paging-settings.ts';
import { declareSettings } from '../kit/settings.ts';

export interface WebshopSettings extends PagingSettings {
  shopName: string;
  apiKey: string;
}

/** Protocol 17 allows 10 requests per second per shop; the adapter's own pace is 8. */
export const WEBSHOP_PAGING: PagingLimits = {
  defaultPageSize: 200,
  maxPageSize: 500,
  pageSizeDescription: 'Customers per request (1-500; the webshop refuses more).',
  rateLimit: 10,
  defaultRate: 8,
  limitName: "the protocol's limit",
};

export const webshopSettings = declareSettings<WebshopSettings>(
  'Comarch ERP Webshop',
  [
    {
      key: 'shopName',
      label: 'Webshop name',
      type: 'string',
      required: true,
      description:
        "The webshop's name from its synchronization data (webshop administrator: My Profile > My Shops > " +
        'Synchronization data). Sent with every request and part of the signature.',
    },
    {
      key: 'apiKey',
      label: 'Synchronization key',
      type: 'secret',
      required: true,
      description:
        "The webshop's synchronization key from the same page. Kontor signs every request with it (HMAC-SHA256); " +
        'the key itself is never sent.',
    },
    ...pagingFields(WEBSHOP_PAGING),
  ],
  (read) => {
    const shopName = read.required('shopName', "the webshop's name from its synchronization data");
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u.test(shopName)) {
      throw read.invalid('shopName', shopName, 'the webshop name (letters, digits, spaces, dots, dashes)');
    }
    const apiKey = read.required('apiKey', "the webshop's synchronization key");
    if (apiKey.length < 16)
      throw read.invalid('apiKey', apiKey, 'the synchronization key (32 characters or more)', true);
    return { shopName, apiKey, ...readPaging(read, WEBSHOP_PAGING) };
  },
);

export const readWebshopSettings = webshopSettings.parse;
