import type { FindingBase } from '../findings/types';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type NationalBound, type NationalVersion, NATIONAL_VERSIONS } from '../national';
import { validatePack } from '../pack';
import {
  type Per,
  propertyOptions,
  type SchoolBounds,
  schoolBoundsArbitrary,
  schoolPack,
} from '../../test/arbitraries';

const code = (term: { year: number; semester: number }) => term.year * 100 + term.semester;

/** The national versions in force at some point of [from, until]: each governs from its first term to the next one's. */
function versionsInForce(from: number | undefined, until: number | undefined): NationalVersion[] {
  return NATIONAL_VERSIONS.filter((version, index) => {
    const next = NATIONAL_VERSIONS[index + 1];
    const startsBeforeUntil = until === undefined || code(version.firstTerm) <= until;
    const endsAfterFrom = from === undefined || next === undefined || code(next.firstTerm) > from;
    return startsBeforeUntil && endsAfterFrom;
  });
}

/** What the school wrote at a bound's path, and whether it wrote anything there. */
function schoolValue(bounds: SchoolBounds, path: string): { max?: number; per?: Per } | number | undefined {
  switch (path) {
    case 'caps.courseOutcome.select':
      return bounds.courseOutcomeSelect;
    case 'caps.diversePerformance.select':
      return bounds.diversePerformanceSelect;
    case 'receipts.confirmationDays':
      return bounds.confirmationDays;
    case 'governance.meetings.perSemester':
      return bounds.meetingsPerSemester;
    case 'retention.sealYears':
      return bounds.sealYears;
    default:
      throw new Error(`the property does not cover the national bound at ${path}: add it to the arbitrary`);
  }
}

/** Whether the school's value is looser than the bound, counting a per-semester cap twice against a yearly bound. */
function loosens(bounds: SchoolBounds, bound: NationalBound, version: NationalVersion): boolean {
  const written = schoolValue(bounds, bound.path);
  if (bound.kind === 'min') return typeof written === 'number' && written < bound.min;
  if (typeof written !== 'object' || (written.max === undefined && written.per === undefined)) return false;
  const national = bound.path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], version.pack) as {
    max: number;
    per: Per;
  };
  const max = written.max ?? national.max;
  const per = written.per ?? national.per;
  const perBoundPeriod = per === 'semester' && bound.per === 'academicYear' ? max * 2 : max;
  return perBoundPeriod > bound.max;
}

describe('merging never loosens a national bound unnoticed', () => {
  it('reports PR2002/PR2003 exactly where a school value is looser than a bound in force', () => {
    fc.assert(
      fc.property(schoolBoundsArbitrary, (bounds) => {
        const versions = versionsInForce(bounds.appliesFrom, bounds.appliesUntil);
        const expected = new Set(
          versions.flatMap((version) =>
            version.bounds
              .filter((bound) => loosens(bounds, bound, version))
              .map((bound) => `${bound.kind === 'min' ? 'PR2003' : 'PR2002'} ${bound.path}`),
          ),
        );
        const { findings, resolution } = validatePack(stringify(schoolPack(bounds)));
        expect(resolution?.versions.map((version) => version.national.layer)).toEqual(
          versions.map((version) => version.layer),
        );
        const reported = new Set(
          findings.map((finding: FindingBase) => `${finding.code} ${String(finding.data.path)}`),
        );
        expect(reported).toEqual(expected);
        for (const finding of findings) {
          expect(finding.severity).toBe('error');
          expect(finding.source).toBeDefined();
          expect(finding.related?.[0]?.layer).toBe('school:property');
          expect(finding.position?.line).toBeGreaterThan(0);
        }
      }),
      propertyOptions(300),
    );
  });

  it("keeps each national version's bounds equal to the values of its own pack", () => {
    for (const version of NATIONAL_VERSIONS) {
      for (const bound of version.bounds) {
        const value = bound.path
          .split('.')
          .reduce<unknown>((inner, key) => (inner as Record<string, unknown> | undefined)?.[key], version.pack);
        if (bound.kind === 'capMax')
          expect(value, `${version.layer} ${bound.path}`).toMatchObject({
            max: bound.max,
            per: bound.per,
            source: bound.source,
          });
        else expect(value, `${version.layer} ${bound.path}`).toBe(bound.min);
      }
    }
  });

  it('covers every national bound path with the arbitrary', () => {
    for (const version of NATIONAL_VERSIONS)
      for (const bound of version.bounds) expect(() => schoolValue({}, bound.path)).not.toThrow();
  });
});
