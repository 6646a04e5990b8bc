import { DIVISIONS, type Division } from '@portfolio-rules/core';
import type { Statement, Strategy } from './db';
import { present } from './present';

/** The receipt categories, numbered for the roster lock's first key (the second is the term, e.g. 11201). */
const ROSTER_KEYS = {
  cadre: 7001,
  courseRecord: 7002,
  courseOutcome: 7003,
  diversePerformance: 7004,
} as const satisfies Readonly<Record<string, number>>;

/**
 * The roster lock's first key: the category's number, then the division's place in {@link DIVISIONS}
 * (7003 → 70030 for the day division's course outcomes, 70031 for the continuing-education division's).
 */
const rosterKey = (category: string, division: Division) =>
  present(ROSTER_KEYS[category as keyof typeof ROSTER_KEYS], `key of ${category}`) * 10 + DIVISIONS.indexOf(division);

/** {@link rosterKey}'s division part, as SQL over a `students` row named `s`. */
const DIVISION_KEY_SQL = `case s.division ${DIVISIONS.map((division, index) => `when '${division}' then ${index}`).join(' ')} end`;

/** What names a roster: a category and term, of one division (each division submits its own). */
export interface Roster {
  readonly category: string;
  readonly term: string;
  readonly division: Division;
}

/**
 * The statements that lock rosters (a category, term and division) for the rest of the transaction:
 * `shared` for a student-side action on their data (upload, select, certify, a receipt), `exclusive`
 * to submit or final-submit them. A submission thus waits for the actions in flight and they wait for
 * it, so none slips in after the roster was submitted (PR7004), and no dispute is raised while the
 * final submission reads the disputes (PR7012). Taken in one order (category, division, then term) so
 * two never deadlock. Advisory locks live in the lock manager, not in rows: many shared holders cost
 * nothing on disk. Under SERIALIZABLE none is taken: PostgreSQL finds the conflicts itself.
 */
export function rosterLocks(strategy: Strategy, rosters: readonly Roster[], mode: 'shared' | 'exclusive'): Statement[] {
  if (strategy === 'serializable') return [];
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  const keys = rosters.map((roster) => [rosterKey(roster.category, roster.division), Number(roster.term)] as const);
  const unique = new Map(keys.map((key) => [`${key[0]} ${key[1]}`, key]));
  return [...unique.values()]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((key) => ({ sql: `select ${lock}($1, $2)`, params: key }));
}

/**
 * {@link rosterLocks} (shared) of a student's rosters of one category and some terms (in order), in
 * the student's division, found from the student's row within the statements: no round trip to read
 * the division first. None for an unknown student (the request is then a 404).
 */
export function studentRosterLocks(
  strategy: Strategy,
  studentId: string,
  category: keyof typeof ROSTER_KEYS,
  terms: readonly string[],
): Statement[] {
  if (strategy === 'serializable') return [];
  return [...new Set(terms)].sort().map((term) => ({
    sql: `select pg_advisory_xact_lock_shared(${ROSTER_KEYS[category] * 10} + ${DIVISION_KEY_SQL}, $2::int)
        from students s where s.id = $1`,
    params: [studentId, Number(term)],
  }));
}

/**
 * {@link rosterLocks} (shared) of an item already stored, found by its id within the statements (an
 * item's kind, term and academic year never change; its student's division is read with it): a course
 * outcome's term; both terms of a diverse performance's academic year, in key order. No round trip to
 * read the item first.
 */
export function itemRosterLocks(strategy: Strategy, itemId: string): Statement[] {
  if (strategy === 'serializable') return [];
  const [outcome, diverse] = [ROSTER_KEYS.courseOutcome * 10, ROSTER_KEYS.diversePerformance * 10];
  const ofItem = 'from items i join students s on s.id = i.student_id where i.id = $1';
  return [
    {
      sql: `select pg_advisory_xact_lock_shared(case i.kind when 'courseOutcome' then ${outcome} else ${diverse} end + ${DIVISION_KEY_SQL},
        case i.kind when 'courseOutcome' then i.term::int else i.academic_year * 100 + 1 end) ${ofItem}`,
      params: [itemId],
    },
    {
      sql: `select pg_advisory_xact_lock_shared(${diverse} + ${DIVISION_KEY_SQL}, i.academic_year * 100 + 2) ${ofItem}
        and i.kind = 'diversePerformance'`,
      params: [itemId],
    },
  ];
}

/**
 * The statement that locks the student's row: decisions that count the student's items (caps) queue
 * one after another. It returns the row, or none for an unknown student.
 */
export function studentLock(strategy: Strategy, studentId: string): Statement {
  return { sql: `select id from students where id = $1${forUpdate(strategy)}`, params: [studentId] };
}

/** {@link studentLock} of an item's student, found by the item's id. */
export function itemStudentLock(strategy: Strategy, itemId: string): Statement {
  return {
    sql: `select id from students where id = (select student_id from items where id = $1)${forUpdate(strategy)}`,
    params: [itemId],
  };
}

/** ` for update` under row locks: the row of a state machine (an item, a receipt) is read locked. */
export const forUpdate = (strategy: Strategy): string => (strategy === 'lock' ? ' for update' : '');
