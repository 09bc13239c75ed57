/**
 * The Comarch SFA adapter's channel settings: the API client's credentials (OAuth 2.0 client credentials,
 * created in SFA's administration under Integrations > API clients), page size and request rate. The client
 * secret never appears in a message.
 */
import { type PagingLimits, type PagingSettings, pagingFields, readPaging } from '../kit/paging-settings.ts';
import { declareSettings } from '../kit/settings.ts';

export interface SfaSettings extends PagingSettings {
  clientId: string;
  clientSecret: string;
}

/** The SFA server allows 20 requests per second per API client; the adapter's own pace is 15. */
export const SFA_PAGING: PagingLimits = {
  defaultPageSize: 250,
  maxPageSize: 1000,
  rateLimit: 20,
  defaultRate: 15,
  limitName: "the server's limit",
};

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
    ...pagingFields(SFA_PAGING),
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
    return { clientId, clientSecret, ...readPaging(read, SFA_PAGING) };
  },
);

export const SFA_SETTINGS = sfaSettings.fields;
export const readSfaSettings = sfaSettings.parse;
