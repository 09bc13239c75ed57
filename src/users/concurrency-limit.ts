/**
 * A small semaphore: at most `max` tasks run at once, the others wait in order. The password hasher uses one
 * for the whole process, so a flood of logins cannot take all of libuv's threads or gigabytes of argon2 memory.
 * `tryRun` is the bounded way in: when `maxWaiting` tryRun tasks wait already it refuses at once (QueueFullError)
 * instead of queueing, so a flood cannot delay everyone by seconds. A `priority` task waits ahead of the
 * ordinary ones and, when the queue is full, takes the place of the newest ordinary `tryRun` task (which is
 * refused). `run` always waits (it is never refused or displaced).
 */
export class QueueFullError extends Error {
  constructor() {
    super('Too many tasks wait already.');
    this.name = 'QueueFullError';
  }
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  priority: boolean;
  refusable: boolean;
}

export class ConcurrencyLimit {
  #active = 0;
  #peak = 0;
  #refused = 0;
  readonly #waiting: Waiter[] = [];

  constructor(
    readonly max: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** The most tasks that ever ran at once (for tests and diagnostics). */
  get peak(): number {
    return this.#peak;
  }

  /** Tasks refused by tryRun so far (for tests and diagnostics). */
  get refused(): number {
    return this.#refused;
  }

  /** Whether a tryRun now would be refused (nothing would give way to it). */
  full(options: { priority?: boolean } = {}): boolean {
    if (this.#active < this.max || this.#refusableWaiting() < this.maxWaiting) return false;
    return options.priority !== true || this.#newestOrdinary() < 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.#enter(task, { priority: false, refusable: false });
  }

  /** Like run, but refused with QueueFullError when `maxWaiting` tasks wait (see the file comment). */
  tryRun<T>(task: () => Promise<T>, options: { priority?: boolean } = {}): Promise<T> {
    return this.#enter(task, { priority: options.priority === true, refusable: true });
  }

  async #enter<T>(task: () => Promise<T>, kind: { priority: boolean; refusable: boolean }): Promise<T> {
    if (this.#active >= this.max) await this.#wait(kind);
    else this.#active++;
    this.#peak = Math.max(this.#peak, this.#active);
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (the count stays), or free it.
      const next = this.#waiting.shift();
      if (next) next.resolve();
      else this.#active--;
    }
  }

  #wait(kind: { priority: boolean; refusable: boolean }): Promise<void> {
    if (kind.refusable && this.#refusableWaiting() >= this.maxWaiting) {
      const displaced = kind.priority ? this.#newestOrdinary() : -1;
      if (displaced < 0) {
        this.#refused++;
        return Promise.reject(new QueueFullError());
      }
      const [waiter] = this.#waiting.splice(displaced, 1);
      this.#refused++;
      waiter?.reject(new QueueFullError());
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, ...kind };
      const firstOrdinary = kind.priority ? this.#waiting.findIndex((w) => !w.priority) : -1;
      if (firstOrdinary < 0) this.#waiting.push(waiter);
      else this.#waiting.splice(firstOrdinary, 0, waiter);
    });
  }

  /** Waiting tryRun tasks: the `run` ones (never refused) do not count against maxWaiting. */
  #refusableWaiting(): number {
    return this.#waiting.filter((waiter) => waiter.refusable).length;
  }

  #newestOrdinary(): number {
    for (let i = this.#waiting.length - 1; i >= 0; i--) {
      const waiter = this.#waiting[i]!;
      if (!waiter.priority && waiter.refusable) return i;
    }
    return -1;
  }
}
