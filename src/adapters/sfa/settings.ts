/**
 * The Comarch SFA adapter's channel settings: the API client's credentials (OAuth 2.0 client credentials,
 * created in SFA's administration under Integrations > API clients), page size and request rate. The client
 * secret never appears in a message.
 */
import {
  declareSettings,
  pageSizeField,
  readPageSize,
  readRequestsPerSecond,
  requestsPerSecondField,
} from '../kit/settings.ts';

export interface SfaSettings {
  clientId: string;
  clientSecret: string;
  pageSize: number;
  requestsPerSecond: number;
}

export const DEFAULT_PAGE_SIZE = 250;
export const MAX_PAGE_SIZE = 1000;
/** The SFA server allows 20 requests per second per API client. */
export const PROTOCOL_REQUESTS_PER_SECOND = 20;
/** The adapter's own default pace, below the limit so that network jitter does not bunch requests over it. */
export const DEFAULT_REQUESTS_PER_SECOND = 15;

export const sfaSettings = declareSettings<SfaSettings>(
  'Comarch SFA',
  [
    {
      key: 'clientId',
      label: 'Client id',
      type: 'string',
      required: true,
      description:
        "The API client's id (SFA administration: Integrations > API clients), with the scope customers:read.",
    },
    {
      key: 'clientSecret',
      label: 'Client secret',
      type: 'secret',
      required: true,
      description: "The API client's secret. Kontor exchanges it for an access token (valid for an hour).",
    },
    pageSizeField(DEFAULT_PAGE_SIZE, `Customers per request (1-${MAX_PAGE_SIZE}).`),
    requestsPerSecondField(
      `Upper limit of requests Kontor sends per second (at most ${PROTOCOL_REQUESTS_PER_SECOND}, the server's limit).`,
      DEFAULT_REQUESTS_PER_SECOND,
    ),
  ],
  (read) => {
    const clientId = read.required('clientId', "the API client's id");
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(clientId)) {
      throw read.invalid(
        'clientId',
        clientId,
        'an API client id (letters, digits, dots, dashes, underscores)',
      );
    }
    const clientSecret = read.required('clientSecret', "the API client's secret");
    const requestsPerSecond = readRequestsPerSecond(
      read,
      DEFAULT_REQUESTS_PER_SECOND,
      PROTOCOL_REQUESTS_PER_SECOND,
      "the server's limit",
    );
    return {
      clientId,
      clientSecret,
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      requestsPerSecond,
    };
  },
);

export const SFA_SETTINGS = sfaSettings.fields;
export const readSfaSettings = sfaSettings.parse;
