/**
 * A Comarch SFA server simulator speaking the interface Kontor defines (docs/protocols/sfa.md), over
 * node:http, for tests and the demo: OAuth 2.0 client credentials with expiring tokens, the customer list
 * with keyset paging by the server's receipt time, the id list for deletion scans, a rate limit and
 * OAuth-style error bodies, over a deterministic team of representatives and their customers (seed.ts).
 * `store` also plays the representatives' devices: customers entered on a device stay invisible until the
 * device synchronizes.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { SFA_PAGING } from '../../adapters/sfa/settings.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { generateSfa } from './seed.ts';
import { SfaApiError, sendError, sendFailure } from './simulator-errors.ts';
import { routeSfa, type SfaRouteContext } from './simulator-routes.ts';
import { SfaStore } from './simulator-store.ts';

export interface SfaSimulatorOptions {
  port?: number;
  host?: string;
  /** Generated customers. Default 200. */
  customers?: number;
  seed?: number;
  /** Share of deliberately broken records (country name, bad e-mail, old contact format). Default 0.02. */
  brokenShare?: number;
  /** Sales representatives in the team. Default 6. */
  representatives?: number;
  seedUntil?: Date;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of access tokens. Default 3600 s. */
  tokenTtlSeconds?: number;
  clock?: () => Date;
  /** Default 20 (the server's limit); null = none. */
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface SfaSimulator {
  url: string;
  clientId: string;
  clientSecret: string;
  store: SfaStore;
  requests: SimulatorRequest[];
  /** Makes every issued token expire now (as after an hour). */
  expireTokens(): void;
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

export async function startSfaSimulator(options: SfaSimulatorOptions = {}): Promise<SfaSimulator> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? (() => new Date());
  const store = new SfaStore({ clock, seed });
  store.load(
    generateSfa({
      customers: options.customers ?? 200,
      seed,
      brokenShare: options.brokenShare ?? 0.02,
      representatives: options.representatives ?? 6,
      until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
    }),
  );
  const clientId = options.clientId ?? 'kontor-import';
  const clientSecret =
    options.clientSecret ?? createHash('sha256').update(`sfa-secret-${seed}`).digest('base64url');
  const rate = options.requestsPerSecond === undefined ? SFA_PAGING.rateLimit : options.requestsPerSecond;
  const context: SfaRouteContext = {
    store,
    clientId,
    clientSecret,
    clock,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    tokens: new Map(),
    maxPageSize: 1000,
  };

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    try {
      return sendJson(res, 200, routeSfa(request, context));
    } catch (error) {
      if (error instanceof SfaApiError) return sendError(res, error);
      return sendJson(res, 500, {
        error: 'server_error',
        error_description: 'The SFA server could not answer the request.',
      });
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
    renderRateLimited: (res) =>
      sendError(
        res,
        new SfaApiError(
          429,
          'rate_limited',
          `Too many requests: at most ${rate} per second per API client.`,
          {
            'retry-after': '1',
          },
        ),
      ),
  });
  return {
    ...server,
    clientId,
    clientSecret,
    store,
    expireTokens: () => {
      for (const token of context.tokens.keys()) context.tokens.set(token, 0);
    },
  };
}
