import { describe, expect, it } from 'vitest';
import { validatePack } from '../pack';
import { acrossVersions, deepFreeze, magong, MAGONG_YAML, outcome, STUDENT, TEACHER } from './magong.fixture';
import { createEngine, explain, PackError } from './index';

const resolution = acrossVersions();

describe('createEngine', () => {
  it("picks the national version by the record's term: 3 per semester before 11101, 6 per academic year after", () => {
    const engine = createEngine(resolution);
    expect(
      engine.limits('courseOutcome', 'select', '10902').map((limit) => [limit.max, limit.per, limit.layer]),
    ).toEqual([
      [6, 'academicYear', 'school:magong'],
      [3, 'semester', 'national@2019-08-01'],
    ]);
    expect(engine.effectiveFor('11201')?.national.layer).toBe('national@2022-08-01');
    const selected = Array.from({ length: 3 }, () => outcome({ term: '10902', state: 'certified', selected: true }));
    expect(
      engine.checkSelection({
        item: outcome({ term: '10902', state: 'certified' }),
        items: selected,
        actor: STUDENT,
        at: '2021-09-01',
      }).allowed,
    ).toBe(false);
    const now = selected.map((item) => ({ ...item, term: '11201' }));
    expect(
      engine.checkSelection({ item: outcome({ state: 'certified' }), items: now, actor: STUDENT, at: '2024-09-01' })
        .allowed,
    ).toBe(true);
  });

  it('accepts one effective pack as well', () => {
    const engine = createEngine(magong());
    expect(engine.checkUpload({ item: outcome(), items: [], at: '2024-01-20' }).allowed).toBe(true);
  });

  it('refuses a record of a term the pack does not apply to (PR2007)', () => {
    const limited = validatePack(`${MAGONG_YAML}appliesFrom: 11101\n`).resolution!;
    const engine = createEngine(limited);
    const decision = engine.checkUpload({ item: outcome({ term: '11002' }), items: [], at: '2022-01-20' });
    expect(decision).toMatchObject({
      allowed: false,
      findings: [{ code: 'PR2007', data: { term: '11002', from: '11101' } }],
    });
    expect(engine.transition(outcome({ term: '11002' }), { type: 'submit' }, STUDENT, '2022-01-20')).toMatchObject({
      ok: false,
      findings: [{ code: 'PR2007' }],
    });
  });

  it('refuses a request of a division the pack does not list before any rule (PR2008), by every method that takes one', () => {
    // 馬公 has its day school alone; a continuing-education student's units and rosters are not in its rules.
    const engine = createEngine(resolution);
    const division = 'continuingEducation' as const;
    const item = outcome({ state: 'certified' });
    const teaching = { id: 'u-teaching', roles: ['courseOutcomeSubmitter' as const], units: ['teaching'] };
    const roster = { category: 'courseOutcome', term: '11201', actor: teaching, at: '2024-03-20' } as const;
    const receipt = { studentId: 's1', category: 'courseOutcome', term: '11201', status: 'pending' } as const;
    const answers = [
      engine.checkUpload({ item, items: [], at: '2024-01-20', division }),
      engine.checkSelection({ item, items: [], actor: STUDENT, at: '2024-01-20', division }),
      engine.select({ item, items: [], actor: STUDENT, at: '2024-01-20', division }),
      engine.deselect({ item, items: [], actor: STUDENT, at: '2024-01-20', division }),
      engine.transition(outcome({ state: 'submitted' }), { type: 'certify' }, TEACHER, '2024-01-22', { division }),
      engine.submit({ ...roster, submissions: [], division }),
      engine.finalSubmit({ ...roster, receipts: [], finals: [], division }),
      engine.receipt(receipt, { type: 'confirm' }, STUDENT, '2024-03-21', { division }),
    ];
    for (const answer of answers) {
      expect(answer.findings).toMatchObject([{ code: 'PR2008', data: { division, divisions: ['day'] } }]);
      expect('allowed' in answer ? answer.allowed : answer.ok).toBe(false);
    }
    expect(answers[0]?.findings[0]?.message['zh-TW']).toBe(
      '進修部不在本校規定所列部別 (日間部) 內：其承辦單位與名冊無從依規定判斷',
    );
    // The day school, named or left out, is judged as before.
    expect(engine.checkUpload({ item, items: [], at: '2024-01-20', division: 'day' }).findings).toEqual([]);
    expect(engine.checkUpload({ item, items: [], at: '2024-01-20' }).findings).toEqual([]);
  });

  it("runs the certification machine with the pack of the item's term, never changing its input", () => {
    const engine = createEngine(resolution);
    const item = deepFreeze(outcome({ state: 'submitted' }));
    const result = engine.transition(item, { type: 'certify' }, TEACHER, new Date('2024-01-25T02:00:00Z'));
    expect(result).toMatchObject({ ok: true, item: { state: 'certified', certifiedOn: '2024-01-25' } });
    expect(item.state).toBe('submitted');
  });

  it('every refusal carries an error finding and explains itself', () => {
    const engine = createEngine(resolution);
    const items = Array.from({ length: 6 }, () => outcome());
    const decision = engine.checkUpload({ item: outcome(), items, at: '2024-01-20' });
    expect(decision.allowed).toBe(false);
    expect(decision.findings.some((finding) => finding.severity === 'error')).toBe(true);
    expect(explain(decision)).toContain('✗ caps.courseOutcome.upload [school:magong 馬公補充規定 五(三)1]');
    const zh = explain(decision, 'zh-TW').split('\n');
    expect(zh[0]).toBe('不允許');
    expect(zh).toContain(
      '  error PR3001: 課程學習成果每學期至多上傳 6 件 (馬公補充規定 五(三)1)；11201 已有 6 件，不能再上傳',
    );
  });
});

describe('createEngine refuses a pack with errors', () => {
  const current = `${MAGONG_YAML}appliesFrom: 11101\n`;
  const loosened = current.replace('select: { max: 6, per: academicYear', 'select: { max: 9, per: academicYear');

  it('throws a PackError carrying the findings, whether given the validation or its resolution', () => {
    const validation = validatePack(loosened);
    expect(validation.findings.map((finding) => finding.code)).toContain('PR2002');
    for (const input of [validation, validation.resolution!]) {
      let thrown: unknown;
      try {
        createEngine(input);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PackError);
      expect((thrown as PackError).name).toBe('PackError');
      expect((thrown as PackError).findings).toEqual(validation.findings);
      expect((thrown as PackError).message).toMatch(/^規定檔有 1 個錯誤 \(PR2002 caps\.courseOutcome\.select/);
      expect((thrown as PackError).message).toContain('the pack has 1 error (PR2002');
    }
  });

  it('throws for a pack that does not even load, with its load findings', () => {
    const validation = validatePack('id: broken\nname: [\n');
    expect(validation.resolution).toBeUndefined();
    expect(() => createEngine(validation)).toThrow(PackError);
    expect(() => createEngine(validation)).toThrow(/PR1001/);
  });

  it("builds an engine from a pack with warnings only, and from validatePack's answer directly", () => {
    const warned = validatePack(
      current.replace('upload: { max: 6, per: semester', 'upload: { min: 1, max: 6, per: semester'),
    );
    expect(warned.findings.map((finding) => [finding.code, finding.severity])).toEqual([['PR2005', 'warning']]);
    expect(createEngine(warned).checkUpload({ item: outcome(), items: [], at: '2024-01-20' }).allowed).toBe(true);
  });
});

describe('docs/codes/PR7019.md, as the page shows it', () => {
  const engine = createEngine(magong());
  const receipt = deepFreeze({
    studentId: 's1',
    category: 'courseOutcome' as const,
    term: '11201',
    status: 'pending' as const,
  });
  const context = { period: { opens: '2024-03-20', closes: '2024-03-29' } };
  const teaching = { id: 'u-teaching', roles: ['courseOutcomeSubmitter' as const], units: ['teaching'] };

  it('fails: the teaching section confirms a receipt', () => {
    const result = engine.receipt(receipt, { type: 'confirm' }, teaching, '2024-03-21', context);
    expect(result.findings).toMatchObject([
      { code: 'PR7019', data: { actor: 'u-teaching', event: 'confirm', student: 's1', acting: 'registration' } },
    ]);
    expect(result.findings[0]?.message['zh-TW']).toBe(
      'u-teaching 無權確認學生 s1「課程學習成果」之收訖明細；應由學生本人或註冊組辦理 (馬公補充規定 九(三))',
    );
  });

  it('passes: the student, 註冊組, or 設備組 when 註冊組 is unavailable', () => {
    const registration = { id: 'u-registration', roles: [], units: ['registration'] };
    const equipment = { id: 'u-equipment', roles: [], units: ['equipment'] };
    expect(engine.receipt(receipt, { type: 'confirm' }, STUDENT, '2024-03-21', context).ok).toBe(true);
    expect(engine.receipt(receipt, { type: 'confirm' }, registration, '2024-03-21', context).ok).toBe(true);
    expect(engine.receipt(receipt, { type: 'confirm' }, equipment, '2024-03-21', context).ok).toBe(false);
    expect(
      engine.receipt(receipt, { type: 'confirm' }, equipment, '2024-03-21', {
        ...context,
        unavailable: ['registration'],
      }).ok,
    ).toBe(true);
  });
});
