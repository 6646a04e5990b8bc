import { describe, expect, it } from 'vitest';
import { deepFreeze, effectiveOf, magong, MAGONG_YAML, outcome, performance } from '../engine/magong.fixture';
import type { Submission } from '../submission';
import type { FinalSubmission } from '../submission/final-lock';
import { checkCaps, checkFiles, checkUpload, limitsFor } from './decide';

const codes = (findings: readonly { code: string }[]) => findings.map((finding) => finding.code);

describe('upload caps — 馬公 五(三)1, 五(四)', () => {
  const effective = magong();

  it('allows the 6th course outcome of a semester with an info that it is the last slot', () => {
    const items = deepFreeze(Array.from({ length: 5 }, () => outcome()));
    const decision = checkUpload(effective, { item: outcome(), items, at: '2024-01-20' });
    expect(decision.allowed).toBe(true);
    expect(decision.findings).toMatchObject([
      { code: 'PR3003', severity: 'info', data: { max: 6, count: 5, period: '11201' } },
    ]);
  });

  it('refuses the 7th, citing 馬公補充規定 五(三)1 with the cap and the count', () => {
    const items = deepFreeze(Array.from({ length: 6 }, () => outcome()));
    const decision = checkUpload(effective, { item: outcome(), items, at: '2024-01-20' });
    expect(decision.allowed).toBe(false);
    expect(decision.findings).toEqual([
      expect.objectContaining({
        code: 'PR3001',
        severity: 'error',
        layer: 'school:magong',
        source: { document: '馬公補充規定', clause: '五(三)1' },
        data: expect.objectContaining({ kind: 'courseOutcome', max: 6, per: 'semester', count: 6, period: '11201' }),
      }),
    ]);
  });

  it('counts per semester: outcomes of another term or another student do not count', () => {
    const items = [
      ...Array.from({ length: 3 }, () => outcome({ term: '11102' })),
      ...Array.from({ length: 3 }, () => outcome({ studentId: 's2' })),
      outcome(),
    ];
    expect(checkUpload(effective, { item: outcome(), items, at: '2024-01-20' }).allowed).toBe(true);
  });

  it('withdrawn items stop counting', () => {
    const items = [...Array.from({ length: 5 }, () => outcome()), outcome({ withdrawn: true })];
    expect(checkUpload(effective, { item: outcome(), items, at: '2024-01-20' }).allowed).toBe(true);
  });

  it('a rejected item still counts as uploaded (decision 0002)', () => {
    const items = [
      ...Array.from({ length: 5 }, () => outcome()),
      outcome({ state: 'rejected', rejectionReason: '非本課程作品' }),
    ];
    const decision = checkUpload(effective, { item: outcome(), items, at: '2024-01-20' });
    expect(codes(decision.findings)).toEqual(['PR3001']);
  });

  it('a pack may say rejected items do not count (countsRejected: false)', () => {
    const loose = effectiveOf(
      MAGONG_YAML.replace(
        'upload: { max: 6, per: semester, source: 五(三)1 }',
        'upload: { max: 6, per: semester, countsRejected: false, source: 五(三)1 }',
      ),
    );
    const items = [
      ...Array.from({ length: 5 }, () => outcome()),
      outcome({ state: 'rejected', rejectionReason: '非本課程作品' }),
    ];
    expect(checkUpload(loose, { item: outcome(), items, at: '2024-01-20' }).allowed).toBe(true);
  });

  it('re-checking an item already on the platform does not count it twice', () => {
    const items = Array.from({ length: 6 }, () => outcome());
    expect(checkUpload(effective, { item: items[5]!, items, at: '2024-01-20' }).allowed).toBe(true);
  });

  it('diverse performances: at most 15 per academic year, across both semesters', () => {
    const items = [
      ...Array.from({ length: 8 }, () => performance({ term: '11201' })),
      ...Array.from({ length: 7 }, () => performance({ term: '11202' })),
    ];
    const decision = checkUpload(effective, { item: performance(), items, at: '2024-06-01' });
    expect(decision.findings).toEqual([
      expect.objectContaining({
        code: 'PR3001',
        data: expect.objectContaining({ max: 15, per: 'academicYear', count: 15, period: '112' }),
      }),
    ]);
  });

  it('school-entered cadre records do not count and are not capped', () => {
    const items = Array.from({ length: 15 }, () => performance({ entry: 'schoolEntered', category: 'cadre' }));
    expect(checkUpload(effective, { item: performance(), items, at: '2024-06-01' }).allowed).toBe(true);
    const cadre = checkCaps(
      effective,
      'upload',
      performance({ entry: 'schoolEntered' }),
      Array.from({ length: 15 }, () => performance()),
    );
    expect(cadre.findings).toEqual([]);
    expect(cadre.steps[0]).toMatchObject({ outcome: 'skipped', source: { clause: '4-1、4-4 5' } });
  });

  it("is refused after the school submitted the term's roster (seed 002, 4-2)", () => {
    const submissions: Submission[] = [
      {
        category: 'courseOutcome',
        term: '11201',
        submittedBy: 'u-teaching',
        actingAs: 'teaching',
        submittedOn: '2024-03-01',
      },
    ];
    const decision = checkUpload(effective, { item: outcome(), items: [], at: '2024-03-02', submissions });
    expect(decision.findings).toMatchObject([{ code: 'PR7004', data: { term: '11201', submittedOn: '2024-03-01' } }]);
  });

  it("is refused after the final submission of the item's roster, in the student's division (PR7014, seed 004)", () => {
    const finals: FinalSubmission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', finalOn: '2024-03-20' },
    ];
    const decision = checkUpload(effective, { item: outcome({ id: 'co-late' }), items: [], at: '2024-03-21', finals });
    expect(decision.allowed).toBe(false);
    expect(decision.findings).toMatchObject([{ code: 'PR7014', subject: 'co-late', data: { finalOn: '2024-03-20' } }]);
    // Another term's item, a diverse performance, or a student of the division whose final is still to come.
    expect(
      codes(checkUpload(effective, { item: outcome({ term: '11202' }), items: [], at: '2024-03-21', finals }).findings),
    ).toEqual([]);
    expect(
      codes(checkUpload(effective, { item: performance(), items: [], at: '2024-03-21', finals }).findings),
    ).toEqual([]);
    const evening = { item: outcome(), items: [], at: '2024-03-21', finals, division: 'continuingEducation' } as const;
    expect(codes(checkUpload(effective, evening).findings)).toEqual([]);
  });

  it('checks the upload window when one is passed, and warns when it closes soon', () => {
    const window = {
      opens: '2024-01-01',
      closes: '2024-02-03',
      layer: 'school:magong',
      source: { document: '馬公補充規定', clause: '五(三)1' },
    };
    expect(checkUpload(effective, { item: outcome(), items: [], at: '2024-02-04', window }).findings).toMatchObject([
      { code: 'PR6003', data: { activity: 'courseOutcomeUpload', at: '2024-02-04', closes: '2024-02-03' } },
    ]);
    expect(checkUpload(effective, { item: outcome(), items: [], at: '2023-12-31', window }).findings).toMatchObject([
      { code: 'PR6002', layer: 'school:magong', data: { opens: '2024-01-01' } },
    ]);
    const late = checkUpload(effective, { item: outcome(), items: [], at: '2024-02-02', window });
    expect(late.allowed).toBe(true);
    expect(late.findings).toMatchObject([{ code: 'PR6004', severity: 'warning', data: { daysLeft: 2 } }]);
    expect(codes(checkUpload(effective, { item: outcome(), items: [], at: '2024-01-20', window }).findings)).toEqual(
      [],
    );
  });

  it('takes time as a Date too, as a Taiwan calendar day', () => {
    const window = { closes: '2024-02-03' };
    expect(
      checkUpload(effective, { item: outcome(), items: [], at: new Date('2024-02-03T17:00:00Z'), window }).allowed,
    ).toBe(false);
    expect(
      checkUpload(effective, { item: outcome(), items: [], at: new Date('2024-02-03T15:00:00Z'), window }).allowed,
    ).toBe(true);
  });

  it('explains every rule in order, with layer and clause', () => {
    const decision = checkUpload(effective, { item: outcome(), items: [], at: '2024-01-20' });
    expect(decision.explanation.map((step) => step.rule)).toEqual([
      'submission.lock',
      'files.courseOutcome',
      'caps.courseOutcome.upload',
    ]);
    expect(decision.explanation[2]).toMatchObject({
      outcome: 'passed',
      layer: 'school:magong',
      source: { clause: '五(三)1' },
      data: { max: 6, count: 0 },
    });
  });
});

describe('no cap', () => {
  it('a kind and action without any cap is allowed, and the explanation says so', () => {
    const bare = effectiveOf('id: bare\nname: 無上傳上限\ndocument: 補充規定\n');
    const part = checkCaps(
      bare,
      'upload',
      outcome(),
      Array.from({ length: 30 }, () => outcome()),
    );
    expect(part.findings).toEqual([]);
    expect(part.steps).toMatchObject([{ rule: 'caps.courseOutcome.upload', outcome: 'skipped' }]);
  });
});

describe('selection caps — national bounds hold whatever the pack says', () => {
  it('lists the pack cap then the national bound', () => {
    const limits = limitsFor(magong(), 'courseOutcome', 'select');
    expect(limits.map((limit) => [limit.max, limit.per, limit.layer])).toEqual([
      [6, 'academicYear', 'school:magong'],
      [6, 'academicYear', 'national@2022-08-01'],
    ]);
  });

  it('a school that loosened the cap is still held to the national 6 per academic year', () => {
    const loose = effectiveOf(
      MAGONG_YAML.replace(
        'select: { max: 6, per: academicYear, source: 六(一) }',
        'select: { max: 9, per: academicYear, source: 六(一) }',
      ),
    );
    const items = Array.from({ length: 6 }, () => outcome({ state: 'certified', selected: true }));
    const part = checkCaps(loose, 'select', outcome({ state: 'certified' }), items);
    expect(part.findings).toEqual([
      expect.objectContaining({
        code: 'PR3002',
        layer: 'national@2022-08-01',
        data: expect.objectContaining({ max: 6, count: 6 }),
      }),
    ]);
    expect(part.steps.map((step) => step.outcome)).toEqual(['passed', 'failed']);
  });

  it('pre-reform: 3 per semester nationally, even when the pack allows 6 a year', () => {
    const old = effectiveOf(MAGONG_YAML, '10901');
    const items = Array.from({ length: 3 }, () => outcome({ term: '10901', state: 'certified', selected: true }));
    const part = checkCaps(old, 'select', outcome({ term: '10901', state: 'certified' }), items);
    expect(part.findings).toEqual([
      expect.objectContaining({
        code: 'PR3002',
        layer: 'national@2019-08-01',
        data: expect.objectContaining({ max: 3, per: 'semester', count: 3, period: '10901' }),
      }),
    ]);
    const otherSemester = checkCaps(old, 'select', outcome({ term: '10902', state: 'certified' }), items);
    expect(otherSemester.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('one finding when the school and the national limit are the same number', () => {
    const items = Array.from({ length: 6 }, () => outcome({ state: 'certified', selected: true }));
    const part = checkCaps(magong(), 'select', outcome({ state: 'certified' }), items);
    expect(codes(part.findings)).toEqual(['PR3002']);
    expect(part.findings[0]?.source).toEqual({ document: '馬公補充規定', clause: '六(一)' });
  });

  it('diverse performances: school-entered selections do not count, bulk-imported ones do (national exempt, seed 002 4-5 2)', () => {
    const items = [
      ...Array.from({ length: 9 }, () => performance({ selected: true })),
      ...Array.from({ length: 4 }, () => performance({ selected: true, entry: 'schoolEntered' })),
    ];
    expect(checkCaps(magong(), 'select', performance(), items).findings.map((finding) => finding.severity)).toEqual([
      'info',
    ]);
    expect(
      codes(checkCaps(magong(), 'select', performance(), [...items, performance({ selected: true })]).findings),
    ).toEqual(['PR3002']);
    // Nine of the student's own and one bulk-imported: the student has used all ten.
    const imported = [...items, performance({ selected: true, entry: 'bulkImport' })];
    expect(codes(checkCaps(magong(), 'select', performance(), imported).findings)).toEqual(['PR3002']);
  });
});

describe('file constraints — national letter (109學年度起)', () => {
  const effective = magong();

  it('accepts pdf up to 4 MB and mp4 up to 10 MB', () => {
    const item = outcome({
      files: [
        { name: 'a.pdf', type: 'pdf', megabytes: 4 },
        { name: 'b.mp4', type: 'mp4', megabytes: 10 },
      ],
    });
    expect(checkFiles(effective, item).findings).toEqual([]);
  });

  it('refuses a 5 MB document and an 11 MB video, each against its own limit', () => {
    const item = outcome({
      files: [
        { name: 'a.pdf', type: 'pdf', megabytes: 5 },
        { name: 'b.mp4', type: 'mp4', megabytes: 11 },
      ],
    });
    expect(checkFiles(effective, item).findings).toMatchObject([
      { code: 'PR3011', data: { file: 'a.pdf', megabytes: 5, maxMegabytes: 4 } },
      { code: 'PR3011', data: { file: 'b.mp4', megabytes: 11, maxMegabytes: 10 } },
    ]);
  });

  it('refuses a type neither list allows', () => {
    const item = outcome({ files: [{ name: 'a.docx', type: 'docx' as never, megabytes: 1 }] });
    expect(checkFiles(effective, item).findings).toMatchObject([
      { code: 'PR3010', data: { type: 'docx', allowed: ['pdf', 'jpg', 'png', 'mp3', 'mp4'] } },
    ]);
  });

  it('a summary of 100 characters passes, 101 does not (counted in characters, not bytes)', () => {
    expect(checkFiles(effective, outcome({ summary: '報'.repeat(100) })).findings).toEqual([]);
    expect(checkFiles(effective, outcome({ summary: '報'.repeat(101) })).findings).toMatchObject([
      { code: 'PR3012', data: { length: 101, maxChars: 100 } },
    ]);
    // A character outside the BMP is two UTF-16 units but one character.
    expect(checkFiles(effective, outcome({ summary: '𠮷'.repeat(100) })).findings).toEqual([]);
    expect(checkFiles(effective, outcome({ summary: `${'𠮷'.repeat(99)}\ud842x` })).steps[0]?.data).toMatchObject({
      summaryLength: 101,
    });
  });

  it('a course outcome needs a summary and a file; a diverse performance does not', () => {
    expect(codes(checkFiles(effective, outcome({ summary: '', files: [] })).findings)).toEqual(['PR3013', 'PR3014']);
    expect(checkFiles(effective, performance({ summary: undefined, files: [] })).findings).toEqual([]);
  });
});

describe('file rules cite the layer and clause that set them (issue 15 §4)', () => {
  const pdfOnly = effectiveOf(
    `${MAGONG_YAML}files:\n  courseOutcome:\n    document: { types: [pdf], maxMegabytes: 3 }\n    source: 五(五)\n`,
  );
  const school = { layer: 'school:magong', source: { document: '馬公補充規定', clause: '五(五)' } };
  const national = {
    layer: 'national@2022-08-01',
    source: { document: '國教署函(109學年度起檔案規格)', clause: '檔案格式及大小' },
  };

  it("a school's 3 MB pdf-only limit is cited as the school's clause, in the finding and the step", () => {
    const item = outcome({
      files: [
        { name: 'a.pdf', type: 'pdf', megabytes: 3.5 },
        { name: 'b.png', type: 'png', megabytes: 1 },
      ],
    });
    const part = checkFiles(pdfOnly, item);
    expect(part.findings).toMatchObject([
      { code: 'PR3011', ...school, data: { maxMegabytes: 3, source: school.source } },
      { code: 'PR3010', ...school, data: { allowed: ['pdf', 'mp3', 'mp4'], source: school.source } },
    ]);
    expect(part.findings[0]?.message.en).toContain('(馬公補充規定 五(五))');
    expect(part.steps[0]).toMatchObject(school);
  });

  it('a limit the school left alone is still cited as national', () => {
    const item = outcome({ files: [{ name: 'b.mp4', type: 'mp4', megabytes: 11 }] });
    expect(checkFiles(pdfOnly, item).findings).toMatchObject([{ code: 'PR3011', ...national }]);
  });

  it('a source written on the file rule itself is the one cited', () => {
    const own = effectiveOf(
      `${MAGONG_YAML}files:\n  courseOutcome:\n    document: { maxMegabytes: 2, source: 五(六) }\n    source: 五(五)\n`,
    );
    const item = outcome({ files: [{ name: 'a.pdf', type: 'pdf', megabytes: 2.5 }] });
    expect(checkFiles(own, item).findings).toMatchObject([
      { code: 'PR3011', layer: 'school:magong', source: { document: '馬公補充規定', clause: '五(六)' } },
    ]);
  });

  it('a missing summary and a missing file cite the national layer and letter', () => {
    expect(checkFiles(pdfOnly, outcome({ summary: '', files: [] })).findings).toMatchObject([
      { code: 'PR3013', ...national },
      { code: 'PR3014', ...national },
    ]);
  });
});
