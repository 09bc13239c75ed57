/**
 * Password hashes: argon2id in the PHC string format ($argon2id$v=19$m=65536,t=3,p=4$salt$hash), computed on
 * libuv's thread pool (@node-rs/argon2), so a login does not block the event loop. A hash keeps its own
 * parameters: hashes made with other costs still verify. At most HASH_CONCURRENCY hashes or verifications run at
 * once in the whole process (the others wait), so a flood of logins cannot exhaust memory or the thread pool.
 */
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { ConcurrencyLimit } from './concurrency-limit.ts';

export interface HashCost {
  /** KiB of memory per lane. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2's own defaults (64 MiB, 3 passes, 4 lanes): about 0.1 s per hash on 2 cores. */
export const DEFAULT_HASH_COST: HashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

const ARGON2ID = 2 as Algorithm;

/** 2 of libuv's 4 threads (64 MiB each): the rest stay free for file and DNS work. */
export const HASH_CONCURRENCY = 2;
/** Shared by every PasswordHasher of the process. */
export const hashingLimit = new ConcurrencyLimit(HASH_CONCURRENCY);

export class PasswordHasher {
  #dummy: Promise<string> | null = null;

  constructor(readonly cost: HashCost = DEFAULT_HASH_COST) {}

  async hash(password: string): Promise<string> {
    return await hashingLimit.run(() => hash(password, { ...this.cost, algorithm: ARGON2ID }));
  }

  /** True when the password matches; false for a wrong password or an unreadable hash. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await hashingLimit.run(() => verify(passwordHash, password));
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification and fails: a login of an unknown name takes as long as a wrong password. */
  async verifyNothing(password: string): Promise<false> {
    this.#dummy ??= this.hash('no user has this password: it only costs time');
    await this.verify(await this.#dummy, password);
    return false;
  }
}
