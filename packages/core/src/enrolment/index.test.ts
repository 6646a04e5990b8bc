import { describe, expect, it } from 'vitest';
import { effectiveFrom } from '../duties/seed-tables.fixture';
import { validatePack } from '../pack';
import type { CourseOutcome, DiversePerformance } from '../records/items';
import { ENROLMENT_CHANGES, ENROLMENT_DEFAULT_SOURCE, enrolmentEffect, pendingFates } from './index';

describe('enrolmentEffect', () => {
  it('falls back to the documented defaults, marked as defaults', () => {
    const silent = effectiveFrom('');
    for (const change of ENROLMENT_CHANGES) {
      const effect = enrolmentEffect(silent, change);
      expect(effect.capsCount).toEqual({
        value: 'perStudentTerm',
        isDefault: true,
        source: ENROLMENT_DEFAULT_SOURCE,
        layer: 'default',
      });
      expect(effect.pendingCertifications.value).toBe('keep');
    }
    expect(enrolmentEffect(silent, 'borrowedStudy').submittingSchool.value).toBe('origin');
    expect(enrolmentEffect(silent, 'transferOut').submittingSchool.value).toBe('enrolled');
  });

  it('takes what the pack sets, with its clause, and defaults only the rest', () => {
    const pack = effectiveFrom(
      'enrolment:\n  transferOut: { pendingCertifications: deputy, source: 七 }\n  transferIn:\n    capsCount: perSchool\n',
    );
    const out = enrolmentEffect(pack, 'transferOut');
    expect(out.pendingCertifications).toEqual({
      value: 'deputy',
      isDefault: false,
      source: { document: '馬公補充規定', clause: '七' },
      layer: 'school:magong',
    });
    expect(out.submittingSchool.isDefault).toBe(true);
    expect(out.capsCount.isDefault).toBe(true);
    const into = enrolmentEffect(pack, 'transferIn');
    expect(into.capsCount).toMatchObject({ value: 'perSchool', isDefault: false, layer: 'school:magong' });
    expect(into.capsCount.source).toBeUndefined();
  });

  it("an overlay's rule reaches the school, cited to the overlay", () => {
    const overlay =
      'id: region\nkind: overlay\nname: 區域\ndocument: 區域規定\nenrolment:\n  suspension: { pendingCertifications: void, source: 三 }\n';
    const region = validatePack(overlay);
    const school = validatePack('id: s\nname: s\ndocument: 學校規定\nextends: region\n', {
      overlays: { region: region.loaded as never },
    });
    const effect = enrolmentEffect(school.resolution!.versions[0]!, 'suspension');
    expect(effect.pendingCertifications).toEqual({
      value: 'void',
      isDefault: false,
      source: { document: '區域規定', clause: '三' },
      layer: 'overlay:region',
    });
  });
});

describe('pendingFates', () => {
  const outcome = (id: string, state: CourseOutcome['state'], withdrawn = false): CourseOutcome => ({
    kind: 'courseOutcome',
    id,
    studentId: 's-1',
    entry: 'student',
    selected: false,
    term: '11201',
    course: 'math-1',
    certifier: 't-wang',
    state,
    ...(withdrawn && { withdrawn }),
  });
  const performance: DiversePerformance = {
    kind: 'diversePerformance',
    id: 'dp-1',
    studentId: 's-1',
    entry: 'student',
    selected: false,
    academicYear: 112,
    category: 'works',
  };
  const items = Object.freeze([
    outcome('co-1', 'submitted'),
    outcome('co-2', 'certified'),
    outcome('co-3', 'draft'),
    outcome('co-4', 'rejected'),
    outcome('co-5', 'submitted', true),
    performance,
  ]);

  it('lists the uncertified course outcomes with the fate the pack sets', () => {
    const fates = pendingFates(
      effectiveFrom('enrolment:\n  transferOut: { pendingCertifications: void, source: 七 }\n'),
      'transferOut',
      items,
    );
    expect(fates.map((f) => f.itemId)).toEqual(['co-1', 'co-3', 'co-4']);
    expect(fates[0]!.fate).toMatchObject({ value: 'void', isDefault: false, source: { clause: '七' } });
  });

  it('or the default', () => {
    expect(pendingFates(effectiveFrom(''), 'suspension', items)[0]!.fate).toMatchObject({
      value: 'keep',
      isDefault: true,
    });
  });
});
