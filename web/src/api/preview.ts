/** The preview of Import customers (docs/api.md "Preview"): what an import would do, nothing written. */
import type { ImportSettingsBody, PreviewAction, PreviewPage } from '../../../src/api/wire-types.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { request } from './client.ts';

export type { PreviewAction, PreviewPage, PreviewRecord } from '../../../src/api/wire-types.ts';

const PATH = '/import-customers/preview';

/** Opens a preview; aborting the signal stops the server's read of the shop. */
export const startPreview = (application: ImportSettingsBody, limit: number, signal?: AbortSignal) =>
  request<PreviewPage>('POST', PATH, { body: { application, limit }, signal });

export const nextPreview = (id: string, limit: number, signal?: AbortSignal) =>
  request<PreviewPage>('POST', `${PATH}/${encodeURIComponent(id)}/next`, { body: { limit }, signal });

export const cancelPreview = (id: string) =>
  request<void>('DELETE', `${PATH}/${encodeURIComponent(id)}`, { quietUnauthorized: true });

export const ACTION_KEYS: Record<PreviewAction, MessageKey> = {
  create: 'previewAction.create',
  update: 'previewAction.update',
  unchanged: 'previewAction.unchanged',
  skipped: 'previewAction.skipped',
  awaiting: 'previewAction.awaiting',
  error: 'previewAction.error',
};

export const ACTION_COLORS: Record<PreviewAction, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
  skipped: 'gray',
  awaiting: 'orange',
  error: 'red',
};
