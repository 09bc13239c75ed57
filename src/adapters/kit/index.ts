/**
 * The adapter kit: paging driver, keyset cursor codec, settings declarations, token source, the By email
 * refusal, defineAdapter.
 */
export { refuseUnsupportedEmails } from './by-email.ts';
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
  declareSettings,
  pageSizeField,
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
