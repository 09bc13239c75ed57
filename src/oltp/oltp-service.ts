/**
 * The OLTP databases of the installation (`kontor oltp add|list|remove`, the login form, the header's menu)
 * and the Db handle of each: its schema first on the search_path, so the stores' unqualified SQL works on it.
 */
import { ConfigError } from '../domain/errors.ts';
import { checkLanguageTag, checkOltpName, type OltpDatabase } from '../domain/oltp-database.ts';
import type { Db } from '../storage/db.ts';
import { oltpSearchPath } from '../storage/oltp-schema.ts';
import {
  deleteOltpDatabase,
  findOltpDatabase,
  insertOltpDatabase,
  listOltpDatabases,
} from '../storage/oltp-store.ts';

/** The handle of OLTP database `name` on the database of `db` (any handle of it). */
export function oltpDb(db: Db, name: string): Db {
  return db.withSearchPath(oltpSearchPath(name));
}

export class OltpService {
  constructor(private readonly db: Db) {}

  async list(): Promise<OltpDatabase[]> {
    return await listOltpDatabases(this.db);
  }

  /**
   * The OLTP database named (case does not matter), or the default one when no name is given; an unknown
   * name is a ConfigError that lists the existing ones.
   */
  async resolve(name?: string | null): Promise<OltpDatabase> {
    const all = await this.list();
    const wanted = name?.trim();
    const found = wanted
      ? all.find((o) => o.name.toLowerCase() === wanted.toLowerCase())
      : all.find((o) => o.default);
    if (found) return found;
    throw new ConfigError(
      'OLTP_UNKNOWN',
      `OLTP database "${wanted}" does not exist. The OLTP databases are: ${all.map((o) => o.name).join(', ')}.`,
    );
  }

  /** The Db handle of an OLTP database (resolve() it first where the name comes from a user). */
  handle(name: string): Db {
    return oltpDb(this.db, name);
  }

  /** Adds an OLTP database with its own, empty tables (its schema gets every per-OLTP migration). */
  async add(name: string, language = 'en'): Promise<OltpDatabase> {
    const checked = checkOltpName(name);
    const tag = checkLanguageTag(language);
    const existing = await findOltpDatabase(this.db, checked);
    if (existing || !(await insertOltpDatabase(this.db, checked, tag))) {
      throw new ConfigError('NAME_TAKEN', `OLTP database "${existing?.name ?? checked}" already exists.`);
    }
    return await this.resolve(checked);
  }

  /**
   * Removes an OLTP database with all its data. Refuses the default one and one with jobs that have not ended
   * (planned, released, ready, active): cancel them or let them finish first.
   */
  async remove(name: string): Promise<void> {
    const oltp = await this.resolve(name);
    if (oltp.default) {
      throw new ConfigError(
        'OLTP_IS_DEFAULT',
        `OLTP database "${oltp.name}" is the default one (the first created) and cannot be removed.`,
      );
    }
    const { removed, openJobs } = await deleteOltpDatabase(this.db, oltp.name);
    if (openJobs.length > 0) {
      const jobs = openJobs.map((job) => `${job.id} "${job.name}"`).join(', ');
      throw new ConfigError(
        'OLTP_IN_USE',
        `OLTP database "${oltp.name}" has batch jobs that have not ended: ${jobs}. Cancel them or let them finish, then remove it.`,
      );
    }
    if (!removed) await this.resolve(oltp.name); // removed meanwhile: says it does not exist
  }
}
