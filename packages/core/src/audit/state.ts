import type { PlainDate } from '../_lib/date';
import type { CapAction, CapLimit } from '../caps/decide';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import type { GovernanceEvidence } from '../governance';
import type { Resolution } from '../layering';
import type { ResolvedWindow } from '../windows';
import { Certifiers } from './store/certifiers';
import { Decisions } from './store/decisions';
import { Places } from './store/places';
import { Roster } from './store/roster';
import { StudentTerms } from './store/student-terms';
import { Subjects } from './store/subjects';
import type { TermCache } from './terms';

/** A certification decided outside its window, or still pending after it; judged at the end, when the student's grade is known. */
export interface LateCandidate {
  readonly student: number;
  readonly item: string;
  readonly certifier: string;
  readonly term: string;
  /** The decision day; absent for an item still pending. */
  readonly decidedOn?: PlainDate;
  /** The window that governs grades 1–2, and grade 3, when the item falls outside it. */
  readonly lateOther?: ResolvedWindow;
  readonly lateGrade3?: ResolvedWindow;
  readonly position?: Position;
}

/** A student's count under one limit and period, and the place of the last record counted. */
export interface CapTotal {
  readonly action: CapAction;
  readonly limit: CapLimit;
  readonly period: string;
  count: number;
  line: number;
  frame: number;
}

export interface Dispute {
  readonly studentId: string;
  readonly student: number;
  readonly category: string;
  readonly term: string;
  readonly resolvedOn?: PlainDate;
  /** The submission round the receipt came back from; absent: the latest. */
  readonly round?: number;
}

/** A `submit` or `final` submission record, kept for the rounds check (few: a handful per category and term). */
export interface RoundRecord {
  readonly on: PlainDate;
  readonly opens?: PlainDate;
  readonly closes?: PlainDate;
  readonly position?: Position;
}

/** The submission rounds and final submissions of one category, term and division. */
export interface Rounds {
  readonly category: string;
  readonly term: string;
  readonly submits: RoundRecord[];
  readonly finals: RoundRecord[];
}

/**
 * The audit's memory: per student and student-term a row of integers (see store/), per course outcome
 * four integers, and objects only for what is found wrong or rare.
 */
export interface AuditState {
  readonly resolution: Resolution;
  readonly asOf: PlainDate;
  readonly terms: TermCache;
  readonly calendared: boolean;
  readonly places: Places;
  readonly subjects: Subjects;
  readonly roster: Roster;
  readonly studentTerms: StudentTerms;
  readonly certifiers: Certifiers;
  /** Cap counters outside their item's student-term row (a diverse performance whose academic year is not its term's: rare), by student, then counter key. */
  readonly strayCaps: Map<number, Map<string, CapTotal>>;
  readonly late: LateCandidate[];
  /**
   * Certification events (a teacher's decision, a submission, a reassignment): an event names its item
   * but not its term, so each is judged at the end, once the item's term is known — for a change after
   * the final submission (PR7014) and a decision outside the window (PR6002, PR6003), as the engine
   * judges the transition.
   */
  readonly decisions: Decisions;
  readonly enrolment: Map<number, { readonly change: string; readonly on: PlainDate; readonly position?: Position }[]>;
  readonly deletions: Map<number, { readonly deletedOn: PlainDate; readonly position?: Position }[]>;
  /** Rejections without a reason, by student and item id (`<studentId>\u0000<itemId>`). */
  readonly noReason: Map<
    string,
    { readonly itemId: string; readonly studentId: string; readonly position: Position | undefined }
  >;
  /** Findings a single record decides, as they come. */
  readonly findings: Finding[];
  /** `<category>|<term>|<division>` → the earliest final submission (each division submits its own roster). */
  readonly finals: Map<string, PlainDate>;
  readonly disputes: Dispute[];
  /** `<category>|<term>|<division>` → its rounds (each `submit` record) and final submissions. */
  readonly rounds: Map<string, Rounds>;
  readonly evidence: { meetings: PlainDate[]; trainings: GovernanceEvidence['trainings'][number][] };
  hasEvidence: boolean;
  /** The latest academic year in the data: students' grades are as of it. */
  maxYear: number;
  /** The earliest term in the data, for the governance period. */
  minTerm: string | undefined;
  /** The term seeTerm saw last: most records have the term of the record before them. */
  lastTerm: string | undefined;
}

export function createState(
  resolution: Resolution,
  asOf: PlainDate,
  terms: TermCache,
  calendared: boolean,
  evidence: GovernanceEvidence | undefined,
): AuditState {
  const places = new Places();
  const subjects = new Subjects();
  return {
    resolution,
    asOf,
    terms,
    calendared,
    places,
    subjects,
    roster: new Roster(),
    studentTerms: new StudentTerms(places, subjects),
    certifiers: new Certifiers(places),
    strayCaps: new Map(),
    late: [],
    decisions: new Decisions(),
    enrolment: new Map(),
    deletions: new Map(),
    noReason: new Map(),
    findings: [],
    finals: new Map(),
    disputes: [],
    rounds: new Map(),
    evidence: { meetings: [...(evidence?.meetings ?? [])], trainings: [...(evidence?.trainings ?? [])] },
    hasEvidence: evidence !== undefined,
    maxYear: 0,
    // Present from the start: a property added later changes the state's shape, and the optimised code that reads it is thrown away.
    minTerm: undefined,
    lastTerm: undefined,
  };
}

/** Notes a term seen in the data (latest year for grades, earliest term for governance). */
export function seeTerm(state: AuditState, term: string): void {
  if (term === state.lastTerm) return;
  state.lastTerm = term;
  const year = Number(term.slice(0, -2));
  if (year > state.maxYear) state.maxYear = year;
  if (state.minTerm === undefined || term < state.minTerm) state.minTerm = term;
}
