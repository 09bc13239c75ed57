/**
 * Password hashes: argon2id in the PHC string format ($argon2id$v=19$m=65536,t=3,p=4$salt$hash), computed on
 * libuv's thread pool (@node-rs/argon2), so a login does not block the event loop. A hash keeps its own
 * parameters: hashes made with other costs still verify. At most HASH_CONCURRENCY hashes or verifications run at
 * once in the whole process (the others wait), so a flood of logins cannot exhaust memory or the thread pool.
 * Verifications (logins) wait in a bounded queue: with HASH_QUEUE waiting already, a login is refused at once
 * with LOGIN_BUSY (503) rather than queued behind a flood; a known client's login (`priority`) waits ahead of
 * the others and displaces the newest of them when the queue is full.
 */
import type { Algorithm } from '@node-rs/argon2';
import { TransientError } from '../domain/errors.ts';
import { ConcurrencyLimit, QueueFullError } from './concurrency-limit.ts';

export interface HashCost {
  /** KiB of memory per lane. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2's own defaults (64 MiB, 3 passes, 4 lanes): about 0.1 s per hash on 2 cores. */
export const DEFAULT_HASH_COST: HashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

const ARGON2ID = 2 as Algorithm;

/** The native argon2 module, loaded at the first hash: commands that never hash start without it. */
let argon2: Promise<typeof import('@node-rs/argon2')> | null = null;
const loadArgon2 = () => {
  argon2 ??= import('@node-rs/argon2');
  return argon2;
};

/** 2 of libuv's 4 threads (64 MiB each): the rest stay free for file and DNS work. */
export const HASH_CONCURRENCY = 2;
/** Verifications that may wait: at about 0.1 s each, two at a time, a login waits at most about half a second. */
export const HASH_QUEUE = 8;
/** Shared by every PasswordHasher of the process. */
export const hashingLimit = new ConcurrencyLimit(HASH_CONCURRENCY, HASH_QUEUE);

function busy(): TransientError {
  return new TransientError('LOGIN_BUSY', 'The server is busy with other logins. Try again in a moment.', {
    retryAfterSeconds: 1,
  });
}

export class PasswordHasher {
  #dummy: Promise<string> | null = null;

  constructor(readonly cost: HashCost = DEFAULT_HASH_COST) {}

  async hash(password: string): Promise<string> {
    const { hash } = await loadArgon2();
    return await hashingLimit.run(() => hash(password, { ...this.cost, algorithm: ARGON2ID }));
  }

  /** Throws LOGIN_BUSY at once when a verification now would be refused: before a login does any other work. */
  assertRoom(options: { priority?: boolean } = {}): void {
    if (hashingLimit.full(options)) throw busy();
  }

  /**
   * True when the password matches; false for a wrong password or an unreadable hash. Throws LOGIN_BUSY when
   * HASH_QUEUE verifications wait already (or a priority one took this one's place).
   */
  async verify(
    passwordHash: string,
    password: string,
    options: { priority?: boolean } = {},
  ): Promise<boolean> {
    const { verify } = await loadArgon2();
    try {
      return await hashingLimit.tryRun(() => verify(passwordHash, password), options);
    } catch (error) {
      if (error instanceof QueueFullError) throw busy();
      return false;
    }
  }

  /** Spends the time of one verification and fails: a login of an unknown name takes as long as a wrong password. */
  async verifyNothing(password: string, options: { priority?: boolean } = {}): Promise<false> {
    this.#dummy ??= this.hash('no user has this password: it only costs time');
    await this.verify(await this.#dummy, password, options);
    return false;
  }
}
