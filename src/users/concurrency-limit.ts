/**
 * A small semaphore: at most `max` tasks run at once, the others wait in order. The password hasher uses one
 * for the whole process, so a flood of logins cannot take all of libuv's threads or gigabytes of argon2 memory.
 */
export class ConcurrencyLimit {
  #active = 0;
  #peak = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** The most tasks that ever ran at once (for tests and diagnostics). */
  get peak(): number {
    return this.#peak;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active++;
    this.#peak = Math.max(this.#peak, this.#active);
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (the count stays), or free it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}
