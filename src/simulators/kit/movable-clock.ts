/**
 * A simulator's clock that runs in real time and can be set to another time for one change: how a shop
 * with a broken clock (or a typed-in 2099) stamps a record.
 */
export interface MovableClock {
  (): Date;
  /** Runs `work` while the clock reads `at`; real time again afterwards. */
  during<T>(at: Date, work: () => Promise<T>): Promise<T>;
}

export function movableClock(): MovableClock {
  let fixed: Date | null = null;
  const clock = (() => new Date(fixed ?? Date.now())) as MovableClock;
  clock.during = async (at, work) => {
    fixed = at;
    try {
      return await work();
    } finally {
      fixed = null;
    }
  };
  return clock;
}
