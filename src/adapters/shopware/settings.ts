/**
 * The Shopware adapter's channel settings (DESIGN.md: `--setting clientId=... --setting clientSecret=...`):
 * their form definition and their validation. The client secret never appears in a message.
 */
import { ConfigError } from '../../domain/errors.ts';
import type { SettingField } from '../adapter.ts';

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

export function readShopwareSettings(settings: Readonly<Record<string, string>>): ShopwareSettings {
  const clientId = (settings.clientId ?? '').trim();
  if (clientId === '') throw missing('clientId', 'the access key ID of an integration');
  const clientSecret = (settings.clientSecret ?? '').trim();
  if (clientSecret === '') throw missing('clientSecret', 'the secret access key of the integration');
  const salesChannelId = (settings.salesChannelId ?? '').trim().toLowerCase() || null;
  if (salesChannelId !== null && !HEX_ID.test(salesChannelId)) {
    throw invalid('salesChannelId', salesChannelId, 'a Shopware id of 32 hexadecimal digits');
  }
  return {
    clientId,
    clientSecret,
    pageSize: wholeNumber(settings, 'pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
    salesChannelId,
    requestsPerSecond: positiveNumber(settings, 'requestsPerSecond'),
  };
}

function wholeNumber(
  settings: Readonly<Record<string, string>>,
  key: string,
  min: number,
  max: number,
): number | null {
  const text = settings[key]?.trim() ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw invalid(key, text, `a whole number from ${min} to ${max}`);
  return value;
}

function positiveNumber(settings: Readonly<Record<string, string>>, key: string): number | null {
  const text = settings[key]?.trim() ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw invalid(key, text, 'a positive number');
  return value;
}

function missing(key: string, what: string): ConfigError {
  return new ConfigError('SETTING_MISSING', `The Shopware channel needs the setting "${key}" (${what}).`);
}

function invalid(key: string, value: string, expected: string): ConfigError {
  return new ConfigError(
    'SETTING_INVALID',
    `The Shopware setting "${key}" is "${value}"; expected ${expected}.`,
  );
}
