import { PGlite } from '@electric-sql/pglite';
import { type Database, PARSERS } from './database';

/**
 * PostgreSQL compiled to WebAssembly, in this process: no server to set up. In memory unless given a
 * folder to keep its data in. It has a single connection, so its transactions run one after another
 * and the caps hold without any lock; the service still takes them, to run the same code everywhere.
 * In this process a statement costs no round trip: they are sent one by one, with their parameters.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir && { dataDir }), parsers: PARSERS });
  return {
    kind: 'pglite',
    strategy: 'lock',
    query: (sql, params) => db.query(sql, params as unknown[]) as never,
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (first, decide) =>
      db.transaction(async (tx) => {
        const opening = [];
        for (const { sql, params } of first) opening.push((await tx.query(sql, params as unknown[])).rows);
        const closing = decide(opening as Record<string, unknown>[][]);
        return closing.answer((await tx.query(closing.sql, closing.params as unknown[])).rows as never);
      }),
    retries: () => 0,
    close: () => db.close(),
  };
}
