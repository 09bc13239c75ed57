/**
 * The control endpoint of `kontor simulator --control-port`: a small HTTP server beside the simulator that
 * makes it behave like a shop in trouble, so that faults can be tried from outside (curl, a soak run):
 *   POST /failures       {"status": 429, "retryAfter": "2", "times": 3}   error statuses (429, 5xx)
 *                        {"delayMs": 30000, "times": 1}                    slow answers (timeouts)
 *                        {"drop": true, "times": 2}                        dropped connections
 *                        {"malformed": true, "times": 1}                   a cut-off JSON body (status 200)
 *                        optional "path" (part of the request path) and "method" select the requests
 *   POST /revoke-tokens                                                    every issued token ends now
 *   POST /future-change  {"count": 2}                                      change times in 2099
 *   GET  /               what the endpoint offers
 * Answers are JSON; a wrong body gets 400 naming the field.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatorFaults } from './harness.ts';
import { type InjectedFailure, sendJson } from './simulator-server.ts';

/** The body a malformed answer sends: JSON cut off in the middle, as from a proxy that closed early. */
export const MALFORMED_BODY = '{"items": [{"id": 1, "email": "cut-off@exam';
const MAX_BODY = 10_000;
const MAX_TIMES = 100_000;
const MAX_DELAY_MS = 600_000;

export interface FaultControl {
  url: string;
  close(): Promise<void>;
}

class BadRequest extends Error {}

export async function startFaultControl(
  faults: SimulatorFaults,
  options: { port?: number; host?: string } = {},
): Promise<FaultControl> {
  const server = createServer((req, res) => {
    void route(faults, req)
      .then(([status, body]) => sendJson(res, status, body))
      .catch((error: unknown) =>
        sendJson(res, error instanceof BadRequest ? 400 : 500, {
          error: error instanceof BadRequest ? error.message : 'control failure',
        }),
      );
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(faults: SimulatorFaults, req: IncomingMessage): Promise<[number, unknown]> {
  const path = new URL(req.url ?? '/', 'http://control').pathname;
  const key = `${req.method} ${path}`;
  if (key === 'GET /')
    return [200, { endpoints: ['POST /failures', 'POST /revoke-tokens', 'POST /future-change'] }];
  if (key === 'POST /failures') {
    const failure = parseFailure(await readJson(req));
    faults.injectFailure(failure);
    return [201, { injected: failure }];
  }
  if (key === 'POST /revoke-tokens') {
    return faults.revokeTokens()
      ? [200, { revoked: true }]
      : [409, { error: 'This simulator issues no tokens (its system authenticates with a fixed key).' }];
  }
  if (key === 'POST /future-change') {
    const body = await readJson(req);
    const count = body.count ?? 1;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1000)
      throw new BadRequest('count must be a whole number from 1 to 1000.');
    return [200, { changed: await faults.futureChange(count as number) }];
  }
  return [404, { error: `No control endpoint ${key}; GET / lists them.` }];
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new BadRequest(`The body must be at most ${MAX_BODY} characters.`);
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequest('The body must be JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new BadRequest('The body must be a JSON object.');
  return value as Record<string, unknown>;
}

/** A failure from its JSON, every field checked; exactly one of status, delayMs, drop, malformed is the fault. */
export function parseFailure(body: Record<string, unknown>): InjectedFailure {
  const known = new Set([
    'status',
    'retryAfter',
    'body',
    'delayMs',
    'drop',
    'malformed',
    'times',
    'path',
    'method',
  ]);
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new BadRequest(`Unknown field(s): ${unknown.join(', ')}.`);
  const times = body.times ?? 1;
  if (!Number.isInteger(times) || (times as number) < 1 || (times as number) > MAX_TIMES)
    throw new BadRequest(`times must be a whole number from 1 to ${MAX_TIMES}.`);
  const failure: InjectedFailure = { times: times as number };
  for (const field of ['path', 'method', 'retryAfter', 'body'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > 2000) throw new BadRequest(`${field} must be a string.`);
    failure[field] = field === 'method' ? value.toUpperCase() : value;
  }
  if (body.status !== undefined) {
    if (!Number.isInteger(body.status) || (body.status as number) < 400 || (body.status as number) > 599)
      throw new BadRequest('status must be an HTTP error status from 400 to 599.');
    failure.status = body.status as number;
  }
  if (body.delayMs !== undefined) {
    if (
      !Number.isInteger(body.delayMs) ||
      (body.delayMs as number) < 1 ||
      (body.delayMs as number) > MAX_DELAY_MS
    )
      throw new BadRequest(`delayMs must be a whole number from 1 to ${MAX_DELAY_MS}.`);
    failure.delayMs = body.delayMs as number;
  }
  if (body.drop !== undefined && typeof body.drop !== 'boolean')
    throw new BadRequest('drop must be true or false.');
  if (body.drop === true) failure.drop = true;
  if (body.malformed !== undefined && typeof body.malformed !== 'boolean')
    throw new BadRequest('malformed must be true or false.');
  if (body.malformed === true) {
    failure.status = 200;
    failure.body = MALFORMED_BODY;
  }
  const faultsGiven = [
    body.status,
    body.delayMs,
    body.drop === true || undefined,
    body.malformed === true || undefined,
  ];
  if (faultsGiven.filter((value) => value !== undefined).length === 0)
    throw new BadRequest('Give the fault: status, delayMs, drop or malformed.');
  if (body.malformed === true && body.status !== undefined)
    throw new BadRequest('malformed sends status 200; leave status out.');
  return failure;
}
