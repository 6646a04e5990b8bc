import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, FAIL } from './fast';
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
  string: ['', 'x', '2023-02-29', '2024-02-29', '2023-13-01', '2023-1-01', '11201', '112-1', '112-3', 11202, 1120, 'certifed', 'doc', true, null],
  files: [[], [{ name: 'a.pdf', type: 'pdf', megabytes: 1 }], [{ name: 'a.doc', type: 'doc', megabytes: 1 }], [{ name: '', type: 'pdf', megabytes: 1 }], [{ name: 'a.pdf', type: 'pdf', megabytes: -1 }], [{ name: 'a.pdf', type: 'pdf' }], [{ name: 'a.pdf', type: 'pdf', megabytes: 1, x: 1 }], 'a.pdf'],
};
const seen = (field: string) => samples.flatMap((sample) => (field in sample ? [sample[field]] : []));
const types = [...new Set(samples.map((sample) => sample.type as string))];

/** A sample record with up to three fields removed, set to an edge, a seen or any JSON value, or stray keys added. */
const mutated = fc.constantFrom(...types).chain((type) => {
  const columns = columnsOf(recordTypeSpec(type)!);
  const edit = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...columns).chain((column) => fc.tuple(fc.constant(column.name), fc.constantFrom(...EDGES[column.kind], ...seen(column.name), undefined))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...columns.map((column) => column.name)), fc.jsonValue()) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.jsonValue()) },
  );
  return fc.tuple(fc.constantFrom(...samples.filter((sample) => sample.type === type)), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([sample, edits]) => {
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

  it('accepts and rejects exactly what zod does, with the same output', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(mutated, (record) => {
        const spec = recordTypeSpec(record.type as string)!;
        const fast = compile(spec.schema)!(record);
        const zod = spec.schema.safeParse(record);
        expect(fast !== FAIL).toBe(zod.success);
        if (zod.success) expect(fast).toStrictEqual(zod.data);
      }),
      { seed: 42, numRuns: NUM_RUNS },
    );
  });

  it('gives zod\'s output key order for the samples', () => {
    for (const sample of samples) {
      const spec = recordTypeSpec(sample.type as string)!;
      expect(JSON.stringify(compile(spec.schema)!(sample))).toBe(JSON.stringify(spec.schema.parse(sample)));
    }
  });
});
