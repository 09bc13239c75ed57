/**
 * The Kontor OXID connector protocol (docs/protocols/oxid.md): the shop's own rows, with the column names of
 * its tables in upper case and every value as the shop's database layer returns it (text: numbers "1",
 * unset text "", unset date-times "0000-00-00 00:00:00", date-times in the shop's time zone), plus a few
 * fields of the connector's own in lower camelCase. Secrets (OXPASSWORD, OXPASSSALT, OXUPDATEKEY,
 * OXUPDATEEXP) are never sent.
 */

/** One row of oxaddress: a delivery address of a user. */
export interface OxidAddress {
  OXID: string;
  OXUSERID: string;
  OXADDRESSUSERID?: string;
  OXCOMPANY: string;
  OXFNAME: string;
  OXLNAME: string;
  OXSTREET: string;
  OXSTREETNR: string;
  OXADDINFO: string;
  OXCITY: string;
  /** The country's name as the customer saw it (informational). */
  OXCOUNTRY?: string;
  /** An oxcountry OXID, not an ISO code. */
  OXCOUNTRYID: string;
  OXSTATEID: string;
  OXZIP: string;
  OXFON: string;
  OXFAX: string;
  OXSAL: string;
  OXTIMESTAMP: string;
}

/** One row of oxuser (a customer account), with its delivery addresses and the connector's fields. */
export interface OxidUser {
  OXID: string;
  OXACTIVE: string;
  /** "user" for customers; the connector lists nothing else. */
  OXRIGHTS: string;
  OXSHOPID: string;
  /** The login: the customer's e-mail address. */
  OXUSERNAME: string;
  OXCUSTNR: string;
  /** VAT id. */
  OXUSTID: string;
  OXCOMPANY: string;
  OXFNAME: string;
  OXLNAME: string;
  OXSTREET: string;
  OXSTREETNR: string;
  OXADDINFO: string;
  OXCITY: string;
  /** An oxcountry OXID, not an ISO code. */
  OXCOUNTRYID: string;
  OXSTATEID: string;
  OXZIP: string;
  OXFON: string;
  OXFAX: string;
  OXSAL: string;
  OXBONI: string;
  OXCREATE: string;
  OXREGISTER: string;
  OXPRIVFON: string;
  OXMOBFON: string;
  OXBIRTHDATE: string;
  OXURL: string;
  OXPOINTS: string;
  /** When the oxuser row last changed (MySQL ON UPDATE CURRENT_TIMESTAMP). */
  OXTIMESTAMP: string;
  /** Connector: the account has no password (ordered without registering). */
  guest: boolean;
  /** Connector: the user's change time: the latest OXTIMESTAMP of the user and its delivery addresses. */
  changed: string;
  /** Connector: the user's oxaddress rows. */
  addresses: OxidAddress[];
}

/** A deleted user, as the connector's tombstone table keeps it. */
export interface OxidDeletedUser {
  OXID: string;
  OXSHOPID: string;
  OXUSERNAME: string;
  /** When the user was deleted, in the shop's time zone. */
  OXDELETED: string;
}

export interface OxidUsersResponse {
  /** IANA name of the zone every date-time of the response is in. */
  timeZone: string;
  users: unknown[];
  deleted: unknown[];
  /** Pass back as `after` for the next page; null: there is nothing more. */
  next: string | null;
}

/** One row of oxcountry (the columns the connector sends). */
export interface OxidCountry {
  OXID: string;
  OXACTIVE: string;
  OXTITLE: string;
  /** ISO 3166-1 alpha-2; empty for "Anderes Land" (other country). */
  OXISOALPHA2: string;
  OXISOALPHA3: string;
}

export interface OxidCountriesResponse {
  countries: OxidCountry[];
}

export interface OxidInfo {
  connector: string;
  /** The connector protocol's version ("1"). */
  protocol: string;
  shopId: string;
  shopName: string;
  edition: string;
  version: string;
  timeZone: string;
  /** Customer accounts the connector lists (guests without orders excluded). */
  users: number;
}
