import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compile, FAIL } from './fast';
import { Id } from './fields';
import { issueFinding } from './issues';
import { lineContext, parseRecord, parseRecordValue, type ParseResult } from './parse';
import { type ColumnKind, columnsOf, RECORD_TYPES, recordTypeSpec } from './registry';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);
const samples = readFileSync(new URL('../../../../examples/data/sample.ndjson', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Values at the edges of what each kind of column accepts, plus the values the samples use. */
const EDGES: Record<ColumnKind, readonly unknown[]> = {
  boolean: [true, false, null, 'true', 0, 1],
  number: [0, -1, 1.5, 1, 3, 4, 112, 1000, 1120, 11201, '3', null],
  string: [
    '',
    'x',
    '2023-02-29',
    '2024-02-29',
    '2023-13-01',
    '2023-1-01',
    '11201',
    '112-1',
    '112-3',
    11202,
    1120,
    'certifed',
    'doc',
    'x'.repeat(200),
    'x'.repeat(201),
    '\ufeffS01-000001',
    'S01\u200b-000001',
    'S01-00\u00850001',
    'S01-000001\u2028',
    true,
    null,
  ],
  files: [
    [],
    [{ name: 'a.pdf', type: 'pdf', megabytes: 1 }],
    [{ name: 'a.doc', type: 'doc', megabytes: 1 }],
    [{ name: '', type: 'pdf', megabytes: 1 }],
    [{ name: 'a.pdf', type: 'pdf', megabytes: -1 }],
    [{ name: 'a.pdf', type: 'pdf' }],
    [{ name: 'a.pdf', type: 'pdf', megabytes: 1, x: 1 }],
    'a.pdf',
  ],
};
const seen = (field: string) => samples.flatMap((sample) => (field in sample ? [sample[field]] : []));
const types = [...new Set(samples.map((sample) => sample.type as string))];

/** A sample record with up to three fields removed, set to an edge, a seen or any JSON value, or stray keys added. */
const mutated = fc.constantFrom(...types).chain((type) => {
  const columns = columnsOf(recordTypeSpec(type)!);
  const edit = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...columns)
        .chain((column) =>
          fc.tuple(fc.constant(column.name), fc.constantFrom(...EDGES[column.kind], ...seen(column.name), undefined)),
        ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...columns.map((column) => column.name)), fc.jsonValue()) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.jsonValue()) },
  );
  return fc
    .tuple(
      fc.constantFrom(...samples.filter((sample) => sample.type === type)),
      fc.array(edit, { minLength: 1, maxLength: 3 }),
    )
    .map(([sample, edits]) => {
      const record: Record<string, unknown> = { ...sample };
      for (const [key, value] of edits) {
        if (value === undefined) delete record[key];
        else record[key] = value;
      }
      return record;
    });
});

describe('the compiled fast path', () => {
  it('compiles every record type', () => {
    for (const spec of RECORD_TYPES) expect(compile(spec.schema), spec.type).toBeDefined();
  });

  it('bounds the length of a string as zod does (ids: 1 to 200 characters)', () => {
    const schema = z.string().min(1).max(3);
    const read = compile(schema)!;
    for (const value of ['', 'a', 'abc', 'abcd'])
      expect(read(value) !== FAIL, JSON.stringify(value)).toBe(schema.safeParse(value).success);
  });

  it('bounds and refines an id inside a record as zod does: 1 to 200 characters, none hidden', () => {
    const schema = z.strictObject({ id: Id });
    const read = compile(schema)!;
    const ids = ['', 'a', 'x'.repeat(200), 'x'.repeat(201), '\ufeffS1', 'S\u200d1', 'S\u009f1', 'S\u00a01', '學號'];
    for (const id of ids) expect(read({ id }) !== FAIL, JSON.stringify(id)).toBe(schema.safeParse({ id }).success);
  });

  it('declines what it does not know, so that zod alone reads it', () => {
    for (const schema of [
      z.email(),
      z.float32(),
      z.string().regex(/x/),
      z.string().length(3),
      z.strictObject({ mail: z.email().optional() }),
      z.object({ id: z.string() }),
    ])
      expect(compile(schema)).toBeUndefined();
  });

  it('accepts and rejects exactly what zod does, with the same output', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(mutated, (record) => {
        const spec = recordTypeSpec(record.type as string)!;
        const zod = spec.schema.safeParse(record);
        const fast = compile(spec.schema)!(structuredClone(record));
        expect(fast !== FAIL).toBe(zod.success);
        if (zod.success) expect(fast).toStrictEqual(zod.data);
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });

  it("gives zod's output for the samples, read in place", () => {
    for (const sample of samples) {
      const spec = recordTypeSpec(sample.type as string)!;
      const copy = structuredClone(sample);
      expect(compile(spec.schema)!(copy)).toBe(copy);
      expect(copy).toStrictEqual(spec.schema.parse(sample));
    }
  });
});

/** parseRecord with zod alone — what it did before the fast path — for a line that is JSON naming a known type. */
function zodOnly(text: string, lineNumber: number): ParseResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return zodValue(value, lineNumber);
}

/** parseRecordValue with zod alone, for a value naming a known type. */
function zodValue(value: unknown, lineNumber: number): ParseResult | undefined {
  const spec =
    typeof value === 'object' && value !== null
      ? recordTypeSpec((value as { type?: unknown }).type as string)
      : undefined;
  if (!spec) return undefined;
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data as never };
  return {
    ok: false,
    finding: issueFinding(
      parsed.error.issues,
      spec,
      value,
      lineNumber,
      lineContext(lineNumber, { file: 'data.ndjson' }),
    ),
  };
}

const outcome = {
  type: 'courseOutcome',
  id: 'co-1',
  studentId: 's1',
  term: '112-1',
  course: 'physics',
  certifier: 't1',
  state: 'certified',
  certifiedOn: '2024-01-20',
};
/** A line for each dataset finding the schemas decide (PR8004–PR8008), and lines the fast path changes before it fails. */
const CORPUS = [
  { ...outcome, certifier: undefined },
  { ...outcome, id: '' },
  { ...outcome, selected: 'yes' },
  { ...outcome, term: true },
  { ...outcome, state: 'certifed' },
  { type: 'student', id: 's1', grade: 4 },
  { ...outcome, files: [{ name: 'a.doc', type: 'doc', megabytes: 1 }] },
  { ...outcome, certifedOn: '2024-01-01' },
  { ...outcome, certifiedOn: '2024-02-30' },
  { ...outcome, term: '112-3' },
  { type: 'student', grade: 'x', extra: 1 },
  { ...outcome, term: 11201, files: [{ name: 'a.pdf', type: 'pdf', megabytes: -1 }] },
  { ...outcome, zzz: 1 },
  { type: 'diversePerformance', id: 'dp1', studentId: 's1', academicYear: 112, term: '112-2', category: 'competitio' },
  outcome,
].map((value) => JSON.stringify(value));

describe('parseRecord with the fast path', () => {
  it('gives exactly the result zod alone gives — records and findings — on every PR8004–PR8008 case', () => {
    CORPUS.forEach((text, index) =>
      expect(parseRecord(text, index + 1, { file: 'data.ndjson' }), text).toStrictEqual(zodOnly(text, index + 1)),
    );
  });

  it('gives exactly the result zod alone gives on generated lines', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(mutated, fc.integer({ min: 1, max: 1e6 }), (record, lineNumber) => {
        const text = JSON.stringify(record);
        expect(parseRecord(text, lineNumber, { file: 'data.ndjson' })).toStrictEqual(zodOnly(text, lineNumber));
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });

  it(
    'parseRecordValue gives exactly what zod alone gives on values JSON cannot write (undefined, NaN, ±Infinity, -0)',
    { timeout: 300_000 },
    () => {
      const odd = fc.constantFrom(
        undefined,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        -0,
        2 ** 53,
        1.5,
      );
      const values = mutated.chain((record) =>
        fc.tuple(
          fc.constant(record),
          fc.array(fc.tuple(fc.constantFrom(...Object.keys(record).filter((key) => key !== 'type')), odd), {
            minLength: 1,
            maxLength: 2,
          }),
        ),
      );
      fc.assert(
        fc.property(values, ([record, edits]) => {
          const value: Record<string, unknown> = { ...record };
          for (const [key, odd] of edits) value[key] = odd;
          expect(parseRecordValue(value, 7, { file: 'data.ndjson' })).toStrictEqual(zodValue(value, 7));
        }),
        { seed: 42, numRuns: NUM_RUNS },
      );
    },
  );

  it('parseRecordValue leaves the value as it was (it reads a copy)', () => {
    const value = Object.freeze({
      ...outcome,
      files: Object.freeze([Object.freeze({ name: 'a.pdf', type: 'pdf', megabytes: 1 })]),
    });
    const result = parseRecordValue(value, 1);
    expect(result).toMatchObject({ ok: true, record: { term: '11201', entry: 'student', kind: 'courseOutcome' } });
    expect(value.term).toBe('112-1');
    expect('entry' in value).toBe(false);
  });
});
