import type { DatasetRecord } from './parse';
import { columnsOf, RECORD_TYPES } from './registry';

/** How a record compares with the records of its school read before it. */
export type Sighting = 'new' | 'repeat' | 'conflict';

/**
 * The fields that name a record, for the types that have an id: one record per id (per student for
 * the items). A consultation is named by its id when it has one.
 */
const IDS: Readonly<Record<string, readonly string[]>> = {
  student: ['id'],
  courseOutcome: ['studentId', 'id'],
  diversePerformance: ['studentId', 'id'],
  cadre: ['studentId', 'id'],
  consultation: ['studentId', 'id'],
};

/**
 * Types whose repeats change nothing the audit reports (the latest change of a term's course
 * records, who acted on an item), and that are a third of a large dataset's lines: not compared,
 * so that the time and memory go where a repeat would change a result.
 */
const NOT_COMPARED = new Set(['courseRecord', 'certificationEvent']);

/**
 * Types compared only by their id: two consultations of one student with one teacher on one day
 * happen, and without an id nothing tells them from a repeat.
 */
const ONLY_BY_ID = new Set(['consultation']);

/** The fields that name a record of each type with an id, its school first. */
const NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(IDS).map(([type, fields]) => [type, ['school', ...fields]]),
);

/** Each type's fields, in one order, so that the order of a line's keys does not matter. */
const FIELDS: ReadonlyMap<string, readonly string[]> = new Map(
  RECORD_TYPES.map((spec) => [spec.type, ['school', ...columnsOf(spec).map((column) => column.name)]]),
);

const P1 = 0x01000193;
const P2 = 0x5bd1e995;

/**
 * A 64-bit fingerprint in two 32-bit lanes (FNV-1a and a multiply-xor), fed value by value. Every
 * value ends with a marker of its kind, so that `ab`,`c` and `a`,`bc` differ.
 */
class Fingerprint {
  a = 0;
  b = 0;

  start(seed: number): this {
    this.a = 0x811c9dc5 ^ seed;
    this.b = 0x2545f491 ^ seed;
    return this;
  }

  code(code: number): void {
    this.a = Math.imul(this.a ^ code, P1);
    this.b = Math.imul(this.b ^ code, P2) ^ (this.b >>> 15);
  }

  text(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      a = Math.imul(a ^ code, P1);
      b = Math.imul(b ^ code, P2);
    }
    this.a = a;
    this.b = b ^ (b >>> 15);
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.text(value);
        return this.code(0x10001);
      case 'number':
        this.text(String(value));
        return this.code(0x10002);
      case 'boolean':
        return this.code(value ? 0x10003 : 0x10004);
      case 'undefined':
        return this.code(0x10005);
      default:
        if (Array.isArray(value)) {
          for (const item of value) this.value(item);
          return this.code(0x10006);
        }
        if (value === null) return this.code(0x10007);
        for (const key of Object.keys(value as object).sort()) {
          this.text(key);
          this.value((value as Record<string, unknown>)[key]);
        }
        return this.code(0x10008);
    }
  }

  fields(record: Readonly<Record<string, unknown>>, fields: readonly string[]): this {
    this.text(record.type as string);
    for (const field of fields) this.value(record[field]);
    return this;
  }
}

/** Slots of three 32-bit integers: the two lanes of a key (the second never 0, so that 0 marks an empty slot) and a value. */
const WIDTH = 3;

/**
 * A set of 64-bit fingerprints with a 32-bit value each, open addressing in one Int32Array: 12 bytes
 * a slot, no object per record.
 */
class FingerprintTable {
  private slots = new Int32Array(WIDTH << 12);
  private mask = (1 << 12) - 1;
  private size = 0;

  /** The slot of the key, or of the empty slot where it would go. */
  private find(a: number, b: number): number {
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = slot * WIDTH;
      const stored = this.slots[at + 1]!;
      if (stored === 0 || (stored === b && this.slots[at] === a)) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The value stored for the key, or undefined. */
  get(a: number, b: number): number | undefined {
    const at = this.find(a, b | 1);
    return this.slots[at + 1] === 0 ? undefined : this.slots[at + 2];
  }

  set(a: number, b: number, value: number): void {
    const at = this.find(a, b | 1);
    if (this.slots[at + 1] === 0) {
      if ((this.size + 1) * 4 > (this.mask + 1) * 3) return this.grow(a, b, value);
      this.size++;
    }
    this.slots[at] = a;
    this.slots[at + 1] = b | 1;
    this.slots[at + 2] = value;
  }

  private grow(a: number, b: number, value: number): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += WIDTH)
      if (old[at + 1] !== 0) this.set(old[at]!, old[at + 1]!, old[at + 2]!);
    this.set(a, b, value);
  }
}

/**
 * Tells each record read whether it is new, repeats an earlier record of its school exactly
 * (counted once), or carries the id of an earlier one with other content (a conflict). Records
 * are compared as read (a term `112-1` is `11201`; the order of a line's keys does not matter) by
 * 64-bit fingerprints: one slot of 12 bytes a record, whatever its size. The counts of repeats and
 * conflicts do not depend on the order of the records (the versions of an id after the first are
 * kept too, by content).
 */
export function createRecordIndex(): { see(record: DatasetRecord): Sighting } {
  const table = new FingerprintTable();
  const print = new Fingerprint();
  return {
    see(record) {
      if (NOT_COMPARED.has(record.type)) return 'new';
      const fields = record as unknown as Readonly<Record<string, unknown>>;
      const all = FIELDS.get(record.type)!;
      const ids = IDS[record.type];
      const named = ids !== undefined && fields[ids[ids.length - 1]!] !== undefined;
      if (!named && ONLY_BY_ID.has(record.type)) return 'new';
      print.start(1).fields(fields, all);
      const [contentA, contentB] = [print.a, print.b];
      if (!named) {
        if (table.get(contentA, contentB) !== undefined) return 'repeat';
        table.set(contentA, contentB, 0);
        return 'new';
      }
      print.start(2).fields(fields, NAMES.get(record.type)!);
      const first = table.get(print.a, print.b);
      if (first === undefined) {
        table.set(print.a, print.b, contentA);
        return 'new';
      }
      // The first version is kept with its id; any other version of the id by its content.
      if (first === contentA || table.get(contentA, contentB) !== undefined) return 'repeat';
      table.set(contentA, contentB, 0);
      return 'conflict';
    },
  };
}
