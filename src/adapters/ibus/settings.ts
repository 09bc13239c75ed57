/**
 * The IBUS adapter's channel settings: the credentials the bus issues (a client licence and an IBUS user,
 * as in the ERP's "Comarch ERP Integration BUS" customizing), page size and request rate. Secrets never
 * appear in a message.
 */
import {
  declareSettings,
  type PagingSettings,
  pageSizeField,
  readPageSize,
  readRequestsPerSecond,
  requestsPerSecondField,
  requiredField,
} from '../kit/index.ts';

/** The credentials the bus issues; the token request sends them as they are. */
export interface IbusCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export type IbusSettings = IbusCredentials & PagingSettings;

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 500;
/** The bus allows 10 requests per second per client (protocol v1). */
export const IBUS_REQUESTS_PER_SECOND = 10;

const CLIENT_ID_HELP =
  'The licence id of the IBUS client (Customizing > Comarch ERP Integration BUS > Client ID).';

export const ibusSettings = declareSettings<IbusSettings>(
  'IBUS',
  [
    requiredField('clientId', 'Client ID', 'string', CLIENT_ID_HELP),
    requiredField('clientSecret', 'Client password', 'secret', "The licence id's password."),
    requiredField('username', 'User', 'string', 'The IBUS user Kontor signs in as.'),
    requiredField('password', 'User password', 'secret', "The IBUS user's password."),
    pageSizeField(DEFAULT_PAGE_SIZE, `Feed entries per request (1-${MAX_PAGE_SIZE}).`),
    requestsPerSecondField(
      `Upper limit of requests per second (the bus allows ${IBUS_REQUESTS_PER_SECOND}; lower it to share the limit).`,
      IBUS_REQUESTS_PER_SECOND,
    ),
  ],
  (read) => {
    const requestsPerSecond = readRequestsPerSecond(
      read,
      IBUS_REQUESTS_PER_SECOND,
      IBUS_REQUESTS_PER_SECOND,
      "the bus's limit per client",
    );
    return {
      clientId: read.required('clientId', 'the licence id of the IBUS client'),
      clientSecret: read.required('clientSecret', "the licence id's password"),
      username: read.required('username', 'the IBUS user'),
      password: read.required('password', "the IBUS user's password"),
      pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
      requestsPerSecond,
    };
  },
);

export const readIbusSettings = ibusSettings.parse;
