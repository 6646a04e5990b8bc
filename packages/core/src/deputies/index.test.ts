import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../pack';
import { actingFor } from './index';
import { effectiveFrom, HSINCHU_DUTIES, MAGONG_DUTIES } from '../duties/seed-tables.fixture';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 200);

describe('actingFor — 馬公 九(三)', () => {
  const magong = effectiveFrom(MAGONG_DUTIES);

  it('the owner acts when available', () => {
    const result = actingFor(magong, 'courseOutcomeSubmission', { unavailable: [] });
    expect(result.acting).toBe('teaching');
    expect(result.chain).toEqual(['teaching', 'registration', 'equipment']);
    expect(result.walked).toEqual([{ who: 'teaching', available: true }]);
    expect(result.findings).toEqual([]);
  });

  it('walks 教學組 → 註冊組 → 設備組 in order', () => {
    const result = actingFor(magong, 'courseOutcomeSubmission', { unavailable: ['teaching', 'registration'] });
    expect(result.acting).toBe('equipment');
    expect(result.walked).toEqual([
      { who: 'teaching', available: false },
      { who: 'registration', available: false },
      { who: 'equipment', available: true },
    ]);
  });

  it('任課教師 → 科內教師 → 領域教師 for certification', () => {
    expect(actingFor(magong, 'courseOutcomeCertification', { unavailable: ['courseTeacher'] }).acting).toBe(
      'departmentTeacher',
    );
  });

  it('gives PR5001 citing the clause when nobody is left', () => {
    const result = actingFor(magong, 'receiptConfirmation', {
      unavailable: ['registration', 'equipment', 'specialEducation'],
    });
    expect(result.acting).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      code: 'PR5001',
      severity: 'error',
      subject: 'duties.receiptConfirmation',
      source: { document: '馬公補充規定', clause: '九(三)' },
      layer: 'school:magong',
      data: { duty: 'receiptConfirmation', chain: ['registration', 'equipment', 'specialEducation'] },
    });
  });

  it('gives PR5002 for a duty the pack does not assign', () => {
    const partial = effectiveFrom('duties:\n  basicData: { owner: registration, source: 九(三) }\n');
    const result = actingFor(partial, 'cadreSubmission', { unavailable: [] });
    expect(result.acting).toBeUndefined();
    expect(result.chain).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual(['PR5002']);
  });

  it('places the finding when positions are given', () => {
    const text = `id: magong\nname: 馬公\ndocument: 馬公補充規定\n${MAGONG_DUTIES}`;
    const validation = validatePack(text, { file: 'magong.yaml' });
    const effective = validation.resolution!.versions[0]!;
    const result = actingFor(effective, 'basicData', {
      unavailable: ['registration', 'specialEducation', 'examinations'],
      positions: validation.loaded.positions,
    });
    expect(result.findings[0]?.position).toMatchObject({ line: 6 });
  });
});

describe('actingFor — 新竹 十一(三) and 進修部', () => {
  const hsinchu = effectiveFrom(HSINCHU_DUTIES, 'hsinchu', '新竹補充規定');

  it('the registration sections certify for an unavailable teacher, by division', () => {
    expect(actingFor(hsinchu, 'courseOutcomeCertification', { unavailable: ['courseTeacher'] }).acting).toBe(
      'registration',
    );
    expect(
      actingFor(hsinchu, 'courseOutcomeCertification', {
        unavailable: ['courseTeacher'],
        division: 'continuingEducation',
      }).acting,
    ).toBe('ceAcademic');
  });

  it('a unit head designates the deputy: the chain names designatedBy:<unit>', () => {
    const result = actingFor(hsinchu, 'basicData', { unavailable: ['registration'] });
    expect(result.chain).toEqual(['registration', 'designatedBy:registration']);
    expect(result.acting).toBe('designatedBy:registration');
  });

  it('a division without its own assignment uses the general one', () => {
    expect(
      actingFor(hsinchu, 'platformAdministration', { unavailable: [], division: 'continuingEducation' }).acting,
    ).toBe('registration');
  });

  it('cites the division assignment when nobody is left there', () => {
    const result = actingFor(hsinchu, 'basicData', {
      unavailable: ['ceAcademic', 'designatedBy:ceAcademic'],
      division: 'continuingEducation',
    });
    expect(result.findings[0]).toMatchObject({
      code: 'PR5001',
      subject: 'duties.basicData.byDivision.continuingEducation',
      data: { division: 'continuingEducation' },
    });
  });
});

describe('actingFor — properties', () => {
  const magong = effectiveFrom(MAGONG_DUTIES);
  const duties = [
    'platformAdministration',
    'basicData',
    'courseRecordSubmission',
    'receiptConfirmation',
    'courseOutcomeSubmission',
    'diversePerformanceSubmission',
    'cadreSubmission',
    'courseOutcomeCertification',
  ] as const;

  it('the acting link is always the first available one in the chain', () => {
    const everyone = [
      'registration',
      'teaching',
      'equipment',
      'specialEducation',
      'examinations',
      'discipline',
      'studentLife',
      'activities',
      'courseTeacher',
      'departmentTeacher',
      'domainTeacher',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...duties), fc.subarray(everyone), (duty, unavailable) => {
        const result = actingFor(magong, duty, { unavailable });
        const firstAvailable = result.chain.find((who) => !unavailable.includes(who));
        expect(result.acting).toBe(firstAvailable);
        expect(result.walked.every((step, i) => step.who === result.chain[i])).toBe(true);
        expect(result.walked.slice(0, -1).every((step) => !step.available)).toBe(true);
        expect(result.findings.length === 0).toBe(firstAvailable !== undefined);
      }),
      { seed: 42, numRuns },
    );
  });
});
