import type { Queryable, Strategy } from './db';

/** The receipt categories, numbered for the roster lock's first key (the second is the term, e.g. 11201). */
const ROSTER_KEYS: Readonly<Record<string, number>> = {
  cadre: 7001,
  courseRecord: 7002,
  courseOutcome: 7003,
  diversePerformance: 7004,
};

export interface Roster {
  readonly category: string;
  readonly term: string;
}

/**
 * Locks rosters (a category and term) for the rest of the transaction: `shared` for a student-side
 * action on their data (upload, select, certify, a receipt), `exclusive` to submit or final-submit
 * them. A submission thus waits for the actions in flight and they wait for it, so none slips in
 * after the roster was submitted (PR7004), and no dispute is raised while the final submission
 * reads the disputes (PR7012). Taken in one order (category, then term) so two never deadlock.
 * Advisory locks live in the lock manager, not in rows: many shared holders cost nothing on disk.
 */
export async function lockRosters(
  tx: Queryable,
  strategy: Strategy,
  rosters: readonly Roster[],
  mode: 'shared' | 'exclusive',
): Promise<void> {
  if (strategy === 'serializable') return;
  const keys = [...new Set(rosters.map((roster) => `${ROSTER_KEYS[roster.category]}:${roster.term}`))].sort();
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  for (const key of keys) {
    const [category, term] = key.split(':').map(Number);
    await tx.query(`select ${lock}($1, $2)`, [category, term]);
  }
}

/** Locks the student's row: decisions that count the student's items (caps) queue one after another. */
export async function lockStudent(tx: Queryable, strategy: Strategy, studentId: string): Promise<boolean> {
  const sql =
    strategy === 'serializable'
      ? 'select id from students where id = $1'
      : 'select id from students where id = $1 for update';
  const { rows } = await tx.query(sql, [studentId]);
  return rows.length > 0;
}
