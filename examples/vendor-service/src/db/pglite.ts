import { PGlite } from '@electric-sql/pglite';
import { type Database, PARSERS, type Queryable } from './database';

/**
 * PostgreSQL compiled to WebAssembly, in this process: no server to set up. In memory unless given a
 * folder to keep its data in. It has a single connection, so its transactions run one after another
 * and the caps hold without any lock; the service still takes them, to run the same code everywhere.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir && { dataDir }), parsers: PARSERS });
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    query: (sql, params) => target.query(sql, params as unknown[]) as never,
  });
  return {
    kind: 'pglite',
    strategy: 'lock',
    ...wrap(db),
    transaction: (work, first = []) =>
      db.transaction(async (tx) => {
        const opening = first.length > 0 ? await tx.exec(first.join(';\n')) : [];
        return work(
          wrap(tx),
          opening.map((result) => result.rows as Record<string, unknown>[]),
        );
      }),
    retries: () => 0,
    close: () => db.close(),
  };
}
