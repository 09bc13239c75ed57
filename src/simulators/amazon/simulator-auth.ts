/**
 * Authorization as SP-API does it, for the simulator:
 * - Login with Amazon exchanges the application's client id and secret and the seller's refresh token for
 *   an access token (Atza|…, 3600 s), with LWA's OAuth error bodies;
 * - the Tokens API turns an access token into a restricted data token (Atz.sprdt|…, 3600 s) for restricted
 *   resources and data elements the application has roles for;
 * - every SP-API request carries one of them in x-amz-access-token; a missing, unknown or expired token is a
 *   403 with Amazon's wording.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataElement, RestrictedResource } from '../../adapters/amazon/sp-api-types.ts';

export interface LwaCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface IssuedToken {
  kind: 'access' | 'restricted';
  expiresAt: number;
  /** Restricted data tokens: what they open. */
  resources: RestrictedResource[];
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; details: string };

export class SimulatorAuth {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    readonly credentials: LwaCredentials,
    private readonly options: {
      clock: () => Date;
      accessTokenSeconds: number;
      /** The data elements the application has roles for. */
      roles: ReadonlySet<DataElement>;
    },
  ) {}

  /** POST /auth/o2/token: the LWA answer (status and body). */
  exchange(params: Readonly<Record<string, string>>): { status: number; body: unknown } {
    for (const name of ['grant_type', 'client_id']) {
      if (!params[name])
        return lwaError(400, 'invalid_request', `The request is missing a required parameter : ${name}`);
    }
    if (params.grant_type !== 'refresh_token') {
      return lwaError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server',
      );
    }
    if (!params.refresh_token) {
      return lwaError(400, 'invalid_request', 'The request is missing a required parameter : refresh_token');
    }
    if (
      params.client_id !== this.credentials.clientId ||
      params.client_secret !== this.credentials.clientSecret
    ) {
      return lwaError(401, 'invalid_client', 'Client authentication failed');
    }
    if (params.refresh_token !== this.credentials.refreshToken) {
      return lwaError(
        400,
        'invalid_grant',
        "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
      );
    }
    const token = `Atza|${randomBytes(48).toString('base64url')}`;
    this.tokens.set(token, {
      kind: 'access',
      expiresAt: this.expiry(this.options.accessTokenSeconds),
      resources: [],
    });
    return {
      status: 200,
      body: {
        access_token: token,
        refresh_token: this.credentials.refreshToken,
        token_type: 'bearer',
        expires_in: this.options.accessTokenSeconds,
      },
    };
  }

  /** The data elements of `requested` the application has no role for. */
  missingRoles(requested: readonly DataElement[]): DataElement[] {
    return requested.filter((element) => !this.options.roles.has(element));
  }

  issueRestrictedToken(resources: RestrictedResource[]): { restrictedDataToken: string; expiresIn: number } {
    const token = `Atz.sprdt|${randomBytes(48).toString('base64url')}`;
    this.tokens.set(token, { kind: 'restricted', expiresAt: this.expiry(3600), resources });
    return { restrictedDataToken: token, expiresIn: 3600 };
  }

  /** Checks x-amz-access-token. */
  check(header: string | string[] | undefined): TokenCheck {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return { ok: false, details: 'Access token is missing in the request header.' };
    const token = this.tokens.get(value);
    if (!token)
      return { ok: false, details: 'The access token you provided is revoked, malformed or invalid.' };
    if (token.expiresAt <= this.options.clock().getTime()) {
      return { ok: false, details: 'The access token you provided has expired.' };
    }
    return { ok: true, token };
  }

  /** Test hook: every token issued so far has expired. */
  expireAll(): void {
    const past = this.options.clock().getTime() - 1;
    for (const token of this.tokens.values()) token.expiresAt = past;
  }

  private expiry(seconds: number): number {
    return this.options.clock().getTime() + seconds * 1000;
  }
}

/** The data elements a restricted data token grants for GET `path`; null if it does not open the path. */
export function grantsFor(token: IssuedToken, path: string): ReadonlySet<DataElement> | null {
  if (token.kind === 'access') return new Set();
  const resource = token.resources.find((item) => item.method === 'GET' && pathMatches(item.path, path));
  return resource ? new Set(resource.dataElements ?? []) : null;
}

/** "/orders/v0/orders/{orderId}/address" matches "/orders/v0/orders/302-1234567-7654321/address". */
function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.replace(/\/+$/, '').split('/');
  const b = path.replace(/\/+$/, '').split('/');
  return a.length === b.length && a.every((part, index) => part === b[index] || /^\{.+\}$/.test(part));
}

/** Deterministic credentials of the simulated application and seller, in Amazon's formats. */
export function credentialsOf(seed: number): LwaCredentials {
  const hex = (label: string, length: number) =>
    createHash('sha256').update(`${label}:${seed}`).digest('hex').slice(0, length);
  return {
    clientId: `amzn1.application-oa2-client.${hex('client', 32)}`,
    clientSecret: `amzn1.oa2-cs.v1.${hex('secret', 64)}`,
    refreshToken: `Atzr|${Buffer.from(hex('refresh', 64), 'hex').toString('base64url')}`,
  };
}

function lwaError(status: number, error: string, description: string): { status: number; body: unknown } {
  return { status, body: { error_description: description, error } };
}
