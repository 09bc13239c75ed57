/**
 * The OXID simulator's data: oxuser and oxaddress rows as the shop's tables hold them (every column as text),
 * the connector module's tombstones of deleted users, and the behaviour of the shop and the module on writes:
 * saving a user sets its OXTIMESTAMP (MySQL ON UPDATE CURRENT_TIMESTAMP), saving a delivery address sets only
 * the address's OXTIMESTAMP, deleting a delivery address touches its user (the module's hook), deleting a
 * user removes its addresses and leaves a tombstone. Instants are kept exactly (ms since the epoch, whole
 * seconds) and rendered in the shop's time zone only on the way out.
 */

import type { OxidAddress, OxidDeletedUser, OxidUser } from '../../adapters/oxid/oxid-types.ts';
import { toShopTime } from '../../adapters/oxid/shop-time.ts';
import { type KeyedEntry, KeysetIndex } from '../kit/keyset.ts';

/** oxuser columns without the date-times, which the store keeps as instants. */
export type UserColumns = Omit<
  OxidUser,
  'guest' | 'changed' | 'addresses' | 'OXTIMESTAMP' | 'OXCREATE' | 'OXREGISTER'
>;
export type AddressColumns = Omit<OxidAddress, 'OXTIMESTAMP'>;

export interface StoredAddress {
  columns: AddressColumns;
  /** OXTIMESTAMP. */
  timestamp: number;
}

export interface StoredUser {
  columns: UserColumns;
  /** Empty for guests (ordered without registering) and newsletter-only subscribers. */
  password: string;
  /** The user has orders (oxorder): guests without orders are newsletter subscribers, not customers. */
  hasOrders: boolean;
  /** OXTIMESTAMP; 0 renders as MySQL's zero date (a broken record). */
  timestamp: number;
  /** OXCREATE / OXREGISTER; null renders as the zero date. */
  created: number | null;
  registered: number | null;
  addresses: StoredAddress[];
}

export interface Tombstone {
  OXID: string;
  OXSHOPID: string;
  OXUSERNAME: string;
  deleted: number;
}

const ZERO_DATE = '0000-00-00 00:00:00';

/** What the connector's stream holds: a user or a tombstone. */
export type StreamItem = { user: StoredUser } | { tombstone: Tombstone };

export class OxidStore {
  private readonly users = new Map<string, StoredUser>();
  private readonly tombstones = new Map<string, Tombstone>();
  private sequence = 0;
  /** The connector's stream (users by change time, tombstones by deletion time), kept with every change. */
  private readonly stream = new KeysetIndex<StreamItem>();

  constructor(private readonly clock: () => Date) {}

  /** The shop's clock in whole seconds (OXTIMESTAMP has no fractions). */
  now(): number {
    return Math.floor(this.clock().getTime() / 1000) * 1000;
  }

  load(users: readonly StoredUser[], tombstones: readonly Tombstone[]): void {
    for (const user of users) this.putUser(structuredClone(user));
    for (const tombstone of tombstones) this.putTombstone({ ...tombstone });
  }

  /** A page of the connector's stream (users and tombstones) in (instant, OXID) order. */
  streamPage(options: {
    since: number | null;
    after: { time: number; id: string } | null;
    limit: number;
    where?: (entry: KeyedEntry<StreamItem>) => boolean;
  }): Array<KeyedEntry<StreamItem>> {
    return this.stream.page(options);
  }

  /** The OXIDs of the users the connector lists for a shop, by OXCUSTNR (cheap: nothing copied). */
  listedIds(shopId = '1'): string[] {
    return [...this.users.values()]
      .filter((user) => isListed(user, shopId))
      .sort((a, b) => Number(a.columns.OXCUSTNR) - Number(b.columns.OXCUSTNR))
      .map((user) => user.columns.OXID);
  }

  get size(): number {
    return this.users.size;
  }

  /** Every stored user (admins and newsletter subscribers included), copied, by OXCUSTNR. */
  all(): StoredUser[] {
    return [...this.users.values()]
      .sort((a, b) => Number(a.columns.OXCUSTNR) - Number(b.columns.OXCUSTNR))
      .map((user) => structuredClone(user));
  }

  /** The users the connector lists for a shop: customer accounts, guests only with orders. */
  customers(shopId = '1'): StoredUser[] {
    return this.all().filter((user) => isListed(user, shopId));
  }

  /** The stored rows, not copied: only for reading. */
  snapshot(): { users: readonly StoredUser[]; tombstones: readonly Tombstone[] } {
    return { users: [...this.users.values()], tombstones: [...this.tombstones.values()] };
  }

  /** The stored users of these OXIDs (by key, not copied: only for reading). */
  usersOf(oxids: Iterable<string>): StoredUser[] {
    const found = new Set<StoredUser>();
    for (const oxid of oxids) {
      const user = this.users.get(oxid);
      if (user) found.add(user);
    }
    return [...found];
  }

  get(oxid: string): StoredUser | undefined {
    const user = this.users.get(oxid);
    return user ? structuredClone(user) : undefined;
  }

  /** Saves a user (as the admin or the customer's account page does): OXTIMESTAMP becomes now. */
  changeUser(oxid: string, change: (columns: UserColumns) => void): StoredUser {
    const user = this.require(oxid);
    change(user.columns);
    user.timestamp = this.now();
    this.putUser(user);
    return structuredClone(user);
  }

  /** Saves a delivery address: only the address's OXTIMESTAMP moves (OXID does not touch the user). */
  changeAddress(addressId: string, change: (columns: AddressColumns) => void): StoredAddress {
    for (const user of this.users.values()) {
      const address = user.addresses.find((item) => item.columns.OXID === addressId);
      if (!address) continue;
      change(address.columns);
      address.timestamp = this.now();
      this.putUser(user);
      return structuredClone(address);
    }
    throw new RangeError(`There is no oxaddress ${addressId}.`);
  }

  /** Adds a delivery address to a user (the address gets a new OXID and OXTIMESTAMP now). */
  addAddress(oxid: string, columns: Omit<AddressColumns, 'OXID' | 'OXUSERID'>): StoredAddress {
    const user = this.require(oxid);
    const address = { columns: { ...columns, OXID: this.newId(), OXUSERID: oxid }, timestamp: this.now() };
    user.addresses.push(address);
    this.putUser(user);
    return structuredClone(address);
  }

  /** Deletes a delivery address; the connector module's hook touches the user, so the deletion is seen. */
  deleteAddress(addressId: string): void {
    for (const user of this.users.values()) {
      const index = user.addresses.findIndex((item) => item.columns.OXID === addressId);
      if (index < 0) continue;
      user.addresses.splice(index, 1);
      user.timestamp = this.now();
      this.putUser(user);
      return;
    }
    throw new RangeError(`There is no oxaddress ${addressId}.`);
  }

  /** Deletes a user with its addresses; the connector module keeps a tombstone. */
  deleteUser(oxid: string): void {
    const user = this.require(oxid);
    this.users.delete(oxid);
    this.stream.delete(`u:${oxid}`);
    this.putTombstone({
      OXID: oxid,
      OXSHOPID: user.columns.OXSHOPID,
      OXUSERNAME: user.columns.OXUSERNAME,
      deleted: this.now(),
    });
  }

  private putUser(user: StoredUser): void {
    const oxid = user.columns.OXID;
    this.users.set(oxid, user);
    this.stream.set(`u:${oxid}`, { time: changeTimeOf(user), id: oxid, value: { user } });
  }

  private putTombstone(tombstone: Tombstone): void {
    this.tombstones.set(tombstone.OXID, tombstone);
    this.stream.set(`t:${tombstone.OXID}`, {
      time: tombstone.deleted,
      id: tombstone.OXID,
      value: { tombstone },
    });
  }

  /** Registers a new user (all columns not given are OXID's defaults); created, registered, changed: now. */
  createUser(
    columns: Partial<UserColumns> & Pick<UserColumns, 'OXUSERNAME'>,
    password = 'secret',
  ): StoredUser {
    const now = this.now();
    const customerNumber =
      Math.max(0, ...[...this.users.values()].map((u) => Number(u.columns.OXCUSTNR))) + 1;
    const user: StoredUser = {
      columns: {
        ...emptyUserColumns(),
        OXCUSTNR: String(customerNumber),
        ...columns,
        OXID: columns.OXID ?? this.newId(),
      },
      password,
      hasOrders: false,
      timestamp: now,
      created: now,
      registered: password === '' ? null : now,
      addresses: [],
    };
    this.putUser(user);
    return structuredClone(user);
  }

  private require(oxid: string): StoredUser {
    const user = this.users.get(oxid);
    if (!user) throw new RangeError(`There is no oxuser ${oxid}.`);
    return user;
  }

  /** A new 32-character hex id, like OXID's UtilsObject::generateUId(). */
  private newId(): string {
    this.sequence += 1;
    return `${this.now().toString(16)}${this.sequence.toString(16)}`.padStart(32, 'f').slice(-32);
  }
}

/** Whether the connector lists a user: a customer account (OXRIGHTS "user") of the shop; guests only with orders. */
export function isListed(user: StoredUser, shopId: string): boolean {
  return (
    user.columns.OXRIGHTS === 'user' &&
    user.columns.OXSHOPID === shopId &&
    (user.password !== '' || user.hasOrders)
  );
}

/** The change time the connector pages by: the latest OXTIMESTAMP of the user and its delivery addresses. */
export function changeTimeOf(user: StoredUser): number {
  return Math.max(user.timestamp, ...user.addresses.map((address) => address.timestamp));
}

/** A user as the connector sends it, with its date-times in the shop's time zone. */
export function renderUser(user: StoredUser, timeZone: string): OxidUser {
  const time = (ms: number | null) =>
    ms === null || ms === 0 ? ZERO_DATE : toShopTime(new Date(ms), timeZone);
  return {
    ...user.columns,
    OXCREATE: time(user.created),
    OXREGISTER: time(user.registered),
    OXTIMESTAMP: time(user.timestamp),
    guest: user.password === '',
    changed: time(changeTimeOf(user)),
    addresses: user.addresses.map((address) => ({
      ...address.columns,
      OXTIMESTAMP: time(address.timestamp),
    })),
  };
}

export function renderTombstone(tombstone: Tombstone, timeZone: string): OxidDeletedUser {
  return {
    OXID: tombstone.OXID,
    OXSHOPID: tombstone.OXSHOPID,
    OXUSERNAME: tombstone.OXUSERNAME,
    OXDELETED: toShopTime(new Date(tombstone.deleted), timeZone),
  };
}

/** oxuser's defaults (every column NOT NULL, text '' unless said otherwise). */
export function emptyUserColumns(): UserColumns {
  return {
    OXID: '',
    OXACTIVE: '1',
    OXRIGHTS: 'user',
    OXSHOPID: '1',
    OXUSERNAME: '',
    OXCUSTNR: '0',
    OXUSTID: '',
    OXCOMPANY: '',
    OXFNAME: '',
    OXLNAME: '',
    OXSTREET: '',
    OXSTREETNR: '',
    OXADDINFO: '',
    OXCITY: '',
    OXCOUNTRYID: '',
    OXSTATEID: '',
    OXZIP: '',
    OXFON: '',
    OXFAX: '',
    OXSAL: '',
    OXBONI: '0',
    OXPRIVFON: '',
    OXMOBFON: '',
    OXBIRTHDATE: '0000-00-00',
    OXURL: '',
    OXPOINTS: '0',
  };
}
