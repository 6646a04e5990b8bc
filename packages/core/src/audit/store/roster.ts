import type { StudentRecord } from '../../dataset/student-records';
import type { Student } from '../../records/items';
import { Columns } from './columns';
import { Interner } from './interner';
import { unreachable } from '../../_lib/unreachable';

/** A student's counters, each a field of the roster. */
export const COUNT = {
  /** Records that name the student (items, events, receipts …), to report an unknown student. */
  records: 0,
  courseOutcomes: 1,
  diversePerformances: 2,
  consultations: 3,
  selectedCourseOutcomes: 4,
  selectedDiversePerformances: 5,
  draft: 6,
  submitted: 7,
  certified: 8,
  rejected: 9,
} as const;

export type Counter = (typeof COUNT)[keyof typeof COUNT];

// What finish() needs of the `student` line; strings as `words` numbers + 1 (0: absent).
const HAS_RECORD = 10;
const GRADE = 11;
const STATUS = 12;
const CLASS = 13;
const DIVISION = 14;
const GRADUATED_ON = 15;
const LEFT_ON = 16;
const WIDTH = 17;

/** The students of one audit, by dense index in order of first sight: their counters and the few facts of their `student` line. */
export class Roster {
  private readonly indexes = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly fields = new Columns(WIDTH);
  private readonly words = new Interner();
  private lastId: string | undefined = undefined;
  private lastIndex = -1;

  get size(): number {
    return this.ids.length;
  }

  /** The student's index, added on first sight. */
  indexOf(id: string): number {
    // A student's records mostly come together: the last one asked for, without a look-up.
    if (id === this.lastId) return this.lastIndex;
    let index = this.indexes.get(id);
    if (index === undefined) {
      index = this.fields.add();
      this.ids.push(id);
      this.indexes.set(id, index);
    }
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  find(id: string): number | undefined {
    return this.indexes.get(id);
  }

  id(student: number): string {
    return this.ids[student] ?? unreachable(`student ${student}`);
  }

  count(student: number, counter: Counter): void {
    this.fields.increment(student, counter);
  }

  get(student: number, counter: Counter): number {
    return this.fields.get(student, counter);
  }

  /**
   * Takes the student's `student` line. Of two lines for one student that disagree (PR8022, told by
   * the intake), the one that sorts first (studentOrder) is kept, so that the audit does not depend
   * on which comes first.
   */
  setRecord(student: number, record: StudentRecord): void {
    const current = this.record(student);
    if (current && studentOrder(record, current) >= 0) return;
    const word = (value: string | undefined) => (value === undefined ? 0 : this.words.id(value) + 1);
    this.fields.set(student, HAS_RECORD, 1);
    this.fields.set(student, GRADE, record.grade);
    this.fields.set(student, STATUS, word(record.status));
    this.fields.set(student, CLASS, word(record.class));
    this.fields.set(student, DIVISION, word(record.division));
    this.fields.set(student, GRADUATED_ON, word(record.graduatedOn));
    this.fields.set(student, LEFT_ON, word(record.leftOn));
  }

  hasRecord(student: number): boolean {
    return this.fields.get(student, HAS_RECORD) === 1;
  }

  /** The grade of the `student` line; undefined without one. */
  grade(student: number): Student['grade'] | undefined {
    return this.hasRecord(student) ? (this.fields.get(student, GRADE) as Student['grade']) : undefined;
  }

  division(student: number): Student['division'] {
    return this.word(student, DIVISION) as Student['division'];
  }

  /** The `student` line as far as the audit keeps it (no school); undefined without one. */
  record(student: number): Student | undefined {
    if (!this.hasRecord(student)) return undefined;
    const [studentClass, division, graduatedOn, leftOn] = [
      this.word(student, CLASS),
      this.division(student),
      this.word(student, GRADUATED_ON),
      this.word(student, LEFT_ON),
    ];
    return {
      id: this.id(student),
      grade: this.grade(student) ?? unreachable('the grade'),
      ...(studentClass !== undefined && { class: studentClass }),
      ...(division !== undefined && { division }),
      status: this.word(student, STATUS) as Student['status'],
      ...(graduatedOn !== undefined && { graduatedOn }),
      ...(leftOn !== undefined && { leftOn }),
    };
  }

  private word(student: number, field: number): string | undefined {
    const word = this.fields.get(student, field);
    return word === 0 ? undefined : this.words.value(word - 1);
  }
}

/** Student lines ordered by grade, class, status, division, then the days they graduated and left (absent first). */
export function studentOrder(a: Student, b: Student): number {
  if (a.grade !== b.grade) return a.grade - b.grade;
  for (const field of ['class', 'status', 'division', 'graduatedOn', 'leftOn'] as const) {
    const x = a[field] ?? '';
    const y = b[field] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
