import pg from 'pg';
import {
  backoff,
  type Closing,
  type Database,
  inline,
  isRetryable,
  MAX_ATTEMPTS,
  type Opening,
  PARSERS,
  type Strategy,
} from './database';

/** The rows of each statement of a batch (`pg` gives one result for one statement, an array for several). */
const rowsOf = (results: pg.QueryResult | pg.QueryResult[]) =>
  (Array.isArray(results) ? results : [results]).map((result) => result.rows as Record<string, unknown>[]);

/** A PostgreSQL server through a pool of `pg` connections. */
export function openPostgres(url: string, strategy: Strategy, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // The texts quoted by `literal` rely on it (PostgreSQL's default; a server may be set otherwise).
    options: '-c standard_conforming_strings=on',
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
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
    async transaction<T>(first: readonly string[], decide: (opening: Opening) => Closing<T>): Promise<T> {
      const client = await pool.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            const batch = (await client.query([begin, ...first].join(';\n'))) as unknown as pg.QueryResult[];
            const closing = decide(rowsOf(batch).slice(1));
            const last = (await client.query(
              `${inline(closing.sql, closing.params)};\ncommit`,
            )) as unknown as pg.QueryResult[];
            return closing.answer(rowsOf(last)[0] ?? []);
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
