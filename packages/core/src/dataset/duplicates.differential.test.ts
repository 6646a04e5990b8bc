import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntake } from './intake';
import { recordTypeSpec } from './registry';

/**
 * The intake's duplicate index (64-bit fingerprints in an open-addressing table, `duplicates.ts`)
 * against a plain reference of the same rule: records read by zod alone, compared by their canonical
 * JSON in a Map and two Sets. Generated streams hold repeats, conflicts, reordered keys, dashed terms,
 * invisible characters (in ids, where the record is refused, and in text, where it is another
 * content) and lines in any order.
 */

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

type Outcome = 'rejected' | 'new' | 'repeat' | 'conflict';

const samples = readFileSync(new URL('../../../../examples/data/sample.ndjson', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

/** JSON with the keys of every object sorted and undefined left out: one text per record as read. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
}

/** The rule, written plainly: what `createRecordIndex` documents, on records zod alone has read. */
function reference(lines: readonly string[]): Outcome[] {
  const firstVersion = new Map<string, string>();
  const laterVersions = new Set<string>();
  const unnamed = new Set<string>();
  return lines.map((line): Outcome => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return 'rejected';
    }
    const type = (value as { type?: unknown } | null)?.type;
    const spec = typeof type === 'string' ? recordTypeSpec(type) : undefined;
    const parsed = spec?.schema.safeParse(value);
    if (!parsed?.success) return 'rejected';
    const record = parsed.data as Record<string, unknown>;
    if (['courseRecord', 'certificationEvent', 'receipt'].includes(String(type))) return 'new';
    const content = canonical(record);
    const named =
      ['student', 'courseOutcome', 'diversePerformance', 'cadre', 'consultation'].includes(String(type)) &&
      record.id !== undefined;
    if (!named) {
      if (type === 'consultation') return 'new';
      if (unnamed.has(content)) return 'repeat';
      unnamed.add(content);
      return 'new';
    }
    const name = JSON.stringify([type, record.school ?? null, record.studentId ?? null, record.id]);
    const first = firstVersion.get(name);
    if (first === undefined) {
      firstVersion.set(name, content);
      return 'new';
    }
    if (first === content || laterVersions.has(content)) return 'repeat';
    laterVersions.add(content);
    return 'conflict';
  });
}

/** The same lines through the intake, its findings read back as outcomes. */
function intake(lines: readonly string[]): Outcome[] {
  const reader = createIntake();
  return lines.map((line, index) => {
    const result = reader.accept(line, index + 1);
    if (!result.ok) return result.finding.code === 'PR8021' ? 'repeat' : 'rejected';
    return result.conflict ? 'conflict' : 'new';
  });
}

const INVISIBLE = ['\u200b', '\ufeff', '\u2060', '\u00ad', '\u3000', '\u202e'];

/** Values of a field as the samples write them, and a few variants, so that versions of one id differ. */
function variants(field: string): unknown[] {
  const seen = samples.flatMap((sample) => (field in sample ? [sample[field]] : []));
  const text = seen.filter((value): value is string => typeof value === 'string').slice(0, 2);
  return [...new Set(seen.map((value) => JSON.stringify(value)))]
    .slice(0, 2)
    .map((value) => JSON.parse(value) as unknown)
    .concat(
      text.map((value) => `${value}\ufeff`),
      text.map((value) => `${value}\u200b`),
      field === 'files' ? FILE_SIZES.map((megabytes) => [{ name: 'a.pdf', type: 'pdf', megabytes }]) : [],
    );
}

/** File sizes that differ in their last bit, that print alike in few digits, or that are 0 (written `-0` too, see `written`). */
const FILE_SIZES = [0, 2.4, 2.4000000000000004, 1e21, 1e-7, 3];

const POOL = samples.filter((sample) => !['deletion', 'enrolmentChange'].includes(String(sample.type)));

/** A record: one of a few samples, with at most one field changed (a new version of the same id, or another id). */
const version = (few: readonly Record<string, unknown>[]) =>
  fc.constantFrom(...few).chain((sample) => {
    const fields = Object.keys(sample).filter((key) => !['type', 'id', 'studentId', 'school'].includes(key));
    const change = fc.option(
      fc.constantFrom(...fields).chain((field) => fc.tuple(fc.constant(field), fc.constantFrom(...variants(field)))),
      { nil: undefined, freq: 3 },
    );
    return change.map((edit) => (edit ? { ...sample, [edit[0]]: edit[1] } : { ...sample }));
  });

/**
 * How one record is written on its line: the keys in any order, the term dashed or not, a hidden
 * character in an id, a file of 0 megabytes written `-0`.
 */
const written = (few: readonly Record<string, unknown>[]) =>
  fc
    .tuple(
      version(few),
      fc.infiniteStream(fc.nat()),
      fc.boolean(),
      fc.option(fc.tuple(fc.constantFrom('id', 'studentId', 'school'), fc.constantFrom(...INVISIBLE)), {
        nil: undefined,
        freq: 8,
      }),
      fc.boolean(),
    )
    .map(([record, keys, dashed, hidden, negativeZero]) => {
      const copy: Record<string, unknown> = { ...record };
      if (dashed && typeof copy.term === 'string' && /^\d{5}$/.test(copy.term))
        copy.term = `${copy.term.slice(0, 3)}-${copy.term.slice(4)}`;
      if (hidden && typeof copy[hidden[0]] === 'string') copy[hidden[0]] = `${String(copy[hidden[0]])}${hidden[1]}`;
      const order = Object.keys(copy)
        .map((key) => [keys.next().value as number, key] as const)
        .sort(([a], [b]) => a - b);
      const line = JSON.stringify(Object.fromEntries(order.map(([, key]) => [key, copy[key]])));
      // JSON.parse reads `-0` as -0, which JSON writes as 0: the same content.
      return negativeZero ? line.replaceAll('"megabytes":0}', '"megabytes":-0}') : line;
    });

/** A stream of lines written from a few samples, so that ids meet again. */
const stream = (least: number, most: number) =>
  fc
    .shuffledSubarray(POOL, { minLength: 1, maxLength: 5 })
    .chain((few) => fc.array(written(few), { minLength: least, maxLength: most }));

describe('the duplicate index against a plain reference', () => {
  it('gives every line the outcome the reference gives it, in any order', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(stream(1, 60), (lines) => {
        expect(intake(lines)).toEqual(reference(lines));
      }),
      { seed: 13, numRuns: NUM_RUNS },
    );
  });

  it('meets repeats, conflicts and refusals in the generated streams (the comparison is not empty)', () => {
    const outcomes: Outcome[] = fc.sample(stream(20, 60), { seed: 13, numRuns: 50 }).flatMap(reference);
    for (const outcome of ['new', 'repeat', 'conflict', 'rejected'] as const)
      expect(outcomes.filter((seen) => seen === outcome).length, outcome).toBeGreaterThan(20);
  });
});
