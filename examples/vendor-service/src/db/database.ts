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

/** A statement, `$1`, `$2`… standing for its parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The rows of each statement of a transaction's opening (`first`), in order. */
export type Opening = readonly Record<string, unknown>[][];

/** How a transaction ends: its last statement (the writes), sent with `commit`, and the answer made of its rows. */
export interface Closing<T> extends Statement {
  readonly answer: (rows: readonly Record<string, unknown>[]) => T;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly strategy: Strategy;
  /**
   * Runs one transaction in two round trips: `begin` with the `first` statements (the locks, then the
   * reads), whose rows `decide` gets; then the statement `decide` returns, with `commit`. All its
   * writes or none. Retried from the start on a serialization failure or deadlock; a `decide` that
   * throws rolls it back.
   */
  transaction<T>(first: readonly Statement[], decide: (opening: Opening) => Closing<T>): Promise<T>;
  /** Runs statements without parameters (the schema), in one round trip. */
  exec(sql: string): Promise<void>;
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

/** A text with a NUL character, which PostgreSQL cannot store: its SQLSTATE, as the server would refuse it. */
export class NotStorable extends Error {
  readonly code = '22021';
  constructor() {
    super('a text holds a NUL character, which PostgreSQL cannot store');
  }
}

/**
 * What PostgreSQL refuses to store: a NUL in a text (22021) or in a JSON text (22P05, `\u0000` in a
 * `jsonb`, e.g. a file's name). Bad input (HTTP 400), not a failure of the service.
 */
export const isUnstorable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && ['22021', '22P05'].includes((error as { code?: string }).code ?? '');

/**
 * A text as an SQL literal, for the arguments of statements sent several at once (the simple protocol,
 * the only one that takes several statements in one message, takes no parameters). With standard_conforming_strings (PostgreSQL's default since 9.1) doubling the quote is
 * the whole escape; a NUL cannot be in a PostgreSQL text at all.
 */
function literal(text: string): string {
  if (text.includes('\0')) throw new NotStorable();
  return `'${text.replaceAll("'", "''")}'`;
}

/** A value as an SQL literal: a text (see {@link literal}), a finite number, a boolean, null, or an array of texts. */
export function sqlValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
    return value.length === 0 ? "'{}'::text[]" : `array[${value.map(literal).join(', ')}]::text[]`;
  throw new TypeError(`vendor-service: no SQL literal for ${typeof value}`);
}

/** Day columns (`date`, OID 1082) as `YYYY-MM-DD` text, as the engine takes them; bigint (OID 20) as a number. */
export const PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  1082: (value) => value,
  20: (value) => Number(value),
};
