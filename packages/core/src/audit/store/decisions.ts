import type { PlainDate } from '../../_lib/date';
import { Columns } from './columns';
import { Interner } from './interner';

// Fields: student, item subject, day (interned), whether the certification window binds it, frame; lines apart, as lines outgrow 16 bits.
const FIELD = { student: 0, subject: 1, day: 2, decides: 3, frame: 4, width: 5 } as const;

/** A certification event as judgeDecisions reads it. */
export interface Decision {
  readonly student: number;
  readonly subject: number;
  readonly on: PlainDate;
  /** A teacher's decision (certify, reject, revoke), which the certification window binds; not submit or reassign. */
  readonly decides: boolean;
  readonly line: number;
  readonly frame: number;
}

/**
 * The certification events (a teacher's decision, a submission, a reassignment), kept until every
 * item's term is known: five small integers and a line each, not an object (a school's events are
 * about as many as its course outcomes and their events, over a million at Taipei's scale). Days
 * repeat, and are kept once.
 */
export class Decisions {
  private readonly rows = new Columns(FIELD.width);
  private readonly lines = new Columns(1);
  private readonly days = new Interner();

  add(student: number, subject: number, on: PlainDate, decides: boolean, line: number, frame: number): void {
    const row = this.rows.add();
    this.rows.set(row, FIELD.student, student);
    this.rows.set(row, FIELD.subject, subject);
    this.rows.set(row, FIELD.day, this.days.id(on));
    this.rows.set(row, FIELD.decides, decides ? 1 : 0);
    this.rows.set(row, FIELD.frame, frame);
    this.lines.set(this.lines.add(), 0, line);
  }

  /** Each event in the order read. */
  *[Symbol.iterator](): Generator<Decision> {
    for (let row = 0; row < this.rows.size; row++)
      yield {
        student: this.rows.get(row, FIELD.student),
        subject: this.rows.get(row, FIELD.subject),
        on: this.days.value(this.rows.get(row, FIELD.day)),
        decides: this.rows.get(row, FIELD.decides) === 1,
        line: this.lines.get(row, 0),
        frame: this.rows.get(row, FIELD.frame),
      };
  }
}
