/**
 * Test support for the HTTP API: an API on a test database with a controllable clock, users made directly
 * through the UserService, and a client that logs in and sends the session cookie and the CSRF header.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { AdapterRegistry } from '../../src/adapters/registry.ts';
import type { ApiInstance } from '../../src/api/route-plugin.ts';
import { buildApi } from '../../src/api/server.ts';
import type { BatchApplications } from '../../src/batch/batch-application.ts';
import type { Logger } from '../../src/domain/logger.ts';
import type { Db } from '../../src/storage/db.ts';
import { type HashCost, PasswordHasher } from '../../src/users/password-hasher.ts';
import { UserService } from '../../src/users/user-service.ts';
import { testApplications } from './batch-fixtures.ts';
import { testAdapters } from './import-fixtures.ts';

/** The real argon2id, cheaper: tests log in hundreds of times (production: 64 MiB, t=3, p=4). */
export const TEST_HASH_COST = { memoryCost: 4096, timeCost: 2, parallelism: 1 };

export const PASSWORD = 'correct horse battery';

export class TestClock {
  constructor(public time = Date.now()) {}
  now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestApi {
  app: ApiInstance;
  clock: TestClock;
  users: UserService;
  /** Creates a user with PASSWORD who need not change it. */
  addUser(name: string, role?: 'administrator' | 'user'): Promise<void>;
  /** Logs in and returns a client that sends the session cookie and the CSRF header. */
  as(name: string, password?: string): Promise<Client>;
  /** A client without session (but with the CSRF header). */
  anonymous(): Client;
}

export interface Client {
  cookie: string | null;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function client(app: ApiInstance, cookie: string | null): Client {
  const headers = (): Record<string, string> => ({
    'x-kontor-request': '1',
    ...(cookie ? { cookie: `kontor_session=${cookie}` } : {}),
  });
  const send = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      // A string body is sent as it is, as JSON text (hostile bodies that no object could make).
      headers: typeof body === 'string' ? { ...headers(), 'content-type': 'application/json' } : headers(),
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers: headers() }),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
  };
}

/** The session id of a login answer's Set-Cookie. */
export function sessionCookie(response: LightMyRequestResponse): string | null {
  const cookie = response.cookies.find((c) => c.name === 'kontor_session');
  return cookie && cookie.value !== '' ? cookie.value : null;
}

export function testApi(
  db: Db,
  options: {
    adapters?: AdapterRegistry;
    applications?: BatchApplications;
    appServer?: string | null;
    heartbeatMs?: number;
    trustProxy?: boolean;
    logger?: Logger;
    requestLog?: boolean;
    metricsToken?: string;
    loginSleep?: (ms: number) => Promise<void>;
    hashCost?: HashCost;
  } = {},
): TestApi {
  const clock = new TestClock();
  const app = buildApi({
    db,
    adapters: options.adapters ?? testAdapters,
    applications: options.applications ?? testApplications,
    options: {
      secureCookies: true,
      webRoot: null,
      version: '0.0.0-test',
      appServer: options.appServer ?? null,
      clock: clock.now,
      hashCost: options.hashCost ?? TEST_HASH_COST,
      ...(options.loginSleep ? { loginSleep: options.loginSleep } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.trustProxy ? { trustProxy: true } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.requestLog ? { requestLog: true } : {}),
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    },
  });
  const users = new UserService(db, { hasher: new PasswordHasher(TEST_HASH_COST), clock: clock.now });
  return {
    app,
    clock,
    users,
    async addUser(name, role = 'user') {
      await users.add({ name, role, password: PASSWORD, mustChangePassword: false });
    },
    async as(name, password = PASSWORD) {
      const response = await client(app, null).post('/api/auth/login', { name, password });
      if (response.statusCode !== 200)
        throw new Error(`login of ${name}: ${response.statusCode} ${response.body}`);
      return client(app, sessionCookie(response));
    },
    anonymous: () => client(app, null),
  };
}

/** The body of POST /api/import-customers: all customers of channel "shop", Add to queue. */
export function importBody(application: Record<string, unknown> = {}, batch: Record<string, unknown> = {}) {
  return {
    application: { channel: 'shop', changedSince: 'anytime', confirmAllWarnings: true, ...application },
    batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none', ...batch },
  };
}
