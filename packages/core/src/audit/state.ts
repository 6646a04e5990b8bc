import type { PlainDate } from '../_lib/date';
import type { CapLimit } from '../caps/decide';
import type { StudentRecord } from '../dataset/student-records';
import type { Finding, Position } from '../findings/types';
import type { GovernanceEvidence } from '../governance';
import type { Resolution } from '../layering';
import type { ResolvedWindow } from '../windows';
import type { TermCache } from './terms';

/** A student's own course outcomes of one term, by state (the custom rules' `courseOutcome.*` facts). */
export interface TermTally {
  uploaded: number;
  draft: number;
  submitted: number;
  certified: number;
  rejected: number;
  selected: number;
}

/** A student's diverse performances of one academic year (the `diversePerformance.*` facts). */
export interface YearTally {
  uploaded: number;
  selected: number;
  schoolEntered: number;
}

/** One cap's counter for a student and period. */
export interface CapCount {
  readonly action: 'upload' | 'select';
  readonly limit: CapLimit;
  readonly period: string;
  count: number;
}

/** A certification decided after its window, or still pending after it; judged at the end, when the student's grade is known. */
export interface LateCandidate {
  readonly item: string;
  readonly certifier: string;
  readonly term: string;
  /** The decision day; absent for an item still pending. */
  readonly decidedOn?: PlainDate;
  /** The window that governs grades 1–2, and grade 3, when the item is late under it. */
  readonly lateOther?: ResolvedWindow;
  readonly lateGrade3?: ResolvedWindow;
  readonly position?: Position;
}

/** The latest change of a student's records of one category and term, against the final submission. */
export interface LatestChange {
  on: PlainDate;
  subject: string;
  position?: Position;
}

/** What the audit keeps per student: counters and a few small lists, never the records. */
export interface StudentState {
  readonly id: string;
  record?: StudentRecord;
  /** Records that name this student (items, events, receipts …), to report an unknown student. */
  records: number;
  readonly caps: Map<string, CapCount>;
  readonly terms: Map<string, TermTally>;
  readonly years: Map<number, YearTally>;
  courseOutcomes: number;
  diversePerformances: number;
  consultations: number;
  selectedCourseOutcomes: number;
  selectedDiversePerformances: number;
  draft: number;
  submitted: number;
  certified: number;
  rejected: number;
  late?: LateCandidate[];
  changes?: Map<string, LatestChange>;
  enrolment?: { readonly change: string; readonly on: PlainDate; readonly position?: Position }[];
  deletions?: { readonly deletedOn: PlainDate; readonly position?: Position }[];
}

/** Certification events whose actor is not (yet) known to be the item's certifier. */
export interface PendingActors {
  readonly studentId: string;
  readonly actors: { readonly actor: string; readonly event: string; readonly position?: Position }[];
  readonly reassignedTo: string[];
}

export interface Dispute {
  readonly studentId: string;
  readonly category: string;
  readonly term: string;
  readonly resolvedOn?: PlainDate;
}

export interface AuditState {
  readonly resolution: Resolution;
  readonly asOf: PlainDate;
  readonly terms: TermCache;
  readonly calendared: boolean;
  readonly students: Map<string, StudentState>;
  /** Per course outcome: `<certifier>\n<term>` — the one per-item entry (see docs/reference/audit.md, memory). */
  readonly certifiers: Map<string, string>;
  readonly pending: Map<string, PendingActors>;
  readonly noReason: Map<string, Position | undefined>;
  /** Findings a single record decides, as they come. */
  readonly findings: Finding[];
  /** `<category>|<term>` → the earliest final submission. */
  readonly finals: Map<string, PlainDate>;
  readonly disputes: Dispute[];
  readonly evidence: { meetings: PlainDate[]; trainings: GovernanceEvidence['trainings'][number][] };
  hasEvidence: boolean;
  /** The latest academic year in the data: students' grades are as of it. */
  maxYear: number;
  /** The earliest term in the data, for the governance period. */
  minTerm?: string;
}

export function newTermTally(): TermTally {
  return { uploaded: 0, draft: 0, submitted: 0, certified: 0, rejected: 0, selected: 0 };
}

export function studentOf(state: AuditState, id: string): StudentState {
  let student = state.students.get(id);
  if (!student) {
    student = {
      id,
      records: 0,
      caps: new Map(),
      terms: new Map(),
      years: new Map(),
      courseOutcomes: 0,
      diversePerformances: 0,
      consultations: 0,
      selectedCourseOutcomes: 0,
      selectedDiversePerformances: 0,
      draft: 0,
      submitted: 0,
      certified: 0,
      rejected: 0,
    };
    state.students.set(id, student);
  }
  return student;
}

/** Notes a term seen in the data (latest year for grades, earliest term for governance). */
export function seeTerm(state: AuditState, term: string): void {
  const year = Number(term.slice(0, -2));
  if (year > state.maxYear) state.maxYear = year;
  if (state.minTerm === undefined || term < state.minTerm) state.minTerm = term;
}
