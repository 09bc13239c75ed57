/**
 * The Retail POS adapter's channel settings: the head office's API key, or a user name and password for
 * basic auth (exactly one of the two), page size and the request rate.
 */
import { SettingError } from '../../domain/errors.ts';
import { declareSettings, pageSizeField, readPageSize, requestsPerSecondField } from '../kit/settings.ts';

export type PosAuth =
  | { kind: 'api-key'; apiKey: string }
  | { kind: 'basic'; username: string; password: string };

export interface PosSettings {
  auth: PosAuth;
  pageSize: number;
  requestsPerSecond: number;
}

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 500;
/** The head office allows 5 requests per second; Kontor stays below it, leaving room for network jitter. */
export const HEAD_OFFICE_RATE_LIMIT = 5;
export const DEFAULT_REQUESTS_PER_SECOND = 4;

export const retailPosSettings = declareSettings<PosSettings>(
  'Retail POS',
  [
    {
      key: 'apiKey',
      label: 'API key',
      type: 'secret',
      required: false,
      description:
        'API key of the head office (Head office > Integrations > API keys). Or use username and password.',
    },
    {
      key: 'username',
      label: 'User name',
      type: 'string',
      required: false,
      description: 'Head office API user for basic auth (instead of an API key).',
    },
    {
      key: 'password',
      label: 'Password',
      type: 'secret',
      required: false,
      description: 'Password of the head office API user.',
    },
    pageSizeField(DEFAULT_PAGE_SIZE, `Customers per request (1-${MAX_PAGE_SIZE}).`),
    requestsPerSecondField(
      `Requests Kontor sends per second at most; the head office allows ${HEAD_OFFICE_RATE_LIMIT}.`,
      DEFAULT_REQUESTS_PER_SECOND,
    ),
  ],
  (read) => {
    const apiKey = read.text('apiKey');
    const username = read.text('username');
    const password = read.text('password');
    let auth: PosAuth;
    if (apiKey !== '') {
      if (username !== '' || password !== '')
        throw new SettingError(
          'SETTING_INVALID',
          'apiKey',
          'The Retail POS channel takes either an API key or a user name and password, not both.',
        );
      auth = { kind: 'api-key', apiKey };
    } else if (username !== '' && password !== '') {
      if (username.includes(':')) throw read.invalid('username', username, 'a user name without ":"');
      auth = { kind: 'basic', username, password };
    } else if (username !== '') {
      throw read.missing('password', 'the password of the head office API user');
    } else {
      throw read.missing('apiKey', 'the head office API key, or username and password');
    }
    return {
      auth,
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      requestsPerSecond: read.positiveNumber('requestsPerSecond') ?? DEFAULT_REQUESTS_PER_SECOND,
    };
  },
);

export const RETAIL_POS_SETTINGS = retailPosSettings.fields;
export const readPosSettings = retailPosSettings.parse;
