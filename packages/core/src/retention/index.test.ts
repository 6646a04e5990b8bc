import { describe, expect, it } from 'vitest';
import type { FindingBase } from '../findings/types';
import { effectiveFrom } from '../duties/seed-tables.fixture';
import type { Student } from '../records/items';
import { validatePack } from '../pack';
import { checkRetention, retentionOf } from './index';

const HSINCHU = 'retention: { sealYears: 5, afterSeal: mayDelete, source: 八 }\n';
const hsinchu = effectiveFrom(HSINCHU, 'hsinchu', '新竹補充規定');
const graduate: Student = Object.freeze({ id: 's-1', grade: 3, status: 'graduated', graduatedOn: '2024-06-15' });
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('retentionOf (新竹 八: sealed 5 years, then deletable)', () => {
  it('seals from graduation and allows deletion on the fifth anniversary', () => {
    expect(retentionOf(hsinchu, graduate)).toEqual({
      studentId: 's-1',
      graduatedOn: '2024-06-15',
      sealedFrom: '2024-06-15',
      sealYears: 5,
      deletableFrom: '2029-06-15',
      afterSeal: 'mayDelete',
      source: { document: '新竹補充規定', clause: '八' },
      layer: 'school:hsinchu',
    });
  });

  it("a school's 5 years equal to the national letter's cite both (as caps do)", () => {
    const current = validatePack(
      `id: hsinchu\nname: hsinchu\ndocument: 新竹補充規定\n${HSINCHU}`,
    ).resolution!.versions.at(-1)!;
    const national = {
      layer: 'national@2022-08-01',
      source: { document: '國教署111年9月23日函', clause: '畢業生資料封存' },
    };
    expect(retentionOf(current, graduate)).toMatchObject({ layer: 'school:hsinchu', related: [national] });
    expect(checkRetention(current, graduate, { deletedOn: '2029-06-14', at: '2030-01-01' })).toMatchObject([
      {
        code: 'PR7500',
        layer: 'school:hsinchu',
        source: { document: '新竹補充規定', clause: '八' },
        related: [national],
      },
    ]);
  });

  it('a 29 February graduation is deletable from 28 February', () => {
    expect(retentionOf(hsinchu, { ...graduate, graduatedOn: '2024-02-29' })?.deletableFrom).toBe('2029-02-28');
  });

  it('without a school rule the national letter applies', () => {
    const plan = retentionOf(effectiveFrom('appliesFrom: 11101\n'), graduate);
    expect(plan).toMatchObject({
      sealYears: 5,
      deletableFrom: '2029-06-15',
      source: { document: '國教署111年9月23日函' },
      layer: 'national@2022-08-01',
    });
  });

  it('a shorter seal loosens the national minimum: the national 5 years apply', () => {
    const plan = retentionOf(effectiveFrom('appliesFrom: 11101\nretention: { sealYears: 3, source: 八 }\n'), graduate);
    expect(plan).toMatchObject({
      sealYears: 5,
      deletableFrom: '2029-06-15',
      source: { document: '國教署111年9月23日函' },
    });
  });

  it("a longer seal is the school's to set", () => {
    expect(retentionOf(effectiveFrom('retention: { sealYears: 7, source: 八 }\n'), graduate)?.deletableFrom).toBe(
      '2031-06-15',
    );
  });

  it('no plan before the 2022 letter, nor for a student who has not graduated', () => {
    expect(retentionOf(effectiveFrom('appliesFrom: 10801\nappliesUntil: 11002\n'), graduate)).toBeUndefined();
    expect(retentionOf(hsinchu, { id: 's-2', grade: 2, status: 'enrolled' })).toBeUndefined();
  });
});

describe('checkRetention', () => {
  it('PR7500 for a deletion the day before the seal ends; the anniversary itself is fine', () => {
    const findings = checkRetention(hsinchu, graduate, { deletedOn: '2029-06-14', at: '2030-01-01' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR7500',
      subject: 's-1',
      source: { document: '新竹補充規定', clause: '八' },
      data: { deletableFrom: '2029-06-15', deletedOn: '2029-06-14', sealYears: 5 },
    });
    expect(checkRetention(hsinchu, graduate, { deletedOn: '2029-06-15', at: '2030-01-01' })).toEqual([]);
  });

  it('keeping records after the seal is fine under mayDelete', () => {
    expect(checkRetention(hsinchu, graduate, { at: '2040-01-01' })).toEqual([]);
  });

  it('PR7501 when the pack says mustDelete and the records outlive the seal', () => {
    const strict = effectiveFrom('retention: { sealYears: 5, afterSeal: mustDelete, source: 八 }\n');
    expect(checkRetention(strict, graduate, { at: '2029-06-15' })).toEqual([]);
    const findings = checkRetention(strict, graduate, { at: '2029-06-16' });
    expect(findings[0]).toMatchObject({ code: 'PR7501', data: { deletableFrom: '2029-06-15', at: '2029-06-16' } });
    expect(checkRetention(strict, graduate, { deletedOn: '2029-07-01', at: '2030-01-01' })).toEqual([]);
  });

  it('under keep any deletion is PR7500', () => {
    const keep = effectiveFrom('retention: { sealYears: 5, afterSeal: keep, source: 八 }\n');
    const findings: readonly FindingBase[] = checkRetention(keep, graduate, {
      deletedOn: '2040-01-01',
      at: '2040-01-02',
    });
    expect(findings[0]).toMatchObject({ code: 'PR7500', data: { deletedOn: '2040-01-01' } });
    expect(findings[0]!.data.deletableFrom).toBeUndefined();
  });

  it('a deletion after the day of the check is not counted yet', () => {
    expect(checkRetention(hsinchu, graduate, { deletedOn: '2025-01-01', at: '2024-12-31' })).toEqual([]);
  });

  it('PR7503 for deleting a student who has not graduated; PR7502 for a graduate without a date', () => {
    expect(
      codes(
        checkRetention(
          hsinchu,
          { id: 's-2', grade: 2, status: 'left', leftOn: '2024-03-01' },
          { deletedOn: '2024-05-01', at: '2024-06-01' },
        ),
      ),
    ).toEqual(['PR7503']);
    expect(checkRetention(hsinchu, { id: 's-2', grade: 2, status: 'enrolled' }, { at: '2024-06-01' })).toEqual([]);
    expect(codes(checkRetention(hsinchu, { id: 's-3', grade: 3, status: 'graduated' }, { at: '2024-06-01' }))).toEqual([
      'PR7502',
    ]);
  });
});
