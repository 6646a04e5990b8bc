import { Columns } from './columns';
import { Interner } from './interner';
import type { Places } from './places';
import { unreachable } from '../../_lib/unreachable';

/** The events that say who acted on an item (`submit` does not). */
export const ACTS = ['certify', 'reject', 'revoke', 'reassign'] as const;
export type Act = (typeof ACTS)[number];
const ACT_REASSIGN = ACTS.indexOf('reassign');

/** Where no day is known (a record's `certifiedBy` without its `certifiedOn`): below every day a dataset holds (from 1921), within 16 bits. */
export const NO_DAY = -32_768;

/** An actor who was not the item's teacher on the day they acted, at the earliest place they did so. */
export interface Acting {
  readonly actor: string;
  readonly event: Exclude<Act, 'reassign'>;
  readonly day: number;
  /** The teacher assigned that day (of several the data leaves possible, the one that sorts first). */
  readonly authorised: string;
  readonly line: number;
  readonly frame: number;
}

/** A course outcome whose certification someone else than its teacher of the day acted on. */
export interface Questioned {
  /** The item's subject (see Subjects). */
  readonly item: number;
  readonly period: number;
  /** Who acted on it when they were not its teacher, each at the first place that says so. */
  readonly actors: readonly Acting[];
}

/** What a student's acts leave to judge: an item reassigned; an act not by its item's certifier when read (maybe read before the item). */
const JUDGE = { reassigned: 1, unsure: 2 } as const;

// Item fields: subject, certifier, period, the student's next item + 1.
const ITEM = { subject: 0, certifier: 1, period: 2, next: 3, width: 4 } as const;
// Act fields: item subject, actor (for `reassign`: the new teacher), act, frame, day, the student's next
// act + 1; their lines apart, as lines outgrow 16 bits.
const ACT = { subject: 0, actor: 1, act: 2, frame: 3, day: 4, next: 5, width: 6 } as const;

/** An act of the student's, as the judge needs it. */
interface ActRow {
  readonly actor: number;
  readonly act: Exclude<Act, 'reassign'>;
  readonly day: number;
  readonly line: number;
  readonly frame: number;
}

/**
 * The teachers assigned to an item on a day (手冊 4-7 更換認證教師: after a reassignment the new
 * teacher certifies, the teacher replaced no longer can). Before the first reassignment: the teacher
 * its record names (each version's, when versions disagree). From a reassignment's day on: the teacher
 * it names. The data gives days, not hours: on the day of a reassignment the teacher before it and the
 * teacher after it both count, as either may have acted first; two reassignments on one day leave
 * either new teacher possible until the next. An act without a day counts as its teacher's when the
 * item was ever theirs.
 */
export class Assignments {
  /** Reassignment days in order, and per day the teachers it names. */
  private readonly days: number[];
  private readonly named: number[][];

  constructor(
    private readonly initial: readonly number[],
    reassignments: readonly { readonly day: number; readonly to: number }[],
  ) {
    const byDay = new Map<number, number[]>();
    for (const { day, to } of reassignments) byDay.set(day, [...(byDay.get(day) ?? []), to]);
    this.days = [...byDay.keys()].sort((a, b) => a - b);
    this.named = this.days.map((day) => byDay.get(day) ?? []);
  }

  /** The teachers assigned on the day, or on any day for NO_DAY. */
  on(day: number): readonly number[] {
    if (day === NO_DAY) return [...this.initial, ...this.named.flat()];
    let before = -1;
    while (before + 1 < this.days.length && (this.days[before + 1] ?? day) < day) before++;
    const standing = before < 0 ? this.initial : (this.named[before] ?? this.initial);
    return this.days[before + 1] === day ? [...standing, ...(this.named[before + 1] ?? [])] : standing;
  }
}

/**
 * What the actor check needs of course outcomes and certification events, which may come in any
 * order: per item its certifier and term (four integers), and per act (a decision, a reassignment) its
 * actor, day and place. Acts on one item by one actor on one day are judged alike and kept once, at
 * the first place. Items and events meet through their student.
 */
export class Certifiers {
  private readonly items = new Columns(ITEM.width);
  private readonly acts = new Columns(ACT.width);
  private readonly actLines = new Columns(1);
  /** Per student: the first item + 1, the first act + 1, what there is to judge (JUDGE flags). */
  private readonly heads = new Columns(3);
  private readonly people = new Interner();
  private lastName: string | undefined = undefined;
  private lastPerson = -1;

  constructor(private readonly places: Places) {}

  /**
   * Takes a version of an item. Two versions of one item that disagree (PR8022, told by the intake)
   * may name different certifiers: each is kept, as which one is right the data does not say.
   */
  addItem(student: number, subject: number, certifier: string, period: number): void {
    const person = this.person(certifier);
    for (let item = this.find(student, subject); item >= 0; item = this.findNext(item, subject))
      if (this.items.get(item, ITEM.certifier) === person && this.items.get(item, ITEM.period) === period) return;
    const item = this.items.add();
    this.items.set(item, ITEM.subject, subject);
    this.items.set(item, ITEM.certifier, person);
    this.items.set(item, ITEM.period, period);
    this.items.set(item, ITEM.next, this.head(student, 0));
    this.heads.set(student, 0, item + 1);
  }

  /** The certifier and term number of the item (its first version read), or undefined for an item not in the data. */
  itemOf(student: number, subject: number): { readonly certifier: string; readonly period: number } | undefined {
    const item = this.find(student, subject);
    return item < 0
      ? undefined
      : {
          certifier: this.people.value(this.items.get(item, ITEM.certifier)),
          period: this.items.get(item, ITEM.period),
        };
  }

  /** Takes an act on an item on a day (NO_DAY when unknown): a decision by its actor, or a reassignment to `actor`. */
  addAct(student: number, subject: number, actor: string, act: Act, day: number, line: number, frame: number): void {
    const person = this.person(actor);
    const kind = ACTS.indexOf(act);
    for (let row = this.head(student, 1) - 1; row >= 0; row = this.acts.get(row, ACT.next) - 1) {
      const same =
        this.acts.get(row, ACT.subject) === subject &&
        this.acts.get(row, ACT.actor) === person &&
        this.acts.get(row, ACT.day) === day &&
        (this.acts.get(row, ACT.act) === ACT_REASSIGN) === (act === 'reassign');
      if (!same) continue;
      // Judged alike: kept once, at the first place (on a tie, the first act of ACTS), in any order of records.
      const knownLine = this.actLines.get(row, 0);
      const knownFrame = this.acts.get(row, ACT.frame);
      const earlier =
        this.places.after(knownLine, knownFrame, line, frame) ||
        (!this.places.after(line, frame, knownLine, knownFrame) && kind < this.acts.get(row, ACT.act));
      if (earlier) {
        this.actLines.set(row, 0, line);
        this.acts.set(row, ACT.frame, frame);
        this.acts.set(row, ACT.act, kind);
      }
      return;
    }
    const row = this.acts.add();
    this.acts.set(row, ACT.subject, subject);
    this.acts.set(row, ACT.actor, person);
    this.acts.set(row, ACT.act, kind);
    this.actLines.set(this.actLines.add(), 0, line);
    this.acts.set(row, ACT.frame, frame);
    this.acts.set(row, ACT.day, day);
    this.acts.set(row, ACT.next, this.head(student, 1));
    this.heads.set(student, 1, row + 1);
    const flags = this.head(student, 2);
    if (act === 'reassign') this.heads.set(student, 2, flags | JUDGE.reassigned);
    else if (!this.isCertifier(student, subject, person)) this.heads.set(student, 2, flags | JUDGE.unsure);
  }

  /**
   * The student's known items on which someone acted who was not their teacher that day (see
   * Assignments); the same whatever the order of records.
   */
  questioned(student: number): Questioned[] {
    // Most students: no item reassigned, every act by its item's teacher. Nothing to judge, nothing to build.
    const flags = this.head(student, 2);
    if (flags === 0 || (flags === JUDGE.unsure && this.allByTheirTeacher(student))) return [];
    const byItem = new Map<number, { acts: ActRow[]; reassignments: { day: number; to: number }[] }>();
    for (let row = this.head(student, 1) - 1; row >= 0; row = this.acts.get(row, ACT.next) - 1) {
      const subject = this.acts.get(row, ACT.subject);
      let entry = byItem.get(subject);
      if (!entry) byItem.set(subject, (entry = { acts: [], reassignments: [] }));
      const [actor, day] = [this.acts.get(row, ACT.actor), this.acts.get(row, ACT.day)];
      const act = ACTS[this.acts.get(row, ACT.act)] ?? unreachable('the act');
      if (act === 'reassign') entry.reassignments.push({ day, to: actor });
      else entry.acts.push({ actor, act, day, line: this.actLines.get(row, 0), frame: this.acts.get(row, ACT.frame) });
    }
    const questioned: Questioned[] = [];
    for (const [subject, { acts, reassignments }] of byItem) {
      const versions: { certifier: number; period: number }[] = [];
      for (let item = this.find(student, subject); item >= 0; item = this.findNext(item, subject))
        versions.push({ certifier: this.items.get(item, ITEM.certifier), period: this.items.get(item, ITEM.period) });
      const initial = versions.map(({ certifier }) => certifier);
      if (versions.length === 0 || (reassignments.length === 0 && acts.every(({ actor }) => initial.includes(actor))))
        continue;
      const assignments = new Assignments(initial, reassignments);
      const actors = new Map<number, Acting>();
      for (const { actor, act, day, line, frame } of acts) {
        const assigned = assignments.on(day);
        if (assigned.includes(actor)) continue;
        const known = actors.get(actor);
        if (known && !this.before({ line, frame, day, act }, known)) continue;
        const named = assigned.map((person) => this.people.value(person)).sort();
        const authorised = named[0] ?? unreachable('a teacher');
        actors.set(actor, { actor: this.people.value(actor), event: act, day, authorised, line, frame });
      }
      if (actors.size === 0) continue;
      // Of versions that disagree, the term of the one that sorts first (certifier, then term), whatever the order read.
      const [first] = versions
        .map(({ certifier, period }) => ({ certifier: this.people.value(certifier), period }))
        .sort((a, b) => (a.certifier !== b.certifier ? (a.certifier < b.certifier ? -1 : 1) : a.period - b.period));
      questioned.push({
        item: subject,
        period: first?.period ?? unreachable('a version'),
        actors: [...actors.values()],
      });
    }
    return questioned;
  }

  /** The person's number; the last one asked is kept, as a record's `certifiedBy` is most often its certifier. */
  private person(name: string): number {
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastPerson = this.people.id(name);
    }
    return this.lastPerson;
  }

  /** Whether every act of the student's is by a certifier of its item (of one of its versions). */
  private allByTheirTeacher(student: number): boolean {
    for (let row = this.head(student, 1) - 1; row >= 0; row = this.acts.get(row, ACT.next) - 1)
      if (!this.isCertifier(student, this.acts.get(row, ACT.subject), this.acts.get(row, ACT.actor))) return false;
    return true;
  }

  /** Whether the item is known and the person certifies one of its versions. */
  private isCertifier(student: number, subject: number, person: number): boolean {
    let item = this.find(student, subject);
    while (item >= 0 && this.items.get(item, ITEM.certifier) !== person) item = this.findNext(item, subject);
    return item >= 0;
  }

  /** Whether act A is cited before act B: by place, then day, then the order of ACTS — never by the order read. */
  private before(
    a: { line: number; frame: number; day: number; act: Act },
    b: { line: number; frame: number; day: number; event: Act },
  ): boolean {
    if (this.places.after(b.line, b.frame, a.line, a.frame)) return true;
    if (this.places.after(a.line, a.frame, b.line, b.frame)) return false;
    return a.day !== b.day ? a.day < b.day : ACTS.indexOf(a.act) < ACTS.indexOf(b.event);
  }

  /** The student's latest version of the item, or -1. */
  private find(student: number, subject: number): number {
    return this.seek(this.head(student, 0) - 1, subject);
  }

  /** The version of the item read before `item`, or -1. */
  private findNext(item: number, subject: number): number {
    return this.seek(this.items.get(item, ITEM.next) - 1, subject);
  }

  private seek(from: number, subject: number): number {
    let item = from;
    while (item >= 0 && this.items.get(item, ITEM.subject) !== subject) item = this.items.get(item, ITEM.next) - 1;
    return item;
  }

  private head(student: number, which: 0 | 1 | 2): number {
    while (this.heads.size <= student) this.heads.add();
    return this.heads.get(student, which);
  }
}
