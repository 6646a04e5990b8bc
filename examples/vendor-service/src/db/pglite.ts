import { PGlite } from '@electric-sql/pglite';
import { type Database, inline, PARSERS } from './database';

/**
 * PostgreSQL compiled to WebAssembly, in this process: no server to set up. In memory unless given a
 * folder to keep its data in. It has a single connection, so its transactions run one after another
 * and the caps hold without any lock; the service still takes them, to run the same code everywhere.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create({ ...(dataDir && { dataDir }), parsers: PARSERS });
  return {
    kind: 'pglite',
    strategy: 'lock',
    query: (sql, params) => db.query(sql, params as unknown[]) as never,
    transaction: (first, decide) =>
      db.transaction(async (tx) => {
        const opening = first.length > 0 ? await tx.exec(first.join(';\n')) : [];
        const closing = decide(opening.map((result) => result.rows as Record<string, unknown>[]));
        const [last] = await tx.exec(inline(closing.sql, closing.params));
        return closing.answer((last?.rows ?? []) as Record<string, unknown>[]);
      }),
    retries: () => 0,
    close: () => db.close(),
  };
}
