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
    /** The fields besides the names: what tells two versions of one id apart. */
    readonly rest: readonly string[];
  }
> = new Map(
  RECORD_TYPES.map((spec, index) => {
    const ids = IDS[spec.type];
    const all = ['school', ...columnsOf(spec).map((column) => column.name)];
    const names = ids && ['school', ...ids];
    return [
      spec.type,
      {
        compared: !NOT_COMPARED.has(spec.type),
        onlyById: ONLY_BY_ID.has(spec.type),
        seed: index + 1,
        all,
        names,
        rest: all.filter((field) => !names?.includes(field)),
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
const NUMBER = 0x10007;
const FILE = 0x10008;
const FILES = 0x10009;

/** A value as JSON with the keys of its objects sorted, so that `{ name, type }` and `{ type, name }` are one value. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return jsonOf(value) ?? 'undefined';
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/** The two lanes of the fingerprint being taken (module state, so that no object is made a record). */
let laneA = 0;
let laneB = 0;
/** Whether the second lane is taken too (64 bits), or the first only (32 bits: enough to tell versions of one id apart, at half the cost). */
let wide = true;

/** Ends a value with its marker. */
function mixEnd(end: number): void {
  laneA = Math.imul(laneA ^ end, P1);
  laneB = Math.imul(laneB ^ end, P2) ^ (laneB >>> 15);
}

/** Text two characters a step, then its marker (with the odd last character, if any). */
function mixText(text: string, end: number): void {
  let a = laneA;
  let b = laneB;
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
  laneA = a;
  laneB = b;
  mixEnd(pairs < text.length ? end ^ (text.charCodeAt(pairs) << 4) : end);
}

/** The bits of a number that is not a whole 32-bit one. */
const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

/**
 * One value: text as it is, whole numbers (-0 among them, as 0: JSON writes it so) and booleans as
 * they are, other numbers by their bits, file references field by field, anything else as its canonical JSON;
 * each ends with a marker of its kind.
 */
function mixValue(value: unknown): void {
  if (typeof value === 'string') return mixText(value, TEXT);
  if (typeof value === 'number') {
    if ((value | 0) === value) return mixEnd(INTEGER ^ Math.imul(value, 0x9e3779b1));
    float[0] = value;
    mixEnd(floatWords[0] ?? unreachable('the low word'));
    return mixEnd(NUMBER ^ (floatWords[1] ?? unreachable('the high word')));
  }
  if (value === undefined) return mixEnd(ABSENT);
  if (typeof value === 'boolean') return mixEnd(value ? TRUE : FALSE);
  if (Array.isArray(value) && value.every(isFileReference)) {
    for (const file of value as readonly Readonly<Record<string, unknown>>[]) {
      mixValue(file.name);
      mixValue(file.type);
      mixValue(file.megabytes);
      mixEnd(FILE);
    }
    return mixEnd(FILES ^ Math.imul(value.length, 0x9e3779b1));
  }
  mixText(canonical(value), OTHER);
}

/**
 * A fingerprint of `record`'s `fields`, in that order, into laneA and laneB: 64 bits in two 32-bit
 * lanes (FNV-1a-like multiply-xor), or 32 in the first only when `wideOne` is false. The hot loop of the intake.
 */
function fingerprint(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  seed: number,
  wideOne: boolean,
): void {
  laneA = Math.imul(0x811c9dc5 ^ seed, P1);
  laneB = Math.imul(0x2545f491 ^ seed, P2);
  wide = wideOne;
  for (let field = 0; field < fields.length; field++) mixValue(record[fields[field] ?? unreachable(`field ${field}`)]);
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

  /** The value stored for the key; when there is none, stores `value` and answers undefined (one probe for both). */
  claim(a: number, b: number, value: number): number | undefined {
    const at = this.find(a, b | 1);
    if (this.slots[at + 1] !== 0) return this.slots[at + 2];
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) {
      this.grow();
      return this.claim(a, b, value);
    }
    this.size++;
    this.slots[at] = a;
    this.slots[at + 1] = b | 1;
    this.slots[at + 2] = value;
    return undefined;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let from = 0; from < old.length; from += WIDTH) {
      const b = slot(old, from + 1);
      if (b === 0) continue;
      const a = slot(old, from);
      const at = this.find(a, b);
      this.slots[at] = a;
      this.slots[at + 1] = b;
      this.slots[at + 2] = slot(old, from + 2);
    }
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
      const { seed, all, names, rest } = kind;
      const named = names !== undefined && fields[names[names.length - 1] ?? unreachable('an id field')] !== undefined;
      if (!named) {
        if (kind.onlyById) return 'new';
        fingerprint(fields, all, seed, true);
        return table.claim(laneA, laneB, 0) === undefined ? 'new' : 'repeat';
      }
      // Versions of one id share their names: the first version's content is the rest of its fields.
      fingerprint(fields, rest, seed, false);
      const content = laneA;
      fingerprint(fields, names, seed ^ 0x40000000, true);
      const first = table.claim(laneA, laneB, content);
      if (first === undefined) return 'new';
      if (first === content) return 'repeat';
      // Another version of the id: the versions after the first are kept by their 64-bit content.
      fingerprint(fields, all, seed, true);
      if (table.claim(laneA, laneB, 0) !== undefined) return 'repeat';
      return 'conflict';
    },
  };
}
