/**
 * The Comarch ERP Webshop adapter's channel settings: the webshop's synchronization data (shop name and
 * key, from the webshop administrator's My Profile > My Shops > Synchronization data), page size and
 * request rate. The key is a secret: it never appears in a message.
 */
import {
  declareSettings,
  pageSizeField,
  readPageSize,
  readRequestsPerSecond,
  requestsPerSecondField,
} from '../kit/settings.ts';

export interface WebshopSettings {
  shopName: string;
  apiKey: string;
  pageSize: number;
  requestsPerSecond: number;
}

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 500;
/** Protocol 17 allows 10 requests per second per shop. */
export const PROTOCOL_REQUESTS_PER_SECOND = 10;
/** The adapter's own default pace: below the limit, so that network jitter does not bunch requests over it. */
export const DEFAULT_REQUESTS_PER_SECOND = 8;

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
    pageSizeField(DEFAULT_PAGE_SIZE, `Customers per request (1-${MAX_PAGE_SIZE}; the webshop refuses more).`),
    requestsPerSecondField(
      `Upper limit of requests Kontor sends per second (at most ${PROTOCOL_REQUESTS_PER_SECOND}, the protocol's limit).`,
      DEFAULT_REQUESTS_PER_SECOND,
    ),
  ],
  (read) => {
    const shopName = read.required('shopName', "the webshop's name from its synchronization data");
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u.test(shopName)) {
      throw read.invalid('shopName', shopName, 'the webshop name (letters, digits, spaces, dots, dashes)');
    }
    const apiKey = read.required('apiKey', "the webshop's synchronization key");
    if (apiKey.length < 16)
      throw read.invalid('apiKey', apiKey, 'the synchronization key (32 characters or more)', true);
    const requestsPerSecond = readRequestsPerSecond(
      read,
      DEFAULT_REQUESTS_PER_SECOND,
      PROTOCOL_REQUESTS_PER_SECOND,
      "the protocol's limit",
    );
    return {
      shopName,
      apiKey,
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      requestsPerSecond,
    };
  },
);

export const readWebshopSettings = webshopSettings.parse;
