/**
 * The simulated bus's authentication (protocol v1): POST /api/v1/auth/token with the client licence and
 * an IBUS user gives a bearer token valid for `tokenTtlSeconds` (default 1 hour).
 */
import { randomBytes } from 'node:crypto';
import { Prng } from '../sample-data/prng.ts';

export interface IbusCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired';

export class IbusAuth {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly credentials: IbusCredentials,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date,
  ) {}

  /** Issues a token for matching credentials; null otherwise. */
  issue(body: unknown): { accessToken: string; expiresIn: number } | null {
    const given = (body ?? {}) as Partial<IbusCredentials>;
    const { clientId, clientSecret, username, password } = this.credentials;
    if (given.clientId !== clientId || given.clientSecret !== clientSecret) return null;
    if (given.username !== username || given.password !== password) return null;
    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, this.clock().getTime() + this.ttlSeconds * 1000);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return 'missing';
    const expires = this.tokens.get(match[1] as string);
    if (expires === undefined) return 'unknown';
    return expires > this.clock().getTime() ? 'ok' : 'expired';
  }

  /** Ends every token now (tests: a token that expires during a read). */
  expireAll(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }
}

/** Credentials derived from the seed: the same simulator always accepts the same ones. */
export function seededCredentials(seed: number): IbusCredentials {
  const rng = new Prng(seed ^ 0x4b1b);
  const word = (length: number) =>
    Array.from({ length }, () => 'abcdefghjkmnpqrstuvwxyz23456789'.charAt(rng.int(0, 30))).join('');
  return {
    clientId: `LIC-${word(8).toUpperCase()}`,
    clientSecret: word(24),
    username: 'kontor',
    password: word(16),
  };
}
