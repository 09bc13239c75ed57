/**
 * The simulator's authentication: Magento's bearer tokens. An integration access token (32 lower-case
 * letters and digits, valid until revoked, with the ACL resources the integration was granted) and admin
 * tokens from POST /V1/integration/admin/token (JWTs since Magento 2.4.4, valid 4 hours by default).
 */
import { Prng } from '../sample-data/prng.ts';
import { MagentoApiError, MESSAGES } from './simulator-errors.ts';

export const ADMIN_TOKEN_HOURS = 4;

export interface AuthOptions {
  token: string;
  /** ACL resources the integration token grants; undefined = all. */
  tokenResources?: readonly string[];
  admin: { username: string; password: string };
  clock: () => Date;
}

export class SimulatorAuth {
  private readonly adminTokens = new Map<string, number>();

  constructor(private readonly options: AuthOptions) {}

  /** Whether the Authorization header grants the route's ACL resource ('anonymous' needs nothing). */
  grants(authorization: string | undefined, resource: string): boolean {
    if (resource === 'anonymous') return true;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return false;
    const presented = match[1] as string;
    if (presented === this.options.token) {
      return this.options.tokenResources === undefined || this.options.tokenResources.includes(resource);
    }
    const expires = this.adminTokens.get(presented);
    return expires !== undefined && expires > this.options.clock().getTime();
  }

  /** POST /V1/integration/admin/token. */
  issueAdminToken(username: unknown, password: unknown): string {
    if (typeof username !== 'string' || username === '') {
      throw new MagentoApiError(400, MESSAGES.required, { fieldName: 'username' });
    }
    const { admin, clock } = this.options;
    if (username !== admin.username || password !== admin.password)
      throw new MagentoApiError(401, MESSAGES.signIn);
    const now = clock();
    const token = jwtLike(username, now, this.adminTokens.size);
    this.adminTokens.set(token, now.getTime() + ADMIN_TOKEN_HOURS * 3_600_000);
    return token;
  }
}

/** A 32-character integration token like Magento's (lower-case letters and digits), derived from the seed. */
export function integrationToken(seed: number): string {
  const rng = new Prng(seed ^ 0x7a3c91);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => alphabet.charAt(rng.int(0, alphabet.length - 1))).join('');
}

/** Looks like Magento's admin JWT (header.payload.signature); opaque to clients, not signed. */
function jwtLike(username: string, now: Date, serial: number): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const issuedAt = Math.floor(now.getTime() / 1000);
  const header = encode({ kid: '1', alg: 'HS256' });
  const payload = encode({
    uid: 1,
    utypid: 2,
    iat: issuedAt,
    exp: issuedAt + ADMIN_TOKEN_HOURS * 3600,
    n: serial,
  });
  const signature = Buffer.from(`${username}:${serial}:${now.getTime()}`).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
