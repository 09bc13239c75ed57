/** The SFA server's error answers: the OAuth 2.0 error shape `{ error, error_description }` for every endpoint. */
import type { ServerResponse } from 'node:http';
import { type InjectedFailure, sendInjectedFailure, sendJson } from '../kit/simulator-server.ts';

export class SfaApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 401 for the data endpoints, with the RFC 6750 WWW-Authenticate header. */
export const invalidToken = (description: string): SfaApiError =>
  new SfaApiError(401, 'invalid_token', description, {
    'www-authenticate': `Bearer realm="sfa", error="invalid_token", error_description="${description}"`,
  });

export function sendError(res: ServerResponse, error: SfaApiError): number {
  return sendJson(res, error.status, { error: error.error, error_description: error.message }, error.headers);
}

export function sendFailure(res: ServerResponse, failure: InjectedFailure): number {
  return sendInjectedFailure(res, failure, (status) => {
    const [error, description] =
      status === 503
        ? ['temporarily_unavailable', 'The SFA server is under maintenance.']
        : status === 429
          ? ['rate_limited', 'Too many requests.']
          : status >= 500
            ? ['server_error', 'The SFA server could not answer the request.']
            : ['injected', `Injected failure (HTTP ${status}).`];
    return { error, error_description: description };
  });
}
