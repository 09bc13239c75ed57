/**
 * What the adapter contract test (test/adapter-contract.test.ts) needs from each adapter: the adapter, a
 * way to start its simulator with generated customers, and a few changes made in the simulator the way a
 * shop user would make them. Every adapter exports one from `src/adapters/<kind>/harness.ts`.
 */

import type { Adapter, ChannelConnection } from '../../adapters/adapter.ts';
import type { ChannelType } from '../../domain/sales-channel.ts';
import type { MovableClock } from './movable-clock.ts';
import type { InjectedFailure } from './simulator-server.ts';

export interface SimulatorHarness {
  /** Where and how the adapter reaches the started simulator (with `pageSize` among the settings if asked). */
  connection: ChannelConnection;
  /** The external id of every customer the adapter must deliver once (as a customer or a rejection). */
  allIds(): string[];
  /** Registration e-mails of `count` customers the adapter delivers (for By email), with their external ids. */
  emailsOf(count: number): Array<{ externalId: string; email: string }>;
  /** Changes `count` customers in the simulator now (their change time becomes now); returns their ids. */
  change(count: number): Promise<string[]>;
  /** Deletes `count` customers in the simulator now; returns their ids. */
  remove(count: number): Promise<string[]>;
  /** The faults a real shop shows, to be tried from outside (`kontor simulator --control-port`). */
  faults: SimulatorFaults;
  close(): Promise<void>;
}

export interface SimulatorFaults {
  /** The next matching requests fail: an error status (429, 5xx), a delay, a dropped connection, a body. */
  injectFailure(failure: InjectedFailure): void;
  /** Ends every token issued so far; false when the system issues no tokens. */
  revokeTokens(): boolean;
  /** Changes `count` customers as a shop with a broken clock would: their change time far in the future. */
  futureChange(count: number): Promise<string[]>;
}

/** The change time that `futureChange` stamps. */
export const FUTURE_CHANGE_TIME = new Date('2099-01-01T00:00:00Z');

/** The faults of a simulator started on `clock`, whose harness changes customers with `change`. */
export function simulatorFaults(
  simulator: { injectFailure(failure: InjectedFailure): void },
  clock: MovableClock,
  change: (count: number) => Promise<string[]>,
  revokeTokens?: () => void,
): SimulatorFaults {
  return {
    injectFailure: (failure) => simulator.injectFailure(failure),
    revokeTokens: () => {
      revokeTokens?.();
      return revokeTokens !== undefined;
    },
    futureChange: (count) => clock.during(FUTURE_CHANGE_TIME, () => change(count)),
  };
}

export interface HarnessOptions {
  customers: number;
  seed: number;
  /** Port of the simulator; default any free port. */
  port?: number;
  /** Share of deliberately broken records; default the simulator's. */
  brokenShare?: number;
  /** A page size setting for the channel (tests use small pages to read across several). */
  pageSize?: number;
}

/** `{ pageSize: "50" }` when a page size is asked for, else nothing: spread into a connection's settings. */
export function pageSizeSetting(options: HarnessOptions): Record<string, string> {
  return options.pageSize === undefined ? {} : { pageSize: String(options.pageSize) };
}

/** A simulator's store as far as `storeEdits` needs it. */
export interface EditableStore<Id, Row> {
  change(id: Id, edit: (row: Row) => void): unknown;
  delete(id: Id): unknown;
}

/**
 * `change` and `remove` of a harness whose simulator keeps customers in a store: `change` applies `edit` to
 * the first `count` of `ids()`, `remove` deletes the last `count`; both return the ids as external ids.
 */
export function storeEdits<Id extends string | number, Row>(
  store: EditableStore<Id, Row>,
  ids: () => Id[],
  edit: (row: Row) => void,
): Pick<SimulatorHarness, 'change' | 'remove'> {
  return {
    async change(count) {
      const changed = ids().slice(0, count);
      for (const id of changed) store.change(id, edit);
      return changed.map(String);
    },
    async remove(count) {
      const removed = ids().slice(-count);
      for (const id of removed) store.delete(id);
      return removed.map(String);
    },
  };
}

export interface AdapterHarness {
  /** The adapter as tests use it (fast retries). */
  adapter: Adapter;
  /** A channel type the adapter serves, used to create test channels. */
  channelType: ChannelType;
  /** Starts the simulator with `customers` generated customers (deterministic for the seed). */
  start(options: HarnessOptions): Promise<SimulatorHarness>;
}
