/**
 * The Magento adapter's channel settings: their form definition and their validation. The token is a
 * secret: it never appears in a message.
 */

import { ConfigError } from '../../domain/errors.ts';
import type { SettingField } from '../adapter.ts';

export interface MagentoSettings {
  token: string;
  storeCode: string;
  pageSize: number;
  websiteId: number | null;
  requestsPerSecond: number | null;
  b2bCompanies: boolean;
}

export const DEFAULT_PAGE_SIZE = 300;
const MAX_PAGE_SIZE = 1000;

export const MAGENTO_SETTINGS: readonly SettingField[] = [
  {
    key: 'token',
    label: 'Access token',
    type: 'secret',
    required: true,
    description:
      'Access token of an integration (System > Extensions > Integrations) with access to Customers, or an admin ' +
      'token. Magento 2.4.4+ accepts integration tokens as bearer tokens only with Stores > Configuration > ' +
      'Services > OAuth > Consumer Settings > "Allow OAuth Access Tokens to be used as standalone Bearer tokens".',
  },
  {
    key: 'storeCode',
    label: 'Store code',
    type: 'string',
    required: false,
    description:
      'Store view code in the REST path (/rest/<code>/V1/...). "all" (admin scope) reads every customer.',
    default: 'all',
  },
  {
    key: 'pageSize',
    label: 'Page size',
    type: 'number',
    required: false,
    description:
      'Customers per request. With "Web API input limits" on, Magento refuses more than its maximum (300).',
    default: String(DEFAULT_PAGE_SIZE),
  },
  {
    key: 'websiteId',
    label: 'Website id',
    type: 'number',
    required: false,
    description: 'Only customers of this website (for shops whose websites are separate sales channels).',
  },
  {
    key: 'requestsPerSecond',
    label: 'Requests per second',
    type: 'number',
    required: false,
    description: 'Upper limit of requests Kontor sends per second (for shops behind a rate limit).',
  },
  {
    key: 'b2bCompanies',
    label: 'Adobe Commerce B2B companies',
    type: 'boolean',
    required: false,
    description:
      'Read the company (name, VAT id) of B2B company users from /V1/company/:id (needs Magento_Company::index).',
    default: 'false',
  },
];

export function readMagentoSettings(settings: Readonly<Record<string, string>>): MagentoSettings {
  const token = (settings.token ?? '').trim();
  if (token === '')
    throw new ConfigError(
      'SETTING_MISSING',
      'The Magento channel needs the setting "token" (an access token).',
    );
  const storeCode = (settings.storeCode ?? '').trim() || 'all';
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(storeCode)) {
    throw invalid('storeCode', storeCode, 'a store view code (letters, digits, underscores) or "all"');
  }
  return {
    token,
    storeCode,
    pageSize: integerSetting(settings, 'pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
    websiteId: integerSetting(settings, 'websiteId', 0, Number.MAX_SAFE_INTEGER),
    requestsPerSecond: positiveNumber(settings, 'requestsPerSecond'),
    b2bCompanies: booleanSetting(settings, 'b2bCompanies'),
  };
}

function integerSetting(
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

function booleanSetting(settings: Readonly<Record<string, string>>, key: string): boolean {
  const text = (settings[key] ?? '').trim().toLowerCase();
  if (text === '' || ['false', '0', 'no', 'off'].includes(text)) return false;
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  throw invalid(key, text, 'true or false');
}

function invalid(key: string, value: string, expected: string): ConfigError {
  return new ConfigError(
    'SETTING_INVALID',
    `The Magento setting "${key}" is "${value}"; expected ${expected}.`,
  );
}
