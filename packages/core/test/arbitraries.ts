import fc from 'fast-check';

/** fast-check settings every property in core uses: a fixed seed, and FC_NUM_RUNS to run longer. */
export function propertyOptions(defaultRuns: number): { seed: number; numRuns: number } {
  const fromEnv = Number(process.env.FC_NUM_RUNS);
  return { seed: 42, numRuns: Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns };
}

export type Per = 'semester' | 'academicYear';

/** What a school may write about the values the national rules bound. Absent keys are left to the layer below. */
export interface SchoolBounds {
  readonly appliesFrom?: number;
  readonly appliesUntil?: number;
  readonly courseOutcomeSelect?: { readonly max?: number; readonly per?: Per };
  readonly diversePerformanceSelect?: { readonly max?: number; readonly per?: Per };
  readonly confirmationDays?: number;
  readonly meetingsPerSemester?: number;
  readonly sealYears?: number;
}

const term = fc
  .record({ year: fc.integer({ min: 108, max: 114 }), semester: fc.constantFrom(1, 2) })
  .map(({ year, semester }) => year * 100 + semester);
const per = fc.constantFrom<Per>('semester', 'academicYear');
const cap = fc.record({ max: fc.integer({ min: 0, max: 14 }), per }, { requiredKeys: [] });

/** A school's values around the national bounds, on both sides of each, over a period from 10801 on. */
export const schoolBoundsArbitrary: fc.Arbitrary<SchoolBounds> = fc
  .record(
    {
      appliesFrom: term,
      appliesUntil: term,
      courseOutcomeSelect: cap,
      diversePerformanceSelect: cap,
      confirmationDays: fc.integer({ min: 1, max: 6 }),
      meetingsPerSemester: fc.integer({ min: 0, max: 3 }),
      sealYears: fc.integer({ min: 1, max: 8 }),
    },
    { requiredKeys: [] },
  )
  .filter(
    ({ appliesFrom, appliesUntil }) =>
      appliesFrom === undefined || appliesUntil === undefined || appliesFrom <= appliesUntil,
  );

/** The pack a school would write for these values (as a plain object, for the yaml package to stringify). */
export function schoolPack(bounds: SchoolBounds): Record<string, unknown> {
  const select = (value: SchoolBounds['courseOutcomeSelect']) =>
    value === undefined ? undefined : { select: { ...value, source: '六(一)' } };
  const caps = {
    courseOutcome: select(bounds.courseOutcomeSelect),
    diversePerformance: select(bounds.diversePerformanceSelect),
  };
  const pack: Record<string, unknown> = {
    id: 'property',
    name: '測試規定',
    document: '測試補充規定',
    appliesFrom: bounds.appliesFrom,
    appliesUntil: bounds.appliesUntil,
    caps: caps.courseOutcome || caps.diversePerformance ? caps : undefined,
    receipts:
      bounds.confirmationDays === undefined
        ? undefined
        : { confirmationDays: bounds.confirmationDays, source: '六(三)' },
    governance:
      bounds.meetingsPerSemester === undefined ? undefined : { meetings: { perSemester: bounds.meetingsPerSemester } },
    retention: bounds.sealYears === undefined ? undefined : { sealYears: bounds.sealYears, source: '八' },
  };
  return JSON.parse(JSON.stringify(pack)) as Record<string, unknown>;
}
