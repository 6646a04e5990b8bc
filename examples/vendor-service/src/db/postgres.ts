import pg from 'pg';
import {
  backoff,
  type Database,
  isRetryable,
  MAX_ATTEMPTS,
  type Opening,
  PARSERS,
  type Queryable,
  type Strategy,
} from './database';

/** How a column's text becomes a value (`pg` types its parsers' results `any`). */
type Parser = (value: string) => unknown;

/** A PostgreSQL server through a pool of `pg` connections. */
export function openPostgres(url: string, strategy: Strategy, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // The texts quoted by `literal` rely on it (PostgreSQL's default; a server may be set otherwise).
    options: '-c standard_conforming_strings=on',
    types: {
      getTypeParser: ((oid: number, format?: string): Parser =>
        PARSERS[oid] ?? (pg.types.getTypeParser(oid, format as 'text') as Parser)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (a restart) must not crash the service.
  pool.on('error', () => {});
  let retried = 0;
  const begin = strategy === 'serializable' ? 'begin isolation level serializable' : 'begin';
  return {
    kind: 'postgres',
    strategy,
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    async transaction<T>(
      work: (tx: Queryable, opening: Opening) => Promise<T>,
      first: readonly string[] = [],
    ): Promise<T> {
      const client = await pool.connect();
      const tx: Queryable = { query: (sql, params) => client.query(sql, params as unknown[]) as never };
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            const results = (await client.query([begin, ...first].join(';\n'))) as unknown as
              pg.QueryResult<Record<string, unknown>> | pg.QueryResult<Record<string, unknown>>[];
            const opening = (Array.isArray(results) ? results : [results]).slice(1).map((result) => result.rows);
            const result = await work(tx, opening);
            await client.query('commit');
            return result;
          } catch (error) {
            await client.query('rollback').catch(() => undefined);
            if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
            retried++;
            await backoff(attempt);
          }
        }
      } finally {
        client.release();
      }
    },
    retries: () => retried,
    close: () => pool.end(),
  };
}
