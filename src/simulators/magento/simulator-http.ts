/**
 * HTTP plumbing of the simulator: JSON answers as Magento sends them, request bodies, and the failures a
 * test injects (what a failing Magento stack sends: maintenance page, masked exception, edge rate limit).
 */
import type { ServerResponse } from 'node:http';
import { type InjectedFailure, sendJson } from '../kit/simulator-server.ts';
import { MagentoApiError, MESSAGES } from './simulator-errors.ts';

/** The JSON request body; undefined when empty; a 400 like Magento's when it is not JSON. */
export function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new MagentoApiError(400, MESSAGES.decoding, [
      error instanceof Error ? error.message : 'Syntax error',
    ]);
  }
}

const MAINTENANCE_PAGE =
  '<!doctype html><html><head><title>Error 503: Service Unavailable</title></head>' +
  '<body><h1>Service Temporarily Unavailable</h1></body></html>';

/** Answers with an injected failure: 503 maintenance page (HTML), 5xx masked exception, 429 edge limit. */
export function sendFailure(res: ServerResponse, failure: InjectedFailure): number {
  const status = failure.status ?? 503;
  const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
  if (failure.body !== undefined) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(failure.body);
    return status;
  }
  if (status === 503) {
    res.writeHead(503, { 'content-type': 'text/html; charset=UTF-8', ...headers });
    res.end(MAINTENANCE_PAGE);
    return status;
  }
  if (status === 429) return sendJson(res, 429, { message: MESSAGES.tooManyRequests }, headers);
  if (status >= 500)
    return sendJson(res, status, { message: MESSAGES.internal, parameters: ['0123456789ab'] }, headers);
  return sendJson(res, status, { message: `Injected failure (HTTP ${status}).` }, headers);
}
