/**
 * A Comarch ERP Webshop simulator speaking protocol 17 as Kontor defines it (docs/protocols/webshop.md),
 * over node:http, for tests and the demo: the protocol handshake, HMAC-signed requests with a clock-skew
 * check, the B2B customer change list with keyset paging and tombstones, a rate limit, and the protocol's
 * error bodies, over a deterministic generated webshop (seed.ts). Tests can make it speak other protocol
 * versions, switch B2B off, inject failures, move the clock and change the data through `store`.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { WEBSHOP_PAGING } from '../../adapters/webshop/settings.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { generateWebshop } from './seed.ts';
import { sendError, sendFailure, tooManyRequests, WebshopApiError } from './simulator-errors.ts';
import { routeWebshop, type WebshopRouteContext } from './simulator-routes.ts';
import { WebshopStore } from './simulator-store.ts';

export interface WebshopSimulatorOptions {
  port?: number;
  host?: string;
  /** Generated companies. Default 200. */
  customers?: number;
  seed?: number;
  /** Share of deliberately broken records (empty date, country name instead of code, bad e-mail). Default 0.02. */
  brokenShare?: number;
  /** Share of accounts deleted long ago, whose tombstones are in the list. Default 0.03. */
  deletedShare?: number;
  seedUntil?: Date;
  /** The webshop's name in its synchronization data. Default "demo-webshop". */
  shopName?: string;
  /** The synchronization key (default: derived from the seed, 40 hex characters). */
  apiKey?: string;
  /** Protocol versions the webshop speaks. Default [17] (Comarch Webshop 2024.3). */
  protocols?: number[];
  /** Webshop release in the handshake. Default "2024.3.1". */
  version?: string;
  /** Whether the webshop sells to businesses. Default true. */
  b2b?: boolean;
  clock?: () => Date;
  /** Default 300; null switches the check off (tests that move the clock far). */
  maxClockSkewSeconds?: number | null;
  tombstoneRetentionDays?: number;
  /** Default 10 (the protocol's limit); null = none. */
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface WebshopSimulator {
  url: string;
  shopName: string;
  apiKey: string;
  store: WebshopStore;
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

export async function startWebshopSimulator(
  options: WebshopSimulatorOptions = {},
): Promise<WebshopSimulator> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const store = new WebshopStore({ clock, tombstoneRetentionDays: options.tombstoneRetentionDays ?? 90 });
  store.load(
    generateWebshop({
      customers: options.customers ?? 200,
      seed,
      brokenShare: options.brokenShare ?? 0.02,
      deletedShare: options.deletedShare ?? 0.03,
      until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
    }),
  );
  const shopName = options.shopName ?? 'demo-webshop';
  const apiKey = options.apiKey ?? createHash('sha1').update(`webshop-key-${seed}`).digest('hex');
  const rate = options.requestsPerSecond === undefined ? WEBSHOP_PAGING.rateLimit : options.requestsPerSecond;
  const context: WebshopRouteContext = {
    store,
    info: {
      product: 'Comarch Webshop',
      version: options.version ?? '2024.3.1',
      protocols: options.protocols ?? [17],
      b2b: options.b2b ?? true,
    },
    shopName,
    apiKey,
    clock,
    maxClockSkewSeconds: options.maxClockSkewSeconds === undefined ? 300 : options.maxClockSkewSeconds,
    maxPageSize: 500,
  };

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    try {
      return sendJson(res, 200, routeWebshop(request, context));
    } catch (error) {
      if (error instanceof WebshopApiError) return sendError(res, error);
      return sendJson(res, 500, { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' });
    }
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: rate,
    handle,
    renderFailure: sendFailure,
    renderRateLimited: (res) => sendError(res, tooManyRequests(rate ?? 0)),
  });
  return { ...server, shopName, apiKey, store };
}
