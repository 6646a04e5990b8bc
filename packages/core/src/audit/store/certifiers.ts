import { Columns } from './columns';
import { Interner } from './interner';
import type { Places } from './places';
import { unreachable } from '../../_lib/unreachable';

/** The events that say who acted on an item (`submit` does not). */
export const ACTS = ['certify', 'reject', 'revoke', 'reassign'] as const;
export type Act = (typeof ACTS)[number];

/** An actor who is not (yet) known to be the item's certifier, at the earliest place they acted. */
export interface Acting {
  readonly actor: string;
  readonly event: Exclude<Act, 'reassign'>;
  readonly line: number;
  readonly frame: number;
}

/** A course outcome whose certification someone else than its certifier acted on. */
export interface Questioned {
  /** The item's subject (see Subjects). */
  readonly item: number;
  /** Its certifier: of versions that disagree, the one that sorts first. */
  readonly certifier: string;
  readonly period: number;
  /** Who acted on it and is no version's certifier. */
  readonly actors: readonly Acting[];
  readonly reassignedTo: readonly string[];
}

// Item fields: subject, certifier, period, the student's next item + 1.
const ITEM = { subject: 0, certifier: 1, period: 2, next: 3, width: 4 } as const;
// Act fields: item subject, actor, act, frame, the student's next act + 1; their lines apart, as lines outgrow 16 bits.
const ACT = { subject: 0, actor: 1, act: 2, frame: 3, next: 4, width: 5 } as const;

/**
 * What the actor check needs of course outcomes and certification events, which may come in any
 * order: per item its certifier and term (four integers), and per event whose actor is not known to
 * be the certifier when it comes its actor and place. Items and events meet through their student.
 */
export class Certifiers {
  private readonly items = new Columns(ITEM.width);
  private readonly acts = new Columns(ACT.width);
  private readonly actLines = new Columns(1);
  /** Per student: the first item + 1, the first act + 1. */
  private readonly heads = new Columns(2);
  private readonly people = new Interner();

  constructor(private readonly places: Places) {}

  /**
   * Takes a version of an item. Two versions of one item that disagree (PR8022, told by the intake)
   * may name different certifiers: each is kept, as which one is right the data does not say.
   */
  addItem(student: number, subject: number, certifier: string, period: number): void {
    const person = this.people.id(certifier);
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

  /** Whether the item is known and `actor` is the certifier of one of its versions. */
  isCertifier(student: number, subject: number, actor: string): boolean {
    for (let item = this.find(student, subject); item >= 0; item = this.findNext(item, subject))
      if (this.people.value(this.items.get(item, ITEM.certifier)) === actor) return true;
    return false;
  }

  addAct(student: number, subject: number, actor: string, act: Act, line: number, frame: number): void {
    const row = this.acts.add();
    this.acts.set(row, ACT.subject, subject);
    this.acts.set(row, ACT.actor, this.people.id(actor));
    this.acts.set(row, ACT.act, ACTS.indexOf(act));
    this.actLines.set(this.actLines.add(), 0, line);
    this.acts.set(row, ACT.frame, frame);
    this.acts.set(row, ACT.next, this.head(student, 1));
    this.heads.set(student, 1, row + 1);
  }

  /** The student's known items on which someone else than the certifier acted; the same whatever the order of records. */
  questioned(student: number): Questioned[] {
    if (this.head(student, 1) === 0) return [];
    const byItem = new Map<number, { actors: Map<number, Acting>; reassignedTo: string[] }>();
    for (let row = this.head(student, 1) - 1; row >= 0; row = this.acts.get(row, ACT.next) - 1) {
      const subject = this.acts.get(row, ACT.subject);
      let entry = byItem.get(subject);
      if (!entry) byItem.set(subject, (entry = { actors: new Map(), reassignedTo: [] }));
      const actor = this.acts.get(row, ACT.actor);
      const act = ACTS[this.acts.get(row, ACT.act)] ?? unreachable('the act');
      if (act === 'reassign') {
        entry.reassignedTo.push(this.people.value(actor));
        continue;
      }
      const [line, frame] = [this.actLines.get(row, 0), this.acts.get(row, ACT.frame)];
      const known = entry.actors.get(actor);
      if (!known || this.places.after(known.line, known.frame, line, frame))
        entry.actors.set(actor, { actor: this.people.value(actor), event: act, line, frame });
    }
    const questioned: Questioned[] = [];
    for (const [subject, { actors, reassignedTo }] of byItem) {
      const versions: { certifier: string; period: number }[] = [];
      for (let item = this.find(student, subject); item >= 0; item = this.findNext(item, subject))
        versions.push({
          certifier: this.people.value(this.items.get(item, ITEM.certifier)),
          period: this.items.get(item, ITEM.period),
        });
      // Of versions that disagree, the one that sorts first (certifier, then term) is named, whatever the order read.
      const [named] = versions.sort((a, b) =>
        a.certifier !== b.certifier ? (a.certifier < b.certifier ? -1 : 1) : a.period - b.period,
      );
      if (!named) continue;
      questioned.push({
        item: subject,
        certifier: named.certifier,
        period: named.period,
        actors: [...actors.values()].filter(({ actor }) => !versions.some((version) => version.certifier === actor)),
        reassignedTo,
      });
    }
    return questioned;
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

  private head(student: number, which: 0 | 1): number {
    while (this.heads.size <= student) this.heads.add();
    return this.heads.get(student, which);
  }
}
