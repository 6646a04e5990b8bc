import { daysBetween, type PlainDate } from '../_lib/date';
import type { CourseOutcome, DiversePerformance, PortfolioItem, Student } from '../records/items';
import { formatTerm, type Term } from '../term';
import type { Activity, ResolvedWindow } from '../windows';
import { ACTIVITIES } from '../windows/schema';

/** A day as a number a rule can compare: days since 1970-01-01 (2024-01-19 → 19741). */
export function dayNumber(date: PlainDate): number {
  return daysBetween('1970-01-01', date);
}

export interface CourseOutcomeCounts {
  /** The student's own items on the platform, in any state (withdrawn ones excluded). */
  readonly uploaded: number;
  readonly draft: number;
  /** Submitted for certification and not yet decided (送審中). */
  readonly submitted: number;
  readonly certified: number;
  readonly rejected: number;
  readonly selected: number;
}

export interface DiversePerformanceCounts {
  /** The student's own items (withdrawn ones excluded). */
  readonly uploaded: number;
  /** The student's own items selected (勾選). */
  readonly selected: number;
  /** Items the school entered or imported (幹部紀錄 …): they do not count against the student's caps. */
  readonly schoolEntered: number;
}

/** The values a custom rule reads with `var` (docs/reference/custom-rules.md). */
export interface FactValues {
  readonly student: { readonly id: string; readonly grade: number; readonly division: string; readonly status: string };
  /** ROC academic year, e.g. 112. */
  readonly academicYear: number;
  /** Only in student-term facts. */
  readonly term?: { readonly code: number; readonly year: number; readonly semester: number };
  /** The audit day, as a day number. */
  readonly asOf: number;
  /** Course outcomes of the term (student-term facts) or of the academic year (student facts). */
  readonly courseOutcome: CourseOutcomeCounts;
  /** Diverse performances of the academic year. */
  readonly diversePerformance: DiversePerformanceCounts;
  /** The windows that govern the student's grade in the term, as day numbers (student-term facts, when resolved). */
  readonly windows: Partial<Record<Activity, { readonly opens?: number; readonly closes: number }>>;
}

/** What one evaluation of the custom rules is about: a student, or a student in one term. */
export interface Facts {
  readonly about: 'student' | 'studentTerm';
  /** The student id, or `<student id>@<term code>`. */
  readonly subject: string;
  readonly values: FactValues;
}

const KIND_FACTS = {
  courseOutcome: ['uploaded', 'draft', 'submitted', 'certified', 'rejected', 'selected'],
  diversePerformance: ['uploaded', 'selected', 'schoolEntered'],
} as const;

/** Every path a rule may read, exactly (a misspelt fact would silently never fire). */
export const FACT_PATHS: readonly string[] = [
  'student.id',
  'student.grade',
  'student.division',
  'student.status',
  'academicYear',
  'term.code',
  'term.year',
  'term.semester',
  'asOf',
  ...Object.entries(KIND_FACTS).flatMap(([kind, names]) => names.map((name) => `${kind}.${name}`)),
  ...ACTIVITIES.flatMap((activity) => [`windows.${activity}.opens`, `windows.${activity}.closes`]),
];

/** Whether an item counts in the student's own facts: the student put it there and has not withdrawn it. */
export function countsAsOwn(item: { readonly entry: string; readonly withdrawn?: boolean | undefined }): boolean {
  return item.entry === 'student' && !item.withdrawn;
}

function courseOutcomeCounts(items: readonly CourseOutcome[]): CourseOutcomeCounts {
  const own = items.filter(countsAsOwn);
  const inState = (state: CourseOutcome['state']) => own.filter((item) => item.state === state).length;
  return {
    uploaded: own.length,
    draft: inState('draft'),
    submitted: inState('submitted'),
    certified: inState('certified'),
    rejected: inState('rejected'),
    selected: own.filter((item) => item.selected).length,
  };
}

function diversePerformanceCounts(items: readonly DiversePerformance[]): DiversePerformanceCounts {
  const own = items.filter(countsAsOwn);
  return {
    uploaded: own.length,
    selected: own.filter((item) => item.selected).length,
    schoolEntered: items.length - own.length,
  };
}

const academicYearOfTerm = (code: string) => Number(code.slice(0, -2));

/** The student fields a rule reads (`student.*`; division `day` unless the record says otherwise). */
export function studentFactValues(
  student: Pick<Student, 'id' | 'grade' | 'division' | 'status'>,
): FactValues['student'] {
  return { id: student.id, grade: student.grade, division: student.division ?? 'day', status: student.status };
}

/** The windows of a term that govern a grade, as day numbers (`windows.<activity>.*`). */
export function windowFacts(
  windows: readonly ResolvedWindow[] | undefined,
  term: string,
  grade: number,
): FactValues['windows'] {
  const facts: Partial<Record<Activity, { opens?: number; closes: number }>> = {};
  for (const window of windows ?? []) {
    if (window.term !== term || !window.grades.includes(grade as ResolvedWindow['grades'][number])) continue;
    facts[window.activity] = {
      ...(window.opens !== undefined && { opens: dayNumber(window.opens) }),
      closes: dayNumber(window.closes),
    };
  }
  return facts;
}

/** What a student's facts in a term or a year are made of, however they were counted (from items, or the audit's rows). */
export interface Tallies {
  readonly student: FactValues['student'];
  /** The audit day, as a day number. */
  readonly asOf: number;
  readonly courseOutcome: CourseOutcomeCounts;
  readonly diversePerformance: DiversePerformanceCounts;
}

/** The facts about a student in one term, from its tallies: the one place they are put together (the engine's and the audit's). */
export function termFactsOf(tallies: Tallies, term: Term, windows: FactValues['windows']): Facts {
  const code = formatTerm(term);
  return {
    about: 'studentTerm',
    subject: `${tallies.student.id}@${code}`,
    values: {
      student: tallies.student,
      academicYear: term.year,
      term: { code: Number(code), year: term.year, semester: term.semester },
      asOf: tallies.asOf,
      courseOutcome: tallies.courseOutcome,
      diversePerformance: tallies.diversePerformance,
      windows,
    },
  };
}

/** The facts about a student over one academic year, from its tallies (the engine's and the audit's). */
export function yearFactsOf(tallies: Tallies, academicYear: number): Facts {
  return {
    about: 'student',
    subject: tallies.student.id,
    values: {
      student: tallies.student,
      academicYear,
      asOf: tallies.asOf,
      courseOutcome: tallies.courseOutcome,
      diversePerformance: tallies.diversePerformance,
      windows: {},
    },
  };
}

interface FactInput {
  readonly student: Student;
  /** The student's items (others' are ignored). */
  readonly items: readonly PortfolioItem[];
  readonly asOf: PlainDate;
}

function live(input: FactInput) {
  const mine = input.items.filter((item) => item.studentId === input.student.id && !item.withdrawn);
  return {
    outcomes: mine.filter((item): item is CourseOutcome => item.kind === 'courseOutcome'),
    performances: mine.filter((item): item is DiversePerformance => item.kind === 'diversePerformance'),
  };
}

/** The facts about a student in one term; pass the term's resolved windows to give rules their dates. */
export function studentTermFacts(
  input: FactInput & { readonly term: Term; readonly windows?: readonly ResolvedWindow[] },
): Facts {
  const code = formatTerm(input.term);
  const { outcomes, performances } = live(input);
  const tallies: Tallies = {
    student: studentFactValues(input.student),
    asOf: dayNumber(input.asOf),
    courseOutcome: courseOutcomeCounts(outcomes.filter((item) => item.term === code)),
    diversePerformance: diversePerformanceCounts(performances.filter((item) => item.academicYear === input.term.year)),
  };
  return termFactsOf(tallies, input.term, windowFacts(input.windows, code, input.student.grade));
}

/** The facts about a student over one academic year. */
export function studentFacts(input: FactInput & { readonly academicYear: number }): Facts {
  const { outcomes, performances } = live(input);
  const tallies: Tallies = {
    student: studentFactValues(input.student),
    asOf: dayNumber(input.asOf),
    courseOutcome: courseOutcomeCounts(outcomes.filter((item) => academicYearOfTerm(item.term) === input.academicYear)),
    diversePerformance: diversePerformanceCounts(
      performances.filter((item) => item.academicYear === input.academicYear),
    ),
  };
  return yearFactsOf(tallies, input.academicYear);
}
