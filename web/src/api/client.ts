/**
 * The one way the web UI talks to the HTTP API (docs/api.md): same-origin cookies, the CSRF header on
 * state-changing requests, and errors as ApiError with the API's code, message and field.
 */
import type { ErrorBody } from '../../../src/api/wire-types.ts';
import { currentLanguage, translate } from '../i18n/translate.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The input field the error is about, as a dotted path into the request (`batch.queue`). */
  readonly field: string | null;

  constructor(status: number, code: string, message: string, field: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** What a request can tell about the session: it ended (401), or the password must be changed first. */
export type SessionProblem = 'ended' | 'password-change-required';
type SessionListener = (problem: SessionProblem) => void;
const sessionListeners = new Set<SessionListener>();

/** Called when a request answers 401 or 403 PASSWORD_CHANGE_REQUIRED: the app shows login or password change. */
export function onSessionProblem(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;
/** The query of a route as the web UI builds it: every parameter may be left out or null (no filter). */
export type QueryOf<T> = { [K in keyof T]?: T[K] | null };

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not report a 401 as "session ended" (the login request itself). */
  quietUnauthorized?: boolean;
  signal?: AbortSignal;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-Kontor-Request'] = '1';
    // The server's messages show times in the browser's time zone (src/api/client-time-format.ts).
    headers['X-Kontor-Time-Zone'] = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
  // The web UI's language: a server that speaks it may answer in it (its messages, errors).
  headers['Accept-Language'] = currentLanguage();
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', translate('common.networkError'), null);
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
  const error = await toApiError(response);
  const problem: SessionProblem | null =
    response.status === 401 && !options.quietUnauthorized
      ? 'ended'
      : error.code === 'PASSWORD_CHANGE_REQUIRED'
        ? 'password-change-required'
        : null;
  if (problem) for (const listener of sessionListeners) listener(problem);
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    // An error body (ErrorBody) unless a proxy in between answered: every field is checked.
    const body = (await response.json()) as { [K in keyof ErrorBody]?: unknown };
    return new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      typeof body.message === 'string' ? body.message : response.statusText,
      typeof body.field === 'string' ? body.field : null,
    );
  } catch {
    return new ApiError(
      response.status,
      `HTTP_${response.status}`,
      translate('common.serverAnswered', { status: String(response.status), text: response.statusText }),
      null,
    );
  }
}

/** A readable message for anything a request may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
};
