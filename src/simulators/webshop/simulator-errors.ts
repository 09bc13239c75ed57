/** The error answers of protocol 17 (docs/protocols/webshop.md): `{ code, message }`, plus details for some codes. */
import type { ServerResponse } from 'node:http';
import type { WebshopErrorBody } from '../../adapters/webshop/webshop-types.ts';
import { type InjectedFailure, sendInjectedFailure, sendJson } from '../kit/simulator-server.ts';

export class WebshopApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<WebshopErrorBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): WebshopErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const tooManyRequests = (limit: number): WebshopApiError =>
  new WebshopApiError(
    429,
    'RATE_LIMITED',
    `Too many requests: at most ${limit} per second per shop.`,
    {},
    { 'retry-after': '1' },
  );

export function sendError(res: ServerResponse, error: WebshopApiError): number {
  return sendJson(res, error.status, error.body(), error.headers);
}

/** Answers with an injected failure as the webshop would: maintenance (503), internal error (5xx), rate limit. */
export function sendFailure(res: ServerResponse, failure: InjectedFailure): number {
  return sendInjectedFailure(res, failure, (status) => {
    const [code, message] =
      status === 503
        ? ['MAINTENANCE', 'The webshop is being updated. Try again in a few minutes.']
        : status === 429
          ? ['RATE_LIMITED', 'Too many requests.']
          : status >= 500
            ? ['INTERNAL_ERROR', 'An unexpected error occurred.']
            : ['INJECTED', `Injected failure (HTTP ${status}).`];
    return { code, message, traceId: '00-4bf92f3577b34da6-00' };
  });
}
