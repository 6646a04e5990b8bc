import type { Division, FinalSubmission, PortfolioItem, Receipt, Submission } from '@portfolio-rules/core';
import type { Statement } from './db';
import { present } from './present';

/** An `items` row. */
export interface ItemRow {
  id: string;
  student_id: string;
  kind: 'courseOutcome' | 'diversePerformance';
  term: string | null;
  academic_year: number;
  course: string | null;
  department: string | null;
  domain: string | null;
  certifier: string | null;
  category: string | null;
  state: string | null;
  entry: string;
  selected: boolean;
  withdrawn: boolean;
  summary: string | null;
  files: unknown;
  uploaded_on: string;
  rejection_reason: string | null;
  certified_by: string | null;
  certified_on: string | null;
  revoked_on: string | null;
}

const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** An item as the engine takes it. */
export function itemOf(row: ItemRow): PortfolioItem {
  const common = {
    id: row.id,
    studentId: row.student_id,
    entry: row.entry,
    selected: row.selected,
    uploadedOn: row.uploaded_on,
    ...(row.withdrawn && { withdrawn: true }),
    ...optional('summary', row.summary),
    ...optional('files', row.files),
  };
  if (row.kind === 'courseOutcome')
    return {
      ...common,
      kind: 'courseOutcome',
      term: present(row.term, 'term'),
      course: present(row.course, 'course'),
      ...optional('department', row.department),
      ...optional('domain', row.domain),
      certifier: present(row.certifier, 'certifier'),
      state: present(row.state, 'state'),
      ...optional('rejectionReason', row.rejection_reason),
      ...optional('certifiedBy', row.certified_by),
      ...optional('certifiedOn', row.certified_on),
      ...optional('revokedOn', row.revoked_on),
    } as PortfolioItem;
  return {
    ...common,
    kind: 'diversePerformance',
    academicYear: row.academic_year,
    category: present(row.category, 'category'),
    ...optional('term', row.term),
  } as PortfolioItem;
}

/** The columns of an item to write. */
export function itemColumns(item: PortfolioItem): unknown[] {
  const outcome = item.kind === 'courseOutcome' ? item : undefined;
  const academicYear = item.kind === 'courseOutcome' ? Number(item.term.slice(0, -2)) : item.academicYear;
  return [
    item.id,
    item.studentId,
    item.kind,
    item.term ?? null,
    academicYear,
    outcome?.course ?? null,
    outcome?.department ?? null,
    outcome?.domain ?? null,
    outcome?.certifier ?? null,
    item.kind === 'diversePerformance' ? item.category : null,
    outcome?.state ?? null,
    item.entry,
    item.selected,
    item.withdrawn ?? false,
    item.summary ?? null,
    item.files ? JSON.stringify(item.files) : null,
    item.uploadedOn,
    outcome?.rejectionReason ?? null,
    outcome?.certifiedBy ?? null,
    outcome?.certifiedOn ?? null,
    outcome?.revokedOn ?? null,
  ];
}

export const ITEM_COLUMNS =
  'id, student_id, kind, term, academic_year, course, department, domain, certifier, category, state, entry, selected, withdrawn, summary, files, uploaded_on, rejection_reason, certified_by, certified_on, revoked_on';

/** The submission rounds of some categories and terms in one division, as a JSON array (SQL expressions). */
const SUBMISSIONS_JSON = (categories: string, terms: string, division: string) =>
  `(select coalesce(json_agg(s order by s.category, s.term, s.round), '[]') from submissions s
  where s.category = any(${categories}) and s.term = any(${terms}) and s.division = ${division})`;
/** The final submissions of some categories and terms in one division, as a JSON array. */
const FINALS_JSON = (categories: string, terms: string, division: string) =>
  `(select coalesce(json_agg(f), '[]') from finals f
  where f.category = any(${categories}) and f.term = any(${terms}) and f.division = ${division})`;

interface SubmissionRow {
  category: Submission['category'];
  term: string;
  division: Division;
  round: number;
  submitted_by: string;
  acting_as: string;
  submitted_on: string;
  correction: string | null;
  receipt_opens: string | null;
  receipt_closes: string | null;
}

/** The engine leaves the day division out of a roster's name; so does the service. */
const divisionOf = (division: Division) => (division === 'day' ? {} : { division });

const submissionOf = (row: SubmissionRow): Submission => ({
  category: row.category,
  term: row.term,
  ...divisionOf(row.division),
  round: row.round,
  submittedBy: row.submitted_by,
  actingAs: row.acting_as,
  submittedOn: row.submitted_on,
  ...optional('correction', row.correction),
  ...(row.receipt_opens !== null &&
    row.receipt_closes !== null && { receiptPeriod: { opens: row.receipt_opens, closes: row.receipt_closes } }),
});

interface FinalRow {
  category: string;
  term: string;
  division: Division;
  submitted_by: string;
  acting_as: string;
  final_on: string;
}

const finalOf = (row: FinalRow): FinalSubmission => ({
  category: row.category as FinalSubmission['category'],
  term: row.term,
  ...divisionOf(row.division),
  submittedBy: row.submitted_by,
  actingAs: row.acting_as,
  finalOn: row.final_on,
});

/**
 * What a student-side decision reads, as one statement, sent with `begin` and the locks and run after
 * them (each statement of a batch takes its own snapshot under READ COMMITTED, so it sees what the
 * lock holders committed): the student's division, the student's items of the kind and academic year
 * — all any cap of that kind counts — and the rounds and final submissions of the rosters that cover
 * them, in the student's division (each division submits its own). The arguments are SQL expressions.
 */
function studentView(studentId: string, kind: string, academicYear: string, terms: string): string {
  const items = `(select coalesce(json_agg(i), '[]') from (select ${ITEM_COLUMNS} from items
    where student_id = ${studentId} and kind = ${kind} and academic_year = ${academicYear}) i)`;
  const kinds = `array[${kind}]`;
  const division = `(select division from students where id = ${studentId})`;
  return `select ${division} as division, ${items} as items, ${SUBMISSIONS_JSON(kinds, terms, division)} as submissions,
    ${FINALS_JSON(kinds, terms, division)} as finals`;
}

/** {@link studentView} for a new item: its student, kind, academic year and the terms of its rosters. */
export const studentViewQuery = (
  studentId: string,
  kind: PortfolioItem['kind'],
  academicYear: number,
  terms: readonly string[],
): Statement => ({
  sql: studentView('$1::text', '$2::text', '$3::smallint', '$4::text[]'),
  params: [studentId, kind, academicYear, terms],
});

/** An item's column, read from its row by id, `$1` (an item's student, kind, term and academic year never change). */
const ofItem = (expression: string) => `(select ${expression} from items where id = $1::text)`;

/** The terms whose rosters cover an item, as SQL: a course outcome's own; both terms of a diverse performance's year. */
const ROSTER_TERMS_SQL =
  "case when kind = 'courseOutcome' then array[term] else array[academic_year || '01', academic_year || '02'] end";

/** {@link studentView} for an item already stored, found by its id within the statement. */
export const itemStudentViewQuery = (itemId: string): Statement => ({
  sql: studentView(
    ofItem('student_id'),
    ofItem('kind'),
    ofItem('academic_year'),
    `${ofItem(ROSTER_TERMS_SQL)}::text[]`, // an array, not a subquery's rows
  ),
  params: [itemId],
});

/** The rows of {@link studentView} as the engine takes them: {@link rosterViewOf}'s, and the student's items. */
export function studentViewOf(rows: readonly Record<string, unknown>[] | undefined): RosterView & {
  readonly items: PortfolioItem[];
} {
  const { items } = present(rows?.[0], 'the student view') as { items: ItemRow[] };
  return { ...rosterViewOf(rows), items: items.map(itemOf) };
}

/** The rounds and final submissions of one roster (SQL expressions), and its division, as one statement. */
const rosterView = (category: string, term: string, division: string): string =>
  `select ${division} as division, ${SUBMISSIONS_JSON(`array[${category}]`, `array[${term}]`, division)} as submissions,
    ${FINALS_JSON(`array[${category}]`, `array[${term}]`, division)} as finals`;

/** The rounds and final submissions of one roster. */
export const rosterViewQuery = (category: string, term: string, division: Division): Statement => ({
  sql: rosterView('$1::text', '$2::text', '$3::text'),
  params: [category, term, division],
});

/** The roster view of a student's division (found by the student's id, `$3`), for a receipt. */
export const studentRosterViewQuery = (category: string, term: string, studentId: string): Statement => ({
  sql: rosterView('$1::text', '$2::text', '(select division from students where id = $3::text)'),
  params: [category, term, studentId],
});

/** The roster view of a course outcome's term in its student's division, found by the item's id. */
export const itemRosterViewQuery = (itemId: string): Statement => ({
  sql: rosterView(
    "'courseOutcome'",
    ofItem('term'),
    '(select s.division from items i join students s on s.id = i.student_id where i.id = $1::text)',
  ),
  params: [itemId],
});

/** A roster's division (left out for the day division, as the engine does), rounds and final submissions. */
export interface RosterView {
  readonly division?: Division;
  readonly submissions: Submission[];
  readonly finals: FinalSubmission[];
}

/** The rows of a roster view (or a student view) as the engine takes them. */
export function rosterViewOf(rows: readonly Record<string, unknown>[] | undefined): RosterView {
  const row = present(rows?.[0], 'the roster view') as {
    division: Division | null;
    submissions: SubmissionRow[];
    finals: FinalRow[];
  };
  return {
    ...divisionOf(row.division ?? 'day'),
    submissions: row.submissions.map(submissionOf),
    finals: row.finals.map(finalOf),
  };
}

export interface ReceiptRow {
  student_id: string;
  category: Receipt['category'];
  term: string;
  division: Division;
  round: number;
  status: Receipt['status'];
  dispute: string | null;
  resolution: string | null;
  confirmed_by: string | null;
  confirmed_on: string | null;
  disputed_on: string | null;
  resolved_on: string | null;
}

export function receiptOf(row: ReceiptRow): Receipt {
  return {
    studentId: row.student_id,
    category: row.category,
    term: row.term,
    round: row.round,
    status: row.status,
    ...optional('dispute', row.dispute),
    ...optional('resolution', row.resolution),
    ...optional('confirmedBy', row.confirmed_by),
    ...optional('confirmedOn', row.confirmed_on),
  };
}

/** The academic year a term code belongs to: 11201 → 112. */
export const yearOf = (term: string): number => Number(term.slice(0, -2));
/** Both terms of an academic year: a diverse performance is locked by a submission in either. */
export const termsOfYear = (year: number): string[] => [`${year}01`, `${year}02`];
