/** What the service needs of a database: a query, and a transaction that is retried when PostgreSQL asks. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * How concurrent decisions are kept apart (docs/guides/vendor.md, "Concurrency"):
 * - `lock`: READ COMMITTED, and each transaction first locks what its decision reads — the roster of
 *   its category and term (an advisory lock: shared for a student-side action, exclusive to submit),
 *   then the student's row. Concurrent decisions about one student queue; others run side by side.
 * - `serializable`: SERIALIZABLE isolation and no explicit locks; PostgreSQL aborts one of two
 *   transactions that could not have run one after the other (SQLSTATE 40001), and it is retried.
 */
export type Strategy = 'lock' | 'serializable';

/** The rows of each statement of a transaction's opening (`first`), in order. */
export type Opening = readonly Record<string, unknown>[][];

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly strategy: Strategy;
  /**
   * Runs `work` in one transaction: all its writes or none. Retried from the start on a
   * serialization failure or deadlock. `first` are statements without parameters (the locks) sent
   * with `begin` in one round trip; `work` gets their rows.
   */
  transaction<T>(work: (tx: Queryable, opening: Opening) => Promise<T>, first?: readonly string[]): Promise<T>;
  /** How many transactions were retried (serialization failures and deadlocks). */
  retries(): number;
  close(): Promise<void>;
}

/** The SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
export const MAX_ATTEMPTS = 50;

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '');
}

/** A short random wait before a retry, growing with the attempt, so that retried transactions do not collide again in step. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A text as an SQL literal, for the statements sent with `begin` (the simple protocol takes no
 * parameters). With standard_conforming_strings (PostgreSQL's default since 9.1) doubling the quote is
 * the whole escape; a NUL cannot be in a PostgreSQL text at all.
 */
export function literal(text: string): string {
  if (text.includes('\0')) throw new TypeError('a NUL character cannot be stored');
  return `'${text.replaceAll("'", "''")}'`;
}

/** Day columns (`date`, OID 1082) as `YYYY-MM-DD` text, as the engine takes them; bigint (OID 20) as a number. */
export const PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  1082: (value) => value,
  20: (value) => Number(value),
};
