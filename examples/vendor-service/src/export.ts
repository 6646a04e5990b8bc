import type { Queryable } from './db';
import type { ItemRow } from './store';
import { present } from './present';

/** The dataset event names of the engine's recorded certification events (edits and withdrawals are not dataset events). */
const EVENTS: Readonly<Record<string, string>> = {
  submitted: 'submit',
  certified: 'certify',
  rejected: 'reject',
  revoked: 'revoke',
  reassigned: 'reassign',
};
const PAGE = 5000;

/** A roster's division as the dataset writes it: left out for the day division, as the engine leaves it out. */
const divisionOf = (division: unknown) => (division === 'day' ? null : division);

/** Leaves out the fields that are null: the dataset format has no nulls, only absent fields. */
function line(record: Record<string, unknown>): string {
  return (
    JSON.stringify(
      Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)),
    ) + '\n'
  );
}

/** Reads a query a page at a time in the order of its `_key` column, so an export of any size holds one page in memory. */
async function* pages<Row>(db: Queryable, sql: string): AsyncGenerator<Row & { _key: string }> {
  let after: string | null = null;
  for (;;) {
    const { rows }: { rows: (Row & { _key: string })[] } = await db.query(
      `select * from (${sql}) page where ($1::text is null or _key > $1) order by _key limit ${PAGE}`,
      [after],
    );
    yield* rows;
    if (rows.length < PAGE) return;
    after = present(rows.at(-1), 'the last row')._key;
  }
}

/**
 * The school's data as the dataset NDJSON that `portfolio-rules audit --data` reads
 * (docs/reference/dataset-format.md): students, items, certification events, every submission round
 * with its receipt period and division, the final submissions, and each round's receipts. A course
 * outcome's department and domain are not written: the dataset format has no field for them.
 */
export async function* exportDataset(db: Queryable): AsyncGenerator<string> {
  for await (const row of pages<Record<string, unknown>>(
    db,
    'select id, grade, class, division, status, id as _key from students',
  )) {
    const { _key, ...student } = row;
    yield line({ type: 'student', ...student });
  }
  for await (const row of pages<ItemRow>(db, 'select *, id as _key from items')) {
    const common = {
      id: row.id,
      studentId: row.student_id,
      entry: row.entry,
      selected: row.selected,
      withdrawn: row.withdrawn || null,
      summary: row.summary,
      files: row.files,
      uploadedOn: row.uploaded_on,
    };
    if (row.kind === 'courseOutcome')
      yield line({
        type: 'courseOutcome',
        ...common,
        term: row.term,
        course: row.course,
        certifier: row.certifier,
        state: row.state,
        rejectionReason: row.rejection_reason,
        certifiedBy: row.certified_by,
        certifiedOn: row.certified_on,
      });
    else
      yield line({
        type: 'diversePerformance',
        ...common,
        academicYear: row.academic_year,
        term: row.term,
        category: row.category,
      });
  }
  for await (const row of pages<Record<string, string | null>>(
    db,
    "select *, lpad(id::text, 20, '0') as _key from certification_events",
  )) {
    const event = EVENTS[row.type ?? ''];
    if (!event) continue;
    yield line({
      type: 'certificationEvent',
      itemId: row.item_id,
      studentId: row.student_id,
      event,
      on: row.on_day,
      actor: row.actor,
      reason: row.reason,
      to: event === 'reassign' ? row.certifier : null,
    });
  }
  const { rows: rounds } = await db.query<Record<string, string | number | null>>(
    'select * from submissions order by category, term, division, round',
  );
  for (const row of rounds)
    yield line({
      type: 'submission',
      category: row.category,
      term: row.term,
      division: divisionOf(row.division),
      stage: 'submit',
      on: row.submitted_on,
      unit: row.acting_as,
      by: row.submitted_by,
      receiptOpens: row.receipt_opens,
      receiptCloses: row.receipt_closes,
    });
  const { rows: finals } = await db.query<Record<string, string | null>>(
    'select * from finals order by category, term, division',
  );
  for (const row of finals)
    yield line({
      type: 'submission',
      category: row.category,
      term: row.term,
      division: divisionOf(row.division),
      stage: 'final',
      on: row.final_on,
      unit: row.acting_as,
      by: row.submitted_by,
    });
  for await (const row of pages<Record<string, string | number | null>>(
    db,
    "select *, category || ':' || term || ':' || lpad(round::text, 6, '0') || ':' || student_id as _key from receipts",
  )) {
    // The dataset has no `resolved` status: a resolved receipt is a dispute with the day it was resolved.
    const status = row.status === 'resolved' ? 'disputed' : row.status;
    yield line({
      type: 'receipt',
      studentId: row.student_id,
      category: row.category,
      term: row.term,
      status,
      confirmedOn: row.confirmed_on,
      disputedOn: row.disputed_on,
      resolvedOn: row.resolved_on,
      round: row.round,
    });
  }
}
