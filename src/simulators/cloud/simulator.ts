/**
 * A generic cloud customer API for tests and the demo, in one of two flavours (simulator-flavours.ts):
 * the Kontor cloud shape (cursor paging) or a legacy shop API (page numbers, other names). Customers come
 * from the shared sample people (a share of guests and of businesses); `store` changes, adds and deletes
 * them in process, stamping the simulator's clock. Deleted customers vanish without a trace.
 */
import type { ServerResponse } from 'node:http';
import {
  type IncomingSimulatorRequest,
  type InjectedFailure,
  type SimulatorRequest,
  sendInjectedFailure,
  sendJson,
  startSimulatorServer,
} from '../kit/simulator-server.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { generatePeople } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';
import { CLOUD_FLAVOURS, type CloudFlavourName, listOrError } from './simulator-flavours.ts';
import { CloudStore } from './simulator-store.ts';

export interface CloudSimulatorOptions {
  flavour?: CloudFlavourName;
  port?: number;
  host?: string;
  /** Default 200. */
  customers?: number;
  seed?: number;
  /** Share of deliberately broken customers. Default 0.02. */
  brokenShare?: number;
  /** Share of guests (occasional customers). Default 0.1. */
  guestShare?: number;
  /** Share of businesses. Default 0.3. */
  companyShare?: number;
  seedUntil?: Date;
  clock?: () => Date;
  /** The bearer token or API key. Default derived from the seed. */
  token?: string;
  requestsPerSecond?: number | null;
  latencyMs?: number;
  failures?: readonly InjectedFailure[];
}

export interface CloudSimulator {
  url: string;
  token: string;
  flavour: CloudFlavourName;
  /** The settings of a channel that reads this simulator (besides its URL). */
  channelSettings: Record<string, string>;
  store: CloudStore;
  /** Ids of the deliberately broken customers and how they are broken. */
  broken: Map<string, 'email' | 'date' | 'country'>;
  requests: SimulatorRequest[];
  injectFailure(failure: InjectedFailure): void;
  close(): Promise<void>;
}

export async function startCloudSimulator(options: CloudSimulatorOptions = {}): Promise<CloudSimulator> {
  const flavour = CLOUD_FLAVOURS[options.flavour ?? 'kontor'];
  const seed = options.seed ?? 1;
  const rng = new Prng(seed ^ 0xc10d);
  const clock = options.clock ?? (() => new Date());
  const people = generatePeople({
    count: options.customers ?? 200,
    seed,
    companyShare: options.companyShare ?? 0.3,
    until: options.seedUntil ?? DEFAULT_SEED_UNTIL,
  });
  const guestShare = options.guestShare ?? 0.1;
  const items = people.map((person) => ({
    raw: flavour.fromPerson(person, rng, rng.chance(guestShare)),
    at: Math.floor(person.updatedAt.getTime() / 1000) * 1000,
  }));
  const broken = new Map<string, 'email' | 'date' | 'country'>();
  const brokenCount = Math.min(items.length, Math.round(items.length * (options.brokenShare ?? 0.02)));
  while (broken.size < brokenCount) {
    const item = rng.pick(items);
    const id = flavour.idOf(item.raw);
    if (broken.has(id)) continue;
    const kind = rng.pick(['email', 'date', 'country'] as const);
    flavour.breakItem(item.raw, kind);
    broken.set(id, kind);
  }
  const store = new CloudStore(flavour, clock);
  store.load(items);
  const token =
    options.token ?? `ck_${seed.toString(36)}_${Math.floor(new Prng(seed).next() * 1e12).toString(36)}`;

  function handle(request: IncomingSimulatorRequest, res: ServerResponse): number {
    const path = request.url.pathname.replace(/\/+$/, '');
    if (request.method !== 'GET' || path !== flavour.path)
      return sendJson(res, 404, flavour.error(404, `No route ${request.method} ${path}.`));
    if (!flavour.authorized(request.headers, token))
      return sendJson(res, 401, flavour.error(401, 'Missing or invalid credentials.'));
    const answer = listOrError(flavour, store, request.url.searchParams);
    return sendJson(res, answer.status, answer.body);
  }

  const server = await startSimulatorServer({
    port: options.port,
    host: options.host,
    latencyMs: options.latencyMs,
    failures: options.failures,
    requestsPerSecond: options.requestsPerSecond ?? null,
    handle,
    renderFailure: (res, failure) =>
      sendInjectedFailure(res, failure, (status) =>
        flavour.error(status, `Injected failure (HTTP ${status}).`),
      ),
    renderRateLimited: (res) =>
      sendJson(res, 429, flavour.error(429, 'Rate limit exceeded.'), { 'retry-after': '1' }),
  });
  return {
    ...server,
    token,
    flavour: flavour.name,
    channelSettings: flavour.channelSettings(token),
    store,
    broken,
    requests: server.requests,
  };
}
