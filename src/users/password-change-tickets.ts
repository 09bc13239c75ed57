/**
 * Password change tickets: the login that verified a one-time password gives the browser a ticket (as an
 * HttpOnly cookie, src/api/password-ticket-cookie.ts), so that
 * the forced password change right after it does not ask for the one-time password again. A ticket is
 * random (256 bits), kept only as its SHA-256 in this process's memory, bound to the user and the session of
 * that login, valid for 10 minutes and once. Another process (or a restart) does not know it: then the
 * change asks for the one-time password as before, which the server verifies.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TICKET_SECONDS = 600;
const MAX_TICKETS = 1000;

interface Ticket {
  user: string;
  sessionIdHash: string;
  expiresAt: number;
}

const digest = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

export class PasswordChangeTickets {
  readonly #tickets = new Map<string, Ticket>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** A new ticket for the user's password change in this session. */
  issue(user: string, sessionIdHash: string): string {
    this.#prune();
    const ticket = randomBytes(32).toString('base64url');
    this.#tickets.set(digest(ticket), {
      user,
      sessionIdHash,
      expiresAt: this.clock().getTime() + TICKET_SECONDS * 1000,
    });
    return ticket;
  }

  /** Whether the ticket is valid for this user in this session (it stays valid until `redeem`). */
  holds(ticket: string, user: string, sessionIdHash: string): boolean {
    const found = this.#tickets.get(digest(ticket));
    if (!found || found.expiresAt <= this.clock().getTime()) return false;
    return found.user === user && sameText(found.sessionIdHash, sessionIdHash);
  }

  /** Ends the ticket (the password was changed). */
  redeem(ticket: string): void {
    this.#tickets.delete(digest(ticket));
  }

  #prune(): void {
    const now = this.clock().getTime();
    for (const [key, ticket] of this.#tickets) if (ticket.expiresAt <= now) this.#tickets.delete(key);
    // Bounded: a flood of logins with one-time passwords drops the oldest tickets first.
    while (this.#tickets.size >= MAX_TICKETS)
      this.#tickets.delete(this.#tickets.keys().next().value as string);
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
