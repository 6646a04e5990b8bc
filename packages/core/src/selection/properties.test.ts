import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { acrossVersions, MAGONG_YAML, STUDENT } from '../engine/magong.fixture';
import type { CourseOutcome, DiversePerformance, PortfolioItem } from '../records/items';
import { parseTerm } from '../term';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 200);
const timeout = Math.max(60_000, numRuns * 50);
/** A school that loosened both selection caps: the national bounds must hold anyway. */
const LOOSE = MAGONG_YAML.replace(
  'select: { max: 6, per: academicYear, source: 六(一) }',
  'select: { max: 12, per: academicYear, source: 六(一) }',
).replace(
  'select: { max: 10, per: academicYear, source: 六(一) }',
  'select: { max: 14, per: academicYear, source: 六(一) }',
);
const TERMS = ['10901', '10902', '11101', '11102', '11201', '11202'];

const outcome = (index: number, term: string): CourseOutcome => ({
  id: `co-${index}`,
  kind: 'courseOutcome',
  studentId: 's1',
  entry: 'student',
  selected: false,
  term,
  course: 'c',
  certifier: 't',
  state: 'certified',
});
const performance = (
  index: number,
  year: number,
  entry: 'student' | 'schoolEntered' | 'bulkImport',
): DiversePerformance => ({
  id: `dp-${index}`,
  kind: 'diversePerformance',
  studentId: 's1',
  entry,
  selected: false,
  academicYear: year,
  category: 'competition',
});

const items = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('co' as const), term: fc.constantFrom(...TERMS) }),
    fc.record({
      kind: fc.constant('dp' as const),
      year: fc.constantFrom(109, 111, 112),
      entry: fc.constantFrom('student' as const, 'student' as const, 'schoolEntered' as const, 'bulkImport' as const),
    }),
  ),
  { minLength: 20, maxLength: 40 },
);
const operations = fc.array(
  fc.record({
    select: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    index: fc.nat(39),
  }),
  { minLength: 40, maxLength: 120 },
);

function selectedIn(all: readonly PortfolioItem[], predicate: (item: PortfolioItem) => boolean): number {
  return all.filter((item) => item.selected && !item.withdrawn && item.entry === 'student' && predicate(item)).length;
}

describe('selection caps — properties (seed 42)', () => {
  it(
    'no sequence of selections ever exceeds a national bound, even under a loosened pack',
    () => {
      // createEngine refuses the loosened pack (PR2002): built on its layers anyway, the bounds must hold.
      const engine = createEngine(acrossVersions(LOOSE));
      fc.assert(
        fc.property(items, operations, (specs, steps) => {
          let all: PortfolioItem[] = specs.map((spec, index) =>
            spec.kind === 'co' ? outcome(index, spec.term) : performance(index, spec.year, spec.entry),
          );
          for (const step of steps) {
            const item = all[step.index % all.length]!;
            const request = { item, items: all, actor: STUDENT, at: '2024-09-01' };
            const result = step.select ? engine.select(request) : engine.deselect(request);
            if (result.allowed && result.item) all = all.map((other) => (other.id === item.id ? result.item! : other));
          }
          for (const year of [109, 111, 112]) {
            expect(
              selectedIn(all, (item) => item.kind === 'diversePerformance' && item.academicYear === year),
            ).toBeLessThanOrEqual(10);
            if (year >= 111)
              expect(
                selectedIn(all, (item) => item.kind === 'courseOutcome' && parseTerm(item.term)?.year === year),
              ).toBeLessThanOrEqual(6);
          }
          for (const term of ['10901', '10902'])
            expect(selectedIn(all, (item) => item.kind === 'courseOutcome' && item.term === term)).toBeLessThanOrEqual(
              3,
            );
        }),
        { seed: 42, numRuns },
      );
    },
    timeout,
  );
});
