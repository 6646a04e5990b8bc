import type { FinalSubmission, PortfolioItem, Receipt, Submission } from '@portfolio-rules/core';
import { literal, type Queryable } from './db';
import { present } from './present';

/** An `items` row. */
export interface ItemRow {
  id: string;
  student_id: string;
  kind: 'courseOutcome' | 'diversePerformance';
  term: string | null;
  academic_year: number;
  course: string | null;
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
  'id, student_id, kind, term, academic_year, course, certifier, category, state, entry, selected, withdrawn, summary, files, uploaded_on, rejection_reason, certified_by, certified_on, revoked_on';

/** The submission rounds of some categories and terms, as a JSON array. */
const SUBMISSIONS_JSON = (categories: string, terms: string) =>
  `(select coalesce(json_agg(s order by s.category, s.term, s.round), '[]') from submissions s
  where s.category = any(${categories}) and s.term = any(${terms}))`;
/** The final submissions of some categories and terms, as a JSON array. */
const FINALS_JSON = (categories: string, terms: string) =>
  `(select coalesce(json_agg(f), '[]') from finals f where f.category = any(${categories}) and f.term = any(${terms}))`;

interface SubmissionRow {
  category: Submission['category'];
  term: string;
  round: number;
  submitted_by: string;
  acting_as: string;
  submitted_on: string;
  correction: string | null;
  receipt_opens: string | null;
  receipt_closes: string | null;
}

const submissionOf = (row: SubmissionRow): Submission => ({
  category: row.category,
  term: row.term,
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
  submitted_by: string;
  acting_as: string;
  final_on: string;
}

const finalOf = (row: FinalRow): FinalSubmission => ({
  category: row.category as FinalSubmission['category'],
  term: row.term,
  submittedBy: row.submitted_by,
  actingAs: row.acting_as,
  finalOn: row.final_on,
});

/**
 * What a student-side decision reads, as one statement without parameters, sent with `begin` and the
 * locks and run after them (each statement of a batch takes its own snapshot under READ COMMITTED, so
 * it sees what the lock holders committed): the student's items of the kind and academic year — all
 * any cap of that kind counts — and the rounds and final submissions of the rosters that cover them.
 */
export function studentViewQuery(
  studentId: string,
  kind: PortfolioItem['kind'],
  academicYear: number,
  terms: readonly string[],
): string {
  const items = `(select coalesce(json_agg(i), '[]') from (select ${ITEM_COLUMNS} from items
    where student_id = ${literal(studentId)} and kind = ${literal(kind)} and academic_year = ${academicYear}) i)`;
  const [kinds, termList] = [`array[${literal(kind)}]`, `array[${terms.map(literal).join(', ')}]`];
  return `select ${items} as items, ${SUBMISSIONS_JSON(kinds, termList)} as submissions, ${FINALS_JSON(kinds, termList)} as finals`;
}

/** The rows of {@link studentViewQuery} as the engine takes them. */
export function studentViewOf(rows: readonly Record<string, unknown>[]): {
  readonly items: PortfolioItem[];
  readonly submissions: Submission[];
  readonly finals: FinalSubmission[];
} {
  const row = rows[0] as { items: ItemRow[]; submissions: SubmissionRow[]; finals: FinalRow[] };
  return {
    items: row.items.map(itemOf),
    submissions: row.submissions.map(submissionOf),
    finals: row.finals.map(finalOf),
  };
}

/** The rounds and final submissions of one roster, in one statement. */
export async function rosterView(
  tx: Queryable,
  category: string,
  term: string,
): Promise<{ readonly submissions: Submission[]; readonly finals: FinalSubmission[] }> {
  const { rows } = await tx.query<{ submissions: SubmissionRow[]; finals: FinalRow[] }>(
    `select ${SUBMISSIONS_JSON('array[$1]', 'array[$2]')} as submissions, ${FINALS_JSON('array[$1]', 'array[$2]')} as finals`,
    [category, term],
  );
  const row = present(rows[0], 'the submissions row');
  return { submissions: row.submissions.map(submissionOf), finals: row.finals.map(finalOf) };
}

export interface ReceiptRow {
  student_id: string;
  category: Receipt['category'];
  term: string;
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
