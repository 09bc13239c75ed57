/**
 * Login sessions: a random id (32 bytes, base64url) goes into the user's cookie; the database keeps only its
 * SHA-256. A session ends 12 hours after its last use (sliding) and at the latest 7 days after the login.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../domain/user.ts';
import type { Db } from '../storage/db.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSession,
  insertSession,
  type SessionLimits,
  setSessionOltp,
  touchSession,
} from '../storage/session-store.ts';

export const SESSION_LIMITS: SessionLimits = { idleSeconds: 12 * 3600, maxSeconds: 7 * 24 * 3600 };
/** Uses closer together than this do not move the expiry again (saves a write per request). */
const TOUCH_AFTER_MS = 30_000;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export interface ResolvedSession {
  user: User;
  /** The SHA-256 of the id: what identifies the session without being it. */
  idHash: string;
  /** The OLTP database the session works on (chosen at login, switched in the header). */
  oltp: string;
}

export class SessionService {
  readonly #clock: () => Date;
  readonly limits: SessionLimits;

  constructor(
    private readonly db: Db,
    options: { clock?: () => Date; limits?: SessionLimits } = {},
  ) {
    this.#clock = options.clock ?? (() => new Date());
    this.limits = options.limits ?? SESSION_LIMITS;
  }

  /** A new session of the user on an OLTP database (null: the default one); returns its id (for the cookie only). */
  async create(
    userName: string,
    oltp: string | null = null,
  ): Promise<{ id: string; idHash: string; expiresAt: Date }> {
    const now = this.#clock();
    const id = randomBytes(32).toString('base64url');
    const idHash = hashSessionId(id);
    const expiresAt = new Date(
      now.getTime() + Math.min(this.limits.idleSeconds, this.limits.maxSeconds) * 1000,
    );
    await deleteExpiredSessions(this.db, now);
    await insertSession(this.db, { idHash, userName, now, expiresAt, oltp });
    return { id, idHash, expiresAt };
  }

  /** The session's user (and moves its expiry), or null when the id is unknown, expired or the user disabled. */
  async resolve(id: string): Promise<ResolvedSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const now = this.#clock();
    const idHash = hashSessionId(id);
    const session = await findSession(this.db, idHash, now);
    if (!session) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS)
      await touchSession(this.db, idHash, now, this.limits);
    return { user: session.user, idHash, oltp: session.oltp };
  }

  /** True while the session exists for the user, has not expired and the user is not disabled (does not move its expiry). */
  async isValid(idHash: string, userName: string): Promise<boolean> {
    const session = await findSession(this.db, idHash, this.#clock());
    return session !== null && session.user.name === userName;
  }

  /** Switches the session to OLTP database `oltp` (an existing one: resolve it first). */
  async switchOltp(idHash: string, oltp: string): Promise<void> {
    await setSessionOltp(this.db, idHash, oltp);
  }

  async end(idHash: string): Promise<void> {
    await deleteSession(this.db, idHash);
  }

  /** Ends the user's other sessions (after a password change). */
  async endOthers(userName: string, keepIdHash: string): Promise<number> {
    return await deleteSessionsOf(this.db, userName, keepIdHash);
  }
}
