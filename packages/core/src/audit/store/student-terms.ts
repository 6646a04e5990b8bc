import type { CertificationState } from '../../records/items';
import { Columns } from './columns';
import { Interner } from './interner';
import type { Places } from './places';
import type { Subjects } from './subjects';

/** The kinds and actions a term's caps count, each a counter of the student-term. */
export const CAP_CLASS = {
  courseOutcome: { upload: 0, select: 1 },
  diversePerformance: { upload: 2, select: 3 },
} as const;
export type CapClass = 0 | 1 | 2 | 3;
export const CAP_CLASSES = [
  ['courseOutcome', 'upload'],
  ['courseOutcome', 'select'],
  ['diversePerformance', 'upload'],
  ['diversePerformance', 'select'],
] as const;

/** The categories whose latest change is judged against their final submission. */
export const CHANGE_CATEGORIES = ['courseOutcome', 'diversePerformance', 'cadre', 'courseRecord'] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];

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

/** The count of a cap class and the last record (in input order) it counted. */
export interface CapCount {
  readonly count: number;
  readonly line: number;
  readonly frame: number;
}

export interface LatestChange {
  readonly on: string;
  readonly subject: number;
  readonly line: number;
  readonly frame: number;
}

// Fields of a row.
const PERIOD = 0;
const NEXT = 1; // the student's next row + 1 (0: none)
const STATES: Readonly<Record<CertificationState, number>> = { draft: 2, submitted: 3, certified: 4, rejected: 5 };
const SELECTED = 6;
const PERFORMANCES = 7; // uploaded, selected, schoolEntered
const CAPS = 10; // per class: count, frame
const CHANGES = 18; // per category: date + 1, subject, frame
const WIDTH = 30;
const CHANGE_INDEX: Readonly<Record<ChangeCategory, number>> = {
  courseOutcome: 0,
  diversePerformance: 1,
  cadre: 2,
  courseRecord: 3,
};
// Fields of a row's lines, apart: lines outgrow 16 bits in any large file, the other fields seldom do.
const CHANGE_LINES = 4; // after the cap classes' lines

/**
 * Per student and period (a term code, or `<year>01` for an academic year's diverse performances):
 * the tallies, the cap classes' counts and the latest change of each category, in one row of integers.
 */
export class StudentTerms {
  private readonly rows = new Columns(WIDTH);
  private readonly lines = new Columns(CHANGE_LINES + CHANGE_CATEGORIES.length);
  private readonly heads = new Columns(1);
  private readonly dates = new Interner();
  private lastStudent = -1;
  private lastPeriod = -1;
  private lastRow = -1;

  constructor(
    private readonly places: Places,
    private readonly subjects: Subjects,
  ) {}

  /** The student's row for a period, added on first use. */
  row(student: number, period: number): number {
    if (student === this.lastStudent && period === this.lastPeriod) return this.lastRow;
    while (this.heads.size <= student) this.heads.add();
    let row = this.heads.get(student, 0) - 1;
    while (row >= 0 && this.rows.get(row, PERIOD) !== period) row = this.rows.get(row, NEXT) - 1;
    if (row < 0) {
      row = this.rows.add();
      this.lines.add();
      this.rows.set(row, PERIOD, period);
      this.rows.set(row, NEXT, this.heads.get(student, 0));
      this.heads.set(student, 0, row + 1);
    }
    this.lastStudent = student;
    this.lastPeriod = period;
    this.lastRow = row;
    return row;
  }

  /** The student's first row, or -1; `for (let row = first(s); row >= 0; row = next(row))` walks them all without allocating. */
  first(student: number): number {
    return student < this.heads.size ? this.heads.get(student, 0) - 1 : -1;
  }

  next(row: number): number {
    return this.rows.get(row, NEXT) - 1;
  }

  period(row: number): number {
    return this.rows.get(row, PERIOD);
  }

  countCourseOutcome(row: number, state: CertificationState, selected: boolean): void {
    this.rows.increment(row, STATES[state]);
    if (selected) this.rows.increment(row, SELECTED);
  }

  /** Whether the student has course outcomes of their own in the row's term (`tally` is defined). */
  hasTally(row: number): boolean {
    return (
      this.rows.get(row, STATES.draft) +
        this.rows.get(row, STATES.submitted) +
        this.rows.get(row, STATES.certified) +
        this.rows.get(row, STATES.rejected) >
      0
    );
  }

  /** The student's own course outcomes of the row's term; undefined when there are none. */
  tally(row: number): TermTally | undefined {
    if (!this.hasTally(row)) return undefined;
    const [draft, submitted, certified, rejected] = [
      this.rows.get(row, STATES.draft),
      this.rows.get(row, STATES.submitted),
      this.rows.get(row, STATES.certified),
      this.rows.get(row, STATES.rejected),
    ];
    return {
      uploaded: draft + submitted + certified + rejected,
      draft,
      submitted,
      certified,
      rejected,
      selected: this.rows.get(row, SELECTED),
    };
  }

  countPerformance(row: number, byStudent: boolean, selected: boolean): void {
    if (!byStudent) return this.rows.increment(row, PERFORMANCES + 2);
    this.rows.increment(row, PERFORMANCES);
    if (selected) this.rows.increment(row, PERFORMANCES + 1);
  }

  /** Whether the row's academic year has diverse performances (`performances` is defined). */
  hasPerformances(row: number): boolean {
    return this.rows.get(row, PERFORMANCES) + this.rows.get(row, PERFORMANCES + 2) > 0;
  }

  /** The diverse performances of the row's academic year; undefined when there are none. */
  performances(row: number): YearTally | undefined {
    if (!this.hasPerformances(row)) return undefined;
    return {
      uploaded: this.rows.get(row, PERFORMANCES),
      selected: this.rows.get(row, PERFORMANCES + 1),
      schoolEntered: this.rows.get(row, PERFORMANCES + 2),
    };
  }

  countCap(row: number, capClass: CapClass, line: number, frame: number): void {
    const field = CAPS + 2 * capClass;
    this.rows.increment(row, field);
    if (
      this.rows.get(row, field) === 1 ||
      this.places.after(line, frame, this.lines.get(row, capClass), this.rows.get(row, field + 1))
    ) {
      this.lines.set(row, capClass, line);
      this.rows.set(row, field + 1, frame);
    }
  }

  capCount(row: number, capClass: CapClass): number {
    return this.rows.get(row, CAPS + 2 * capClass);
  }

  cap(row: number, capClass: CapClass): CapCount {
    const field = CAPS + 2 * capClass;
    return {
      count: this.rows.get(row, field),
      line: this.lines.get(row, capClass),
      frame: this.rows.get(row, field + 1),
    };
  }

  /** Keeps the latest change of a category: the latest day, then the least subject (the same whatever the order). */
  noteChange(
    row: number,
    category: ChangeCategory,
    on: string,
    studentId: string,
    subject: number,
    line: number,
    frame: number,
  ): void {
    const field = CHANGES + 3 * CHANGE_INDEX[category];
    const known = this.rows.get(row, field);
    if (known !== 0) {
      const latest = this.dates.value(known - 1);
      if (
        latest > on ||
        (latest === on && this.subjects.compare(studentId, this.rows.get(row, field + 1), subject) <= 0)
      )
        return;
    }
    this.rows.set(row, field, this.dates.id(on) + 1);
    this.rows.set(row, field + 1, subject);
    this.lines.set(row, CHANGE_LINES + CHANGE_INDEX[category], line);
    this.rows.set(row, field + 2, frame);
  }

  change(row: number, category: ChangeCategory): LatestChange | undefined {
    const field = CHANGES + 3 * CHANGE_INDEX[category];
    const known = this.rows.get(row, field);
    if (known === 0) return undefined;
    return {
      on: this.dates.value(known - 1),
      subject: this.rows.get(row, field + 1),
      line: this.lines.get(row, CHANGE_LINES + CHANGE_INDEX[category]),
      frame: this.rows.get(row, field + 2),
    };
  }
}
