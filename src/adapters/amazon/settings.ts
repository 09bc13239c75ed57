/**
 * The Amazon adapter's channel settings: the seller's marketplaces and the Login with Amazon credentials of
 * the SP-API application (client id and secret) with the refresh token the seller's authorization gave.
 * The channel URL is the SP-API endpoint of the seller's region. Client secret and refresh token are
 * secrets: they never appear in a message.
 */
import { SettingError } from '../../domain/errors.ts';
import { optionalField, requiredField } from '../kit/setting-fields.ts';
import { declareSettings, pageSizeField, readPageSize } from '../kit/settings.ts';
import type { SettingReader } from '../setting-values.ts';
import { marketplaceById } from './marketplaces.ts';

export interface AmazonSettings {
  marketplaceIds: string[];
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  tokenUrl: string;
  pageSize: number;
}

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';
export const DEFAULT_PAGE_SIZE = 300;
const MAX_PAGE_SIZE = 1000;
/** getOrders takes at most 50 marketplace ids. */
const MAX_MARKETPLACES = 50;

export const amazonSettings = declareSettings<AmazonSettings>(
  'Amazon',
  [
    requiredField(
      'marketplaceIds',
      'Marketplace ids',
      'string',
      'The marketplaces whose orders are read, comma-separated, e.g. A1PA6795UKMFR9 (Amazon.de), A13V1IB3VIYZZH ' +
        '(Amazon.fr). All must belong to the region of the channel URL.',
    ),
    requiredField(
      'clientId',
      'LWA client id',
      'string',
      'The Login with Amazon client identifier of the SP-API application (amzn1.application-oa2-client.…), ' +
        'from Seller Central > Apps and Services > Develop Apps > LWA credentials.',
    ),
    requiredField(
      'clientSecret',
      'LWA client secret',
      'secret',
      'The Login with Amazon client secret of the SP-API application.',
    ),
    requiredField(
      'refreshToken',
      'Refresh token',
      'secret',
      "The LWA refresh token (Atzr|…) from the seller's authorization of the application (self-authorization " +
        'in Seller Central, or the OAuth flow). The application needs the roles Inventory and Order Tracking, ' +
        'Direct-to-Consumer Shipping and Tax Invoicing (restricted data: buyers and shipping addresses).',
    ),
    optionalField(
      'tokenUrl',
      'LWA token endpoint',
      'string',
      'Where access tokens are obtained. Amazon uses one endpoint for every region.',
      LWA_TOKEN_URL,
    ),
    pageSizeField(
      DEFAULT_PAGE_SIZE,
      'Buyers per page handed to the import (orders are always read 100 per request).',
    ),
  ],
  (read) => {
    const marketplaceIds = marketplaceList(read);
    const clientId = read.required('clientId', 'the LWA client id');
    if (!clientId.startsWith('amzn1.application-oa2-client.')) {
      throw read.invalid('clientId', clientId, 'an LWA client id (amzn1.application-oa2-client.…)');
    }
    const clientSecret = read.required('clientSecret', 'the LWA client secret');
    const refreshToken = read.required('refreshToken', 'an LWA refresh token');
    if (!refreshToken.startsWith('Atzr|')) {
      // Never echo a secret: say what it looks like instead.
      const looksLike = refreshToken.startsWith('Atza|')
        ? ' (an access token, Atza|…, expires in an hour)'
        : '';
      throw new SettingError(
        'SETTING_INVALID',
        'refreshToken',
        `The Amazon setting Refresh token ("refreshToken") is not a refresh token${looksLike}; expected the LWA refresh token (Atzr|…).`,
      );
    }
    return {
      marketplaceIds,
      clientId,
      clientSecret,
      refreshToken,
      tokenUrl: tokenUrl(read),
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    };
  },
);

export const readAmazonSettings = amazonSettings.parse;

/** "A1PA6795UKMFR9, A13V1IB3VIYZZH" -> the ids, in order, without repeats. */
function marketplaceList(read: SettingReader): string[] {
  const ids = [
    ...new Set(
      read
        .text('marketplaceIds')
        .split(/[\s,;]+/)
        .filter((id) => id !== ''),
    ),
  ];
  if (ids.length === 0) {
    throw read.missing('marketplaceIds', 'e.g. A1PA6795UKMFR9 for Amazon.de');
  }
  for (const id of ids) {
    if (!/^[A-Z0-9]{10,16}$/.test(id))
      throw read.invalid('marketplaceIds', id, 'marketplace ids such as A1PA6795UKMFR9');
  }
  if (ids.length > MAX_MARKETPLACES) {
    throw read.invalid('marketplaceIds', `${ids.length} ids`, `at most ${MAX_MARKETPLACES} marketplace ids`);
  }
  const regions = new Set(
    ids.map((id) => marketplaceById(id)?.region).filter((region) => region !== undefined),
  );
  if (regions.size > 1) {
    throw new SettingError(
      'SETTING_INVALID',
      'marketplaceIds',
      `The Amazon marketplaces ${ids.join(', ')} belong to different regions; a channel reads one region (one SP-API endpoint).`,
    );
  }
  return ids;
}

function tokenUrl(read: SettingReader): string {
  const text = read.text('tokenUrl') || LWA_TOKEN_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw read.invalid('tokenUrl', text, 'an http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw read.invalid('tokenUrl', text, 'an http(s) URL');
  return text;
}
