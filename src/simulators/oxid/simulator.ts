/**
 * An OXID eShop with the Kontor connector module, simulated over node:http for tests and the demo. It answers
 * like the shop does: the module's front controller `index.php?cl=kontor_connector&fnc=info|countries|users`
 * with the connector protocol (docs/protocols/oxid.md), a redirect to the start page for an unknown
 * controller or function (also when the module is not active), OXID's HTML 404 page for other paths, and
 * date-times in the shop's time zone. Tests change data in process through `store` (saving a user moves its
 * OXTIMESTAMP; saving a delivery address moves only the address's) and can inject failures.
 */
import type { ServerResponse } from 'node:http';
import { API_KEY_HEADER, CONTROLLER } from '../../adapters/oxid/oxid-api.ts';
import type { OxidInfo } from '../../adapters/oxid/oxid-types.ts';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendInjectedFailure,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { type BrokenKind, generateOxidShop } from './seed.ts';
import { OXID_COUNTRIES } from './simulator-countries.ts';
import { OxidStore } from './simulator-store.ts';
import { ConnectorError, usersPage } from './simulator-users.ts';

export type { InjectedFailure, SimulatorRequest } from '../kit/simulator-server.ts';

export interface OxidSimulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  /** The connector module's API key (default: derived from the seed). */
  apiKey?: string;
  /** Generated customers. Default 200. */
  customers?: number;
  /** Seed of the generated shop. Default 1. */
  seed?: number;
  /** Share (0..1) of deliberately broken customers. Default 0.02. */
  brokenShare?: number;
  /** No generated timestamp is later than this. Default 2025-06-30T12:00:00Z. */
  seedUntil?: Date;
  /** The shop's clock (OXTIMESTAMP of saves, tombstones). Default: real time. */
  clock?: () => Date;
  /** The shop's time zone (PHP's and the database session's). Default Europe/Berlin. */
  timeZone?: string;
  /** Whether the Kontor connector module is active. Default true. */
  moduleActive?: boolean;
  /** More requests per second than this get a 429 (a limit in front of the shop). */
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface OxidSimulator {
  /** The shop's base URL (what a channel is configured with). */
  url: string;
  apiKey: string;
  timeZone: string;
  store: OxidStore;
  /** OXIDs of the deliberately broken customers. */
  broken: ReadonlyMap<string, BrokenKind>;
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

const START_PAGE =
  '<!DOCTYPE html><html lang="de"><head><title>OXID eShop - Startseite</title></head>' +
  '<body class="cl-start"><h1>Willkommen im OXID eShop</h1></body></html>';
const NOT_FOUND_PAGE =
  '<!DOCTYPE html><html lang="de"><head><title>Seite nicht gefunden</title></head>' +
  '<body><h1>Die angeforderte Seite wurde nicht gefunden.</h1></body></html>';
const OFFLINE_PAGE =
  '<!DOCTYPE html><html><head><title>Shop offline</title></head>' +
  '<body><h1>Der Shop ist vorübergehend nicht erreichbar.</h1></body></html>';

export async function startOxidSimulator(options: OxidSimulatorOptions = {}): Promise<OxidSimulator> {
  const seed = options.seed ?? 1;
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const apiKey = options.apiKey ?? `oxk_${(seed * 2654435761).toString(36)}_${'k'.repeat(8)}`;
  const store = new OxidStore(options.clock ?? (() => new Date()));
  const shop = generateOxidShop({
    customers: options.customers ?? 200,
    seed,
    brokenShare: options.brokenShare ?? 0.02,
    until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
  });
  store.load(shop.users, shop.tombstones);
  const moduleActive = options.moduleActive ?? true;

  function connector(fnc: string, query: URLSearchParams, headers: IncomingSimulatorRequest['headers']) {
    if (headers[API_KEY_HEADER] !== apiKey)
      throw new ConnectorError(401, 'unauthorized', 'Missing or invalid API key.');
    const shopId = query.get('shp') ?? '1';
    if (shopId !== '1') throw new ConnectorError(400, 'unknown_shop', `There is no shop ${shopId}.`);
    if (fnc === 'info') {
      const info: OxidInfo = {
        connector: 'kontor-oxid-connector 1.0.0',
        protocol: '1',
        shopId,
        shopName: 'OXID eShop Simulator',
        edition: 'CE',
        version: '7.1.0',
        timeZone,
        users: store.customers(shopId).length,
      };
      return info;
    }
    if (fnc === 'countries') return { countries: OXID_COUNTRIES };
    return usersPage(store, query, { shopId, timeZone });
  }

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    const { url } = request;
    if (url.pathname !== '/' && url.pathname !== '/index.php') return sendHtml(res, 404, NOT_FOUND_PAGE);
    const cl = (url.searchParams.get('cl') ?? '').toLowerCase();
    const fnc = url.searchParams.get('fnc') ?? '';
    if (cl === '' || cl === 'start') return sendHtml(res, 200, START_PAGE);
    // OXID redirects requests for an unknown controller (or a function it does not have) to the start page.
    if (cl !== CONTROLLER || !moduleActive || !['info', 'countries', 'users'].includes(fnc)) {
      res.writeHead(302, { location: '/index.php?cl=start' });
      res.end();
      return 302;
    }
    try {
      return sendJson(res, 200, connector(fnc, url.searchParams, request.headers));
    } catch (error) {
      if (error instanceof ConnectorError) return sendJson(res, error.status, error.body());
      throw error;
    }
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: options.requestsPerSecond,
    failurePath: (url) => `${url.pathname}?fnc=${url.searchParams.get('fnc') ?? ''}`,
    handle,
    renderFailure: (res, failure) => {
      const status = failure.status ?? 503;
      // JSON where the connector answers (or the test gave a body), HTML where OXID or its web server does.
      if (failure.body !== undefined || status === 429)
        return sendInjectedFailure(res, failure, () => tooManyRequests());
      const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      return sendHtml(res, status, status === 503 ? OFFLINE_PAGE : '<h1>Internal Server Error</h1>', headers);
    },
    renderRateLimited: (res) => sendJson(res, 429, tooManyRequests(), { 'retry-after': '1' }),
  });
  return { ...server, apiKey, timeZone, store, broken: shop.broken };
}

function tooManyRequests() {
  return { error: 'too_many_requests', message: 'Too many requests; try again in a second.' };
}

function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, { 'content-type': 'text/html; charset=UTF-8', ...headers });
  res.end(html);
  return status;
}
