/**
 * The simulator's OAuth 2 server, as Shopware 6 runs league/oauth2-server: POST /api/oauth/token with
 * the client_credentials grant (an integration's access key ID "SWIA..." and secret access key), the
 * password grant (client_id "administration", an admin user) and the refresh_token grant. Access tokens
 * (JWT-like) live 10 minutes (expires_in 600) on the simulator's clock; refresh tokens a week. The token
 * route has Shopware's "oauth" rate limiter (time backoff per username and client IP: from the 10th
 * request 10 s between requests, from the 15th 30 s, from the 20th 60 s; a successful request resets it),
 * answering 429 FRAMEWORK__AUTH_THROTTLED. Integrations may be limited to ACL privileges ("customer:read").
 */
import { fail, OAUTH } from './simulator-errors.ts';

export const ACCESS_TOKEN_SECONDS = 600;
const REFRESH_TOKEN_MS = 7 * 86_400_000;
const BACKOFF: ReadonlyArray<{ limit: number; seconds: number }> = [
  { limit: 20, seconds: 60 },
  { limit: 15, seconds: 30 },
  { limit: 10, seconds: 10 },
];
const RESET_MS = 86_400_000;

export interface Integration {
  clientId: string;
  clientSecret: string;
  /** ACL privileges ("customer:read"); undefined = administrator. */
  privileges?: readonly string[];
}

export interface AuthOptions {
  integrations: readonly Integration[];
  admin: { username: string; password: string };
  clock: () => Date;
}

interface Grant {
  expires: number;
  privileges: readonly string[] | undefined;
}

export class SimulatorAuth {
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, number>();
  private readonly attempts = new Map<string, { count: number; last: number }>();
  private serial = 0;

  constructor(private readonly options: AuthOptions) {}

  /** POST /api/oauth/token; `key` identifies the caller for the rate limiter (username and client IP). */
  token(body: Record<string, unknown>, ip: string): Record<string, unknown> {
    const key = `${typeof body.username === 'string' ? body.username : ''}-${ip}`;
    this.throttle(key);
    const response = this.grant(body);
    this.attempts.delete(key);
    return response;
  }

  /** The privileges of a valid bearer token (undefined = all); a 401 like Shopware's otherwise. */
  authenticate(authorization: string | undefined): readonly string[] | undefined {
    if (!authorization) throw OAUTH.accessDenied('Missing "Authorization" header');
    const token = authorization.replace(/^\s*Bearer\s+/i, '').trim();
    if (token.split('.').length !== 3) throw OAUTH.accessDenied('The JWT string must have two dots');
    const grant = this.accessTokens.get(token);
    if (!grant || grant.expires <= this.now()) throw OAUTH.accessDenied('Access token could not be verified');
    return grant.privileges;
  }

  /** Revokes every access token (as when the shop's signing keys change). */
  revokeAll(): void {
    this.accessTokens.clear();
  }

  private grant(body: Record<string, unknown>): Record<string, unknown> {
    switch (body.grant_type) {
      case 'client_credentials': {
        if (typeof body.client_id !== 'string' || body.client_id === '')
          throw OAUTH.invalidRequest('client_id');
        const integration = this.options.integrations.find((item) => item.clientId === body.client_id);
        if (!integration || integration.clientSecret !== body.client_secret) throw OAUTH.invalidClient();
        return this.issue(integration.privileges, false);
      }
      case 'password': {
        if (body.client_id !== 'administration') throw OAUTH.invalidClient();
        if (typeof body.username !== 'string') throw OAUTH.invalidRequest('username');
        if (typeof body.password !== 'string') throw OAUTH.invalidRequest('password');
        const { admin } = this.options;
        if (body.username !== admin.username || body.password !== admin.password)
          throw OAUTH.invalidCredentials();
        return this.issue(undefined, true);
      }
      case 'refresh_token': {
        const expires =
          typeof body.refresh_token === 'string' ? this.refreshTokens.get(body.refresh_token) : undefined;
        if (expires === undefined || expires <= this.now()) throw OAUTH.invalidGrant();
        this.refreshTokens.delete(body.refresh_token as string);
        return this.issue(undefined, true);
      }
      case undefined:
      case null:
      case '':
        throw OAUTH.unsupportedGrantType();
      default:
        throw OAUTH.unsupportedGrantType();
    }
  }

  private issue(privileges: readonly string[] | undefined, withRefresh: boolean): Record<string, unknown> {
    const now = this.now();
    this.serial += 1;
    const accessToken = jwtLike(now, this.serial);
    this.accessTokens.set(accessToken, { expires: now + ACCESS_TOKEN_SECONDS * 1000, privileges });
    const response: Record<string, unknown> = {
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      access_token: accessToken,
    };
    if (withRefresh) {
      const refreshToken = `def50200${Buffer.from(`refresh:${now}:${this.serial}`).toString('hex')}`;
      this.refreshTokens.set(refreshToken, now + REFRESH_TOKEN_MS);
      response.refresh_token = refreshToken;
    }
    return response;
  }

  private throttle(key: string): void {
    const now = this.now();
    const seen = this.attempts.get(key);
    const state = seen && now - seen.last < RESET_MS ? seen : { count: 0, last: 0 };
    const step = BACKOFF.find((item) => state.count >= item.limit);
    if (step) {
      const wait = Math.ceil((state.last + step.seconds * 1000 - now) / 1000);
      if (wait > 0)
        fail(429, 'FRAMEWORK__AUTH_THROTTLED', 'Auth throttled for {{ seconds }} seconds.', {
          seconds: wait,
        });
    }
    this.attempts.set(key, { count: state.count + 1, last: now });
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}

/** Whether privileges allow reading `entity` (undefined = administrator). */
export function mayRead(privileges: readonly string[] | undefined, entity: string): boolean {
  return privileges === undefined || privileges.includes(`${entity}:read`);
}

/** An integration's access key ID like Shopware's (SWIA + 22 upper-case base64url characters), from the seed. */
export function integrationKeys(seed: number): Integration {
  const random = (length: number, salt: number, alphabet: string): string => {
    let state = (seed ^ salt) >>> 0;
    let text = '';
    for (let index = 0; index < length; index++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      text += alphabet.charAt(state % alphabet.length);
    }
    return text;
  };
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const any = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return { clientId: `SWIA${random(22, 0x51a, upper)}`, clientSecret: random(43, 0x5ec, any) };
}

/** Looks like Shopware's access tokens (an RS256 JWT: header.payload.signature); opaque, not signed. */
function jwtLike(now: number, serial: number): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const issuedAt = Math.floor(now / 1000);
  const header = encode({ typ: 'JWT', alg: 'RS256' });
  const payload = encode({
    aud: 'integration',
    jti: `${serial.toString(16).padStart(8, '0')}${issuedAt.toString(16)}`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + ACCESS_TOKEN_SECONDS,
    sub: '',
    scopes: ['write'],
  });
  return `${header}.${payload}.${Buffer.from(`sig:${serial}:${now}`).toString('base64url')}`;
}
