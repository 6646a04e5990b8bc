import type { DatasetRecord } from './parse';
import { columnsOf, RECORD_TYPES } from './registry';
import { unreachable } from '../_lib/unreachable';
import { jsonOf } from '../_lib/json';

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
 * records, who acted on an item, which students dispute a receipt), and that are nearly half of a
 * large dataset's lines: not compared, so that the time and memory go where a repeat would change
 * a result (a cap, a count, the evidence of a meeting, a finding).
 */
const NOT_COMPARED = new Set(['courseRecord', 'certificationEvent', 'receipt']);

/**
 * Types compared only by their id: two consultations of one student with one teacher on one day
 * happen, and without an id nothing tells them from a repeat.
 */
const ONLY_BY_ID = new Set(['consultation']);

/** What comparing needs of each type, found with one lookup a record. */
const KINDS: ReadonlyMap<
  string,
  {
    readonly compared: boolean;
    readonly onlyById: boolean;
    /** A number of the type, so that records of two types never share a fingerprint. */
    readonly seed: number;
    /** The type's fields, in one order, so that the order of a line's keys does not matter. */
    readonly all: readonly string[];
    /** The fields that name a record, its school first, for the types with an id. */
    readonly names: readonly string[] | undefined;
  }
> = new Map(
  RECORD_TYPES.map((spec, index) => {
    const ids = IDS[spec.type];
    return [
      spec.type,
      {
        compared: !NOT_COMPARED.has(spec.type),
        onlyById: ONLY_BY_ID.has(spec.type),
        seed: index + 1,
        all: ['school', ...columnsOf(spec).map((column) => column.name)],
        names: ids && ['school', ...ids],
      },
    ];
  }),
);

const P1 = 0x01000193;
const P2 = 0x5bd1e995;

/** Markers that end each value by its kind, so that `ab`,`c` and `a`,`bc` differ, and `1` differs from `"1"`. */
const TEXT = 0x10001;
const INTEGER = 0x10002;
const ABSENT = 0x10003;
const TRUE = 0x10004;
const FALSE = 0x10005;
const OTHER = 0x10006;

/** A value as JSON with the keys of its objects sorted, so that `{ name, type }` and `{ type, name }` are one value. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return jsonOf(value) ?? 'undefined';
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/** The two lanes of the last fingerprint taken (one array, so that no object is made a record). */
const lanes = new Int32Array(2);
const lane = (index: 0 | 1): number => lanes[index] ?? unreachable(`lane ${index}`);

/**
 * A fingerprint of `record`'s `fields`, in that order, into `lanes`: 64 bits in two 32-bit lanes
 * (FNV-1a-like multiply-xor), or 32 in the first only when `wide` is false (enough to tell versions
 * of one id apart, at half the cost). Text is taken two characters a step, whole numbers and
 * booleans as they are, file references field by field, anything else as its canonical JSON; each
 * value ends with a marker of its kind. One function with its lanes in locals: the hot loop of the intake.
 */
function fingerprint(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  seed: number,
  wide: boolean,
): void {
  let a = Math.imul(0x811c9dc5 ^ seed, P1);
  let b = Math.imul(0x2545f491 ^ seed, P2);
  for (let field = 0; field < fields.length; field++) {
    let value = record[fields[field] ?? unreachable(`field ${field}`)];
    let end = TEXT;
    if (typeof value !== 'string') {
      if (typeof value === 'number' && (value | 0) === value) {
        end = INTEGER ^ Math.imul(value, 0x9e3779b1);
        value = '';
      } else if (value === undefined) {
        end = ABSENT;
        value = '';
      } else if (typeof value === 'boolean') {
        end = value ? TRUE : FALSE;
        value = '';
      } else {
        value = Array.isArray(value) && value.every(isFileReference) ? fileText(value) : canonical(value);
        end = OTHER;
      }
    }
    const text = value as string;
    const pairs = text.length & ~1;
    if (wide)
      for (let index = 0; index < pairs; index += 2) {
        const word = text.charCodeAt(index) | (text.charCodeAt(index + 1) << 16);
        a = Math.imul(a ^ word, P1);
        b = Math.imul(b ^ word, P2);
      }
    else
      for (let index = 0; index < pairs; index += 2)
        a = Math.imul(a ^ (text.charCodeAt(index) | (text.charCodeAt(index + 1) << 16)), P1);
    if (pairs < text.length) end ^= text.charCodeAt(pairs) << 4;
    a = Math.imul(a ^ end, P1);
    b = Math.imul(b ^ end, P2) ^ (b >>> 15);
  }
  lanes[0] = a;
  lanes[1] = b;
}

/** File references as text, each field in one order, separated by a character no field holds. */
function fileText(files: readonly Readonly<Record<string, unknown>>[]): string {
  let text = '';
  for (const file of files)
    text += `${String(file.name)}\u0000${String(file.type)}\u0000${String(file.megabytes)}\u0001`;
  return text;
}

/** Whether a value is a plain file reference `{ name, type, megabytes }` and nothing more. */
function isFileReference(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object') return false;
  let keys = 0;
  for (const key in value) {
    if (key !== 'name' && key !== 'type' && key !== 'megabytes') return false;
    keys++;
  }
  return keys === 3;
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
    // Both lanes mixed (murmur's finaliser), so that the slots spread evenly and probes stay short.
    let mix = a ^ Math.imul(b, 0x9e3779b1);
    mix = Math.imul(mix ^ (mix >>> 16), 0x85ebca6b);
    mix = Math.imul(mix ^ (mix >>> 13), 0xc2b2ae35);
    let slot = (mix ^ (mix >>> 16)) & this.mask;
    for (;;) {
      const at = slot * WIDTH;
      const stored = this.slots[at + 1] ?? unreachable(`slot ${at}`);
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
      if (old[at + 1] !== 0) this.set(slot(old, at), slot(old, at + 1), slot(old, at + 2));
    this.set(a, b, value);
  }
}

const slot = (slots: Int32Array, at: number): number => slots[at] ?? unreachable(`slot ${at}`);

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
  return {
    see(record) {
      const kind = KINDS.get(record.type) ?? unreachable(`record type ${record.type}`);
      if (!kind.compared) return 'new';
      const fields = record as unknown as Readonly<Record<string, unknown>>;
      const { seed, all, names } = kind;
      const named = names !== undefined && fields[names[names.length - 1] ?? unreachable('an id field')] !== undefined;
      if (!named) {
        if (kind.onlyById) return 'new';
        fingerprint(fields, all, seed, true);
        if (table.get(lane(0), lane(1)) !== undefined) return 'repeat';
        table.set(lane(0), lane(1), 0);
        return 'new';
      }
      fingerprint(fields, all, seed, false);
      const content = lane(0);
      fingerprint(fields, names, seed ^ 0x40000000, true);
      const first = table.get(lane(0), lane(1));
      if (first === undefined) {
        table.set(lane(0), lane(1), content);
        return 'new';
      }
      if (first === content) return 'repeat';
      // Another version of the id: the versions after the first are kept by their 64-bit content.
      fingerprint(fields, all, seed, true);
      if (table.get(lane(0), lane(1)) !== undefined) return 'repeat';
      table.set(lane(0), lane(1), 0);
      return 'conflict';
    },
  };
}
