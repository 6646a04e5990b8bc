import { Interner } from './interner';

/**
 * A student's record ids as small integers. Ids usually extend the student's own (`S01-000005-C7` of
 * `S01-000005`), so the rest (`-C7`) is shared by every student and kept once; any other id is kept
 * whole. A subject is only meaningful with its student: `text(studentId, subject)` gives the id back.
 */
export class Subjects {
  private readonly suffixes = new Interner();
  private readonly whole = new Interner();
  private readonly courses = new Map<string, number>();

  /** `id` as a subject of the student `studentId`: ≥ 0 for a suffix of it, < 0 for a whole id. */
  of(studentId: string, id: string): number {
    return id.startsWith(studentId) ? this.suffixes.id(id.slice(studentId.length)) : -1 - this.whole.id(id);
  }

  /** The subject `<studentId>:<course>` of a course record, without building the string for every record. */
  ofCourse(course: string): number {
    let subject = this.courses.get(course);
    if (subject === undefined) this.courses.set(course, (subject = this.suffixes.id(`:${course}`)));
    return subject;
  }

  text(studentId: string, subject: number): string {
    return subject >= 0 ? studentId + this.suffixes.value(subject) : this.whole.value(-1 - subject);
  }

  /** Orders two subjects of one student as their texts order. */
  compare(studentId: string, a: number, b: number): number {
    if (a === b) return 0;
    // Both extend the same student id: their suffixes decide (and no string is built).
    const both = a >= 0 && b >= 0;
    const textA = both ? this.suffixes.value(a) : this.text(studentId, a);
    const textB = both ? this.suffixes.value(b) : this.text(studentId, b);
    return textA < textB ? -1 : textA > textB ? 1 : 0;
  }
}
