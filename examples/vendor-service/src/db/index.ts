import type { Database, Strategy } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { SCHEMA } from './schema';

export { type Closing, type Database, type Opening, type Queryable, type Statement, type Strategy } from './database';

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without one the embedded PGlite is used. */
  readonly url?: string;
  readonly strategy?: Strategy;
  readonly poolSize?: number;
  /** PGlite only: a folder to keep the data in (in memory when absent). */
  readonly dataDir?: string;
}

/** Opens the database (PostgreSQL at `url`, else PGlite) and creates the tables if they are missing. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url
    ? openPostgres(options.url, options.strategy ?? 'lock', options.poolSize ?? 8)
    : await openPglite(options.dataDir);
  // Two services starting at once on one server must not both create the tables.
  await db.exec(`begin; select pg_advisory_xact_lock(7000, 0); ${SCHEMA} commit;`);
  return db;
}
