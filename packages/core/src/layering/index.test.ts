import type { FindingBase } from '../findings/types';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPack, validatePack } from '../pack';
import { limitsFor } from '../caps';
import { effectiveFor, type PackInput, provenanceOf, resolvePack, rulesFor } from '.';

const HEAD = 'id: school\nname: 測試規定\ndocument: 測試補充規定\n';
const fixture = (code: string) =>
  readFileSync(new URL(`../../test/fixtures/codes/${code}.yaml`, import.meta.url), 'utf8');

function input(text: string, file?: string): PackInput {
  const loaded = loadPack(text, file === undefined ? {} : { file });
  if (!loaded.pack) throw new Error(`fixture does not load: ${JSON.stringify(loaded.findings)}`);
  return loaded as PackInput;
}

const selectCap = (max: number, per: 'semester' | 'academicYear', appliesFrom?: string) =>
  `${HEAD}${appliesFrom ? `appliesFrom: ${appliesFrom}\n` : ''}caps:\n  courseOutcome:\n    select:\n      max: ${max}\n      per: ${per}\n      source: 六(一)\n`;

describe('the loosening rule', () => {
  it('reports a school selecting 12 diverse performances a year, citing both clauses, at the school value', () => {
    const { findings } = validatePack(fixture('PR2002'), { file: 'school.yaml' });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      code: 'PR2002',
      severity: 'error',
      subject: 'caps.diversePerformance.select.max',
      layer: 'national@2022-08-01',
      source: { document: '作業要點', clause: '多元表現勾選件數' },
      related: [{ layer: 'school:loosens-maximum', value: 12, source: { document: '測試補充規定', clause: '六(一)' } }],
      position: { file: 'school.yaml', line: 11, column: 12 },
      data: { value: 12, per: 'academicYear', nationalMax: 10, nationalPer: 'academicYear' },
    });
    expect(finding!.message['zh-TW']).toContain('測試補充規定 六(一)');
    expect(finding!.message['zh-TW']).toContain('作業要點 多元表現勾選件數');
    expect(finding!.message.en).toContain('測試補充規定 六(一)');
    expect(finding!.message.en).toContain('作業要點 多元表現勾選件數');
  });

  it('keeps the national bound in force: the effective pack still carries it', () => {
    const { versions } = resolvePack(input(fixture('PR2002')));
    expect(versions[0]!.bounds).toContainEqual(
      expect.objectContaining({ path: 'caps.diversePerformance.select', max: 10 }),
    );
  });

  it('checks 6 course outcomes a year from 10801 against the pre-reform 3 a semester, not against the current 6 a year', () => {
    const { findings, versions } = resolvePack(input(selectCap(6, 'academicYear', '10801')));
    expect(versions.map((version) => version.national.layer)).toEqual(['national@2019-08-01', 'national@2022-08-01']);
    expect(
      findings.map((finding: FindingBase) => [
        finding.code,
        finding.layer,
        finding.data.nationalMax,
        finding.data.nationalPer,
      ]),
    ).toEqual([['PR2002', 'national@2019-08-01', 3, 'semester']]);
    expect(findings[0]!.source).toEqual({ document: '作業要點', clause: '課程學習成果勾選件數 (108學年度)' });
    expect(findings[0]!.message.en).toContain('allows 6 per academic year, which may all fall in one semester');
  });

  it('accepts 6 a year from 11101, when only the current version is in force', () => {
    expect(resolvePack(input(selectCap(6, 'academicYear', '11101'))).findings).toEqual([]);
  });

  it('counts 4 a semester as 8 a year: a loosening of the current 6 a year', () => {
    const { findings } = resolvePack(input(selectCap(4, 'semester', '11101')));
    expect(
      findings.map((finding: FindingBase) => [
        finding.code,
        finding.layer,
        finding.data.value,
        finding.data.per,
        finding.data.nationalMax,
      ]),
    ).toEqual([['PR2002', 'national@2022-08-01', 4, 'semester', 6]]);
    expect(findings[0]!.message.en).toContain('allows 4 per semester, that is 8 per academic year');
    expect(findings[0]!.message['zh-TW']).toContain('每學期 4 件，即每學年 8 件');
  });

  it('accepts 3 a semester under both versions (3 ≤ 3 a semester, 6 ≤ 6 a year)', () => {
    expect(resolvePack(input(selectCap(3, 'semester', '10801'))).findings).toEqual([]);
  });

  it('blames a school that only switches the national yearly cap to per semester', () => {
    const { findings } = validatePack(
      `${HEAD}appliesFrom: 11101\ncaps:\n  courseOutcome:\n    select:\n      per: semester\n`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR2002',
      subject: 'caps.courseOutcome.select.per',
      related: [{ layer: 'school:school', value: 'semester' }],
      position: { line: 8, column: 12 },
      data: { value: 6, per: 'semester' },
    });
  });

  it('lets a school tighten: fewer selections, more receipt days, longer seals, more meetings', () => {
    const text = `${HEAD}caps:\n  courseOutcome: { select: { max: 2, per: semester } }\n  diversePerformance: { select: { max: 8, per: academicYear } }\nreceipts: { confirmationDays: 5 }\nretention: { sealYears: 6 }\ngovernance: { meetings: { perSemester: 2 } }\n`;
    expect(validatePack(text).findings).toEqual([]);
  });

  it('reports each lowered national minimum with the school clause', () => {
    const text = `${HEAD}appliesFrom: 11201\nreceipts: { confirmationDays: 1, source: 六(三) }\nretention: { sealYears: 3, source: 八 }\ngovernance: { meetings: { perSemester: 0 } }\n`;
    const { findings } = validatePack(text);
    expect(
      findings.map((finding: FindingBase) => [
        finding.code,
        finding.subject,
        finding.data.nationalMin,
        finding.related?.[0]?.source?.clause,
      ]),
    ).toEqual([
      ['PR2003', 'retention.sealYears', 5, '八'],
      ['PR2003', 'receipts.confirmationDays', 3, '六(三)'],
      ['PR2003', 'governance.meetings.perSemester', 1, undefined],
    ]);
  });

  it('does not hold the pre-reform version, which had no sealing rule, against a pack that ends before the reform', () => {
    expect(
      validatePack(`${HEAD}appliesFrom: 10801\nappliesUntil: 11002\nretention: { sealYears: 3 }\n`).findings,
    ).toEqual([]);
  });
});

describe('overlays', () => {
  const overlayText =
    'kind: overlay\nid: taipei\nname: 臺北市規定\ndocument: 臺北市規定\nreceipts:\n  confirmationDays: 2\n  source: 收訖明細\n';
  const overlays = { taipei: input(overlayText, 'taipei.yaml') };

  it('stacks national → overlay → school, naming each layer', () => {
    const { versions } = resolvePack(input(`${HEAD}extends: taipei\nappliesFrom: 11201\n`), { overlays });
    expect(versions[0]!.layers).toEqual(['national@2022-08-01', 'overlay:taipei', 'school:school']);
  });

  it('reports an overlay that loosens, at the overlay file', () => {
    const { findings } = resolvePack(input(`${HEAD}extends: taipei\nappliesFrom: 11201\n`), { overlays });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR2003',
      related: [{ layer: 'overlay:taipei', source: { document: '臺北市規定', clause: '收訖明細' } }],
      position: { file: 'taipei.yaml', line: 6, column: 21 },
    });
  });

  it('lets the school put right what its overlay loosened', () => {
    expect(
      resolvePack(input(`${HEAD}extends: taipei\nappliesFrom: 11201\nreceipts: { confirmationDays: 3 }\n`), {
        overlays,
      }).findings,
    ).toEqual([]);
  });

  it('suggests a registered overlay for a misspelt extends (PR2001)', () => {
    const { findings, versions } = resolvePack(input(`${HEAD}extends: taipie\n`, 'school.yaml'), { overlays });
    expect(versions).toEqual([]);
    expect(findings).toMatchObject([
      {
        code: 'PR2001',
        data: { extends: 'taipie', known: ['national', 'taipei'], suggestion: 'taipei' },
        position: { file: 'school.yaml', line: 4, column: 10 },
      },
    ]);
  });

  it('refuses an overlay that extends another overlay (PR2004), at the overlay file', () => {
    const cascading = {
      taipei: input('kind: overlay\nid: taipei\nname: 臺北市\ndocument: 臺北市規定\nextends: north\n', 'taipei.yaml'),
    };
    const { findings } = resolvePack(input(`${HEAD}extends: taipei\n`), { overlays: cascading });
    expect(findings).toMatchObject([
      {
        code: 'PR2004',
        data: { overlay: 'taipei', extends: 'north' },
        position: { file: 'taipei.yaml', line: 5, column: 10 },
      },
    ]);
  });
});

describe('provenance', () => {
  it('records, for every value, the layer and clause that set it', () => {
    const { versions } = resolvePack(
      input(
        `${HEAD}appliesFrom: 11201\ncaps:\n  courseOutcome:\n    upload: { max: 6, per: semester, source: 五(三)1 }\n    select: { max: 5 }\n`,
      ),
    );
    const { provenance } = versions[0]!;
    expect(provenanceOf(provenance, 'caps.courseOutcome.upload.max')).toEqual({
      layer: 'school:school',
      source: { document: '測試補充規定', clause: '五(三)1' },
    });
    expect(provenanceOf(provenance, 'caps.courseOutcome.select.max')).toEqual({ layer: 'school:school' });
    expect(provenanceOf(provenance, 'caps.courseOutcome.select.per')).toEqual({
      layer: 'national@2022-08-01',
      source: { document: '作業要點', clause: '課程學習成果勾選件數 (111學年度起)' },
    });
    expect(provenanceOf(provenance, 'receipts.confirmationDays')).toEqual({
      layer: 'national@2022-08-01',
      source: { document: '學習歷程檔案QA', clause: '一(十)' },
    });
    expect(versions[0]!.values.caps?.courseOutcome?.select).toMatchObject({ max: 5, per: 'academicYear' });
  });
});

describe('periods and national versions', () => {
  it('reports a pack that ends before the first national version (PR2006)', () => {
    expect(validatePack(fixture('PR2006')).findings.map((finding) => finding.code)).toEqual(['PR2006']);
  });

  it.each([
    ['11002', 'appliesFrom'],
    ['11202', 'appliesUntil'],
  ])('reports term %s outside 11101–11201 at %s (PR2007)', (code, subject) => {
    const text = `${HEAD}appliesFrom: 11101\nappliesUntil: 11201\n`;
    const { findings } = validatePack(text, {
      term: { year: Number(code.slice(0, 3)), semester: Number(code.slice(4)) as 1 | 2 },
    });
    expect(findings).toMatchObject([{ code: 'PR2007', subject, data: { term: code, from: '11101', until: '11201' } }]);
  });

  it('accepts the first and last terms of the period', () => {
    const text = `${HEAD}appliesFrom: 11101\nappliesUntil: 11201\n`;
    expect(validatePack(text, { term: { year: 111, semester: 1 } }).findings).toEqual([]);
    expect(validatePack(text, { term: { year: 112, semester: 1 } }).findings).toEqual([]);
  });

  it('effectiveFor picks the version in force for a term, and nothing outside the pack', () => {
    const resolution = resolvePack(input(`${HEAD}appliesFrom: 10901\nappliesUntil: 11202\n`));
    expect(effectiveFor(resolution, { year: 110, semester: 2 })?.national.layer).toBe('national@2019-08-01');
    expect(effectiveFor(resolution, { year: 111, semester: 1 })?.national.layer).toBe('national@2022-08-01');
    expect(effectiveFor(resolution, { year: 112, semester: 2 })?.national.layer).toBe('national@2022-08-01');
    expect(effectiveFor(resolution, { year: 109, semester: 1 })?.national.layer).toBe('national@2019-08-01');
    expect(effectiveFor(resolution, { year: 108, semester: 2 })).toBeUndefined();
    expect(effectiveFor(resolution, { year: 113, semester: 1 })).toBeUndefined();
  });
});

describe('rulesFor: the rules that judge data of a term', () => {
  const from11101 = resolvePack(
    input(
      `${HEAD}appliesFrom: 11101\ncaps:\n  diversePerformance:\n    upload: { max: 15, per: academicYear, source: 五(四) }\n`,
    ),
  );
  const until11002 = resolvePack(
    input(
      `${HEAD}appliesFrom: 10801\nappliesUntil: 11002\ncaps:\n  diversePerformance:\n    upload: { max: 15, per: academicYear, source: 五(四) }\n`,
    ),
  );
  const courseOutcomeSelect = (term: { year: number; semester: 1 | 2 }, resolution = from11101) =>
    limitsFor(rulesFor(resolution, term), 'courseOutcome', 'select').map(({ max, per, layer }) => ({
      max,
      per,
      layer,
    }));

  it("is the effective pack inside the pack's period", () => {
    expect(rulesFor(from11101, { year: 112, semester: 1 })).toBe(effectiveFor(from11101, { year: 112, semester: 1 }));
  });

  it("before the pack's period: the pre-reform national rules of that term, with the pack's own values", () => {
    const rules = rulesFor(from11101, { year: 110, semester: 2 });
    expect(effectiveFor(from11101, { year: 110, semester: 2 })).toBeUndefined();
    expect(rules.layers).toEqual(['national@2019-08-01', 'school:school']);
    expect(rules.values.caps?.diversePerformance?.upload?.max).toBe(15);
    for (const limit of courseOutcomeSelect({ year: 110, semester: 2 }))
      expect(limit).toEqual({ max: 3, per: 'semester', layer: 'national@2019-08-01' });
    for (const limit of courseOutcomeSelect({ year: 111, semester: 1 }))
      expect(limit).toEqual({ max: 6, per: 'academicYear', layer: 'national@2022-08-01' });
  });

  it("after the pack's period: the national version in force then", () => {
    expect(rulesFor(until11002, { year: 112, semester: 1 }).layers).toEqual(['national@2022-08-01', 'school:school']);
    for (const limit of courseOutcomeSelect({ year: 112, semester: 1 }, until11002))
      expect(limit).toEqual({ max: 6, per: 'academicYear', layer: 'national@2022-08-01' });
  });

  it("does not check a national version outside the pack's period against the pack", () => {
    const loosensOldRule = resolvePack(input(selectCap(6, 'academicYear', '11101')));
    expect(resolvePack(input(selectCap(6, 'academicYear', '10801'))).findings.map((finding) => finding.code)).toEqual([
      'PR2002',
    ]);
    expect(loosensOldRule.findings).toEqual([]);
    expect(loosensOldRule.outside?.map((version) => version.national.layer)).toEqual(['national@2019-08-01']);
  });

  it("before the first national version: the pack's first version", () => {
    expect(rulesFor(until11002, { year: 105, semester: 1 })).toBe(until11002.versions[0]);
  });
});

describe('rulesFor on a copied resolution', () => {
  it('gives the same rules after a structured clone (as worker threads receive it)', () => {
    const resolution = resolvePack(input(selectCap(6, 'academicYear', '11101')));
    const copy = structuredClone(resolution);
    expect(rulesFor(copy, { year: 110, semester: 1 }).layers).toEqual(['national@2019-08-01', 'school:school']);
    expect(rulesFor(copy, { year: 110, semester: 1 })).toEqual(rulesFor(resolution, { year: 110, semester: 1 }));
  });
});
