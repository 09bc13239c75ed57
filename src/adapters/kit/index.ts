/**
 * The adapter kit: paging driver, keyset cursor codec, settings declarations and fields, token source,
 * the By email refusal, defineAdapter (with the capabilities most adapters share).
 */
export { refuseUnsupportedEmails } from './by-email.ts';
export {
  type ClientCredentials,
  type ClientCredentialsClient,
  type ClientCredentialsClientOptions,
  type ClientCredentialsOptions,
  clientCredentialsClient,
  clientCredentialsTokens,
} from './client-credentials.ts';
export type { ConnectedApi } from './connected-api.ts';
export { countText } from './count-text.ts';
export {
  type AdapterDefinition,
  type CapabilityDeclaration,
  connectionKey,
  DEFAULT_CAPABILITIES,
  defineAdapter,
} from './define-adapter.ts';
export { type KeysetCursor, type KeysetCursorCodec, keysetCursorCodec } from './keyset-cursor.ts';
export {
  compareOrdinal,
  type DrivenPage,
  drivePages,
  type FetchedPage,
  type PagingOptions,
} from './paging.ts';
export {
  type PageLimits,
  type PagingLimits,
  type PagingSettings,
  pagingFields,
  readPaging,
  readThrottledPaging,
  type ThrottledPagingSettings,
} from './paging-settings.ts';
export { optionalField, requiredField } from './setting-fields.ts';
export {
  declareSettings,
  pageSizeField,
  readOptionalRequestsPerSecond,
  readPageSize,
  readRequestsPerSecond,
  requestsPerSecondField,
  type SettingsDeclaration,
} from './settings.ts';
export {
  createTokenSource,
  type IssuedToken,
  type TokenSource,
  type TokenSourceOptions,
} from './token-source.ts';
