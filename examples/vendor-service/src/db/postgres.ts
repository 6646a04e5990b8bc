import pg from 'pg';
import {
  backoff,
  type Closing,
  type Database,
  isRetryable,
  MAX_ATTEMPTS,
  type Opening,
  PARSERS,
  sqlValue,
  type Statement,
  type Strategy,
} from './database';

/** The rows of each statement of a batch (`pg` gives one result for one statement, an array for several). */
const rowsOf = (results: pg.QueryResult | pg.QueryResult[]) =>
  (Array.isArray(results) ? results : [results]).map((result) => result.rows as Record<string, unknown>[]);

/**
 * The service's statements, prepared on each connection the first time it runs them (`PREPARE`, then
 * `EXECUTE` with the arguments as literals), so PostgreSQL parses and plans each once per connection,
 * not once per decision — half of its CPU per decision when planned every time (bench/README.md). A
 * PREPARE is sent in the same batch as its first EXECUTE: no extra round trip.
 */
export class Prepared {
  private readonly names = new Map<string, string>();
  private readonly onConnection = new WeakMap<pg.ClientBase, Set<string>>();

  /** The batch that runs `statements` on `client` between `before` and `after`, and where their results are in it. */
  batch(client: pg.ClientBase, before: readonly string[], statements: readonly Statement[], after: readonly string[]) {
    const prepared = this.onConnection.get(client);
    const parts = [...before];
    const results: number[] = [];
    const preparing: string[] = [];
    for (const { sql, params } of statements) {
      let name = this.names.get(sql);
      if (name === undefined) this.names.set(sql, (name = `vendor_${this.names.size}`));
      if (!prepared?.has(name) && !preparing.includes(name)) {
        parts.push(`prepare ${name} as ${sql}`);
        preparing.push(name);
      }
      results.push(parts.length);
      parts.push(params.length === 0 ? `execute ${name}` : `execute ${name}(${params.map(sqlValue).join(', ')})`);
    }
    parts.push(...after);
    return { text: parts.join(';\n'), results, preparing };
  }

  /**
   * Runs a batch and gives the rows of its statements. When it fails, the transaction is rolled back
   * and what the connection holds is read again: the PREPAREs after the failing statement did not run.
   */
  async run(
    client: pg.ClientBase,
    batch: { readonly text: string; readonly results: readonly number[]; readonly preparing: readonly string[] },
  ) {
    let prepared = this.onConnection.get(client);
    if (!prepared) this.onConnection.set(client, (prepared = new Set()));
    for (const name of batch.preparing) prepared.add(name);
    try {
      const rows = rowsOf(await client.query(batch.text));
      return batch.results.map((index) => rows[index] ?? []);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const held = await client.query<{ name: string }>('select name from pg_prepared_statements').catch(() => null);
      this.onConnection.set(client, new Set(held?.rows.map((row) => row.name)));
      throw error;
    }
  }
}

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
  const prepared = new Prepared();
  let retried = 0;
  const begin = strategy === 'serializable' ? 'begin isolation level serializable' : 'begin';
  return {
    kind: 'postgres',
    strategy,
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    exec: async (sql) => void (await pool.query(sql)),
    async transaction<T>(first: readonly Statement[], decide: (opening: Opening) => Closing<T>): Promise<T> {
      const client = await pool.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            const opening = await prepared.run(client, prepared.batch(client, [begin], first, []));
            const closing = decide(opening);
            const [rows] = await prepared.run(client, prepared.batch(client, [], [closing], ['commit']));
            return closing.answer(rows ?? []);
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
