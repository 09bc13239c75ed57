/**
 * Answers an injected failure (simulator-kit) in a simulator's own error format: the test's body if it
 * gave one, else `bodyFor(status)`, with the test's Retry-After.
 */
import type { ServerResponse } from 'node:http';
import { type InjectedFailure, sendJson } from '../simulator-kit/simulator-server.ts';

export function sendInjectedFailure(
  res: ServerResponse,
  failure: InjectedFailure,
  bodyFor: (status: number) => unknown,
): number {
  const status = failure.status ?? 503;
  const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
  if (failure.body === undefined) return sendJson(res, status, bodyFor(status), headers);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(failure.body);
  return status;
}
