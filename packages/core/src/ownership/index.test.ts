import type { FindingBase } from '../findings/types';
import { describe, expect, it } from 'vitest';
import { effectiveFrom, HSINCHU_DUTIES, MAGONG_DUTIES } from '../duties/seed-tables.fixture';
import { validatePack } from '../pack';
import { actingFor } from '../deputies';
import { checkDuties, LAST_RESORT_LIMIT, ownerOf } from './index';

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('ownerOf', () => {
  it('reads 馬公 九(三) with its clause', () => {
    const magong = effectiveFrom(MAGONG_DUTIES);
    expect(ownerOf(magong, 'diversePerformanceSubmission')).toEqual({
      duty: 'diversePerformanceSubmission',
      owner: 'discipline',
      deputies: ['studentLife', 'activities'],
      path: 'duties.diversePerformanceSubmission',
      source: { document: '馬公補充規定', clause: '九(三)' },
      layer: 'school:magong',
    });
  });

  it("uses the division's own owner (新竹 七(二)3: 進修部學務組)", () => {
    const hsinchu = effectiveFrom(HSINCHU_DUTIES, 'hsinchu', '新竹補充規定');
    expect(ownerOf(hsinchu, 'cadreSubmission')).toMatchObject({ owner: 'discipline' });
    expect(ownerOf(hsinchu, 'cadreSubmission', { division: 'continuingEducation' })).toMatchObject({
      owner: 'ceStudentAffairs',
      deputies: ['designatedBy:ceStudentAffairs'],
      division: 'continuingEducation',
      source: { document: '新竹補充規定', clause: '七(二)3' },
    });
  });
});

describe('checkDuties', () => {
  it("finds nothing wrong in 馬公 九(三) or 新竹's table", () => {
    expect(checkDuties(effectiveFrom(MAGONG_DUTIES))).toEqual([]);
    expect(checkDuties(effectiveFrom(HSINCHU_DUTIES, 'hsinchu', '新竹補充規定'))).toEqual([]);
  });

  it('PR5002 for every national duty a pack leaves without an owner', () => {
    const findings = checkDuties(
      effectiveFrom('duties:\n  basicData: { owner: registration, deputies: [teaching] }\n'),
    );
    expect(findings.filter((f) => f.code === 'PR5002').map((f) => f.data.duty)).toEqual([
      'platformAdministration',
      'courseRecordSubmission',
      'receiptConfirmation',
      'courseOutcomeSubmission',
      'diversePerformanceSubmission',
      'cadreSubmission',
      'courseOutcomeCertification',
    ]);
  });

  it('PR5002 for a division with no owner of its own when the general assignment has none', () => {
    const pack = `divisions: [day, continuingEducation]\n${MAGONG_DUTIES.replace('  basicData: { owner: registration, deputies: [specialEducation, examinations], source: 九(三) }', '  basicData:\n    byDivision:\n      day: { owner: registration }')}`;
    const findings = checkDuties(effectiveFrom(pack)).filter((f) => f.code === 'PR5002');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      subject: 'duties.basicData',
      data: { duty: 'basicData', division: 'continuingEducation' },
    });
  });

  it('PR5010 and PR5011 for a deputy equal to the owner or repeated, with positions', () => {
    const text = `id: magong\nname: 馬公\ndocument: 馬公補充規定\n${MAGONG_DUTIES.replace('deputies: [examinations, teaching]', 'deputies: [registration, teaching, teaching]')}`;
    const validation = validatePack(text, { file: 'magong.yaml' });
    const findings = checkDuties(validation.resolution!.versions[0]!, { positions: validation.loaded.positions });
    expect(codes(findings)).toEqual(['PR5010', 'PR5011']);
    expect(findings[0]).toMatchObject({
      subject: 'duties.courseRecordSubmission.deputies.0',
      data: { deputy: 'registration', index: 0 },
      position: { file: 'magong.yaml', line: 7 },
    });
    expect(findings[1]).toMatchObject({
      subject: 'duties.courseRecordSubmission.deputies.2',
      data: { deputy: 'teaching', index: 2, first: 1 },
      position: { line: 7 },
    });
    expect(findings[1]!.position!.column).toBeGreaterThan(findings[0]!.position!.column);
  });

  it('PR5012 for an owner or deputy that is neither a unit nor a role, with a suggestion', () => {
    const findings = checkDuties(
      effectiveFrom(
        MAGONG_DUTIES.replace('owner: teaching', 'owner: teachng').replace(
          '[departmentTeacher, domainTeacher]',
          '[departmentTeacher, { designatedBy: library }]',
        ),
      ),
    );
    expect(findings.map((f: FindingBase) => [f.code, f.subject, f.data.who, f.data.suggestion])).toEqual([
      ['PR5012', 'duties.courseOutcomeSubmission.owner', 'teachng', 'teaching'],
      ['PR5012', 'duties.courseOutcomeCertification.deputies.1.designatedBy', 'library', undefined],
    ]);
  });

  it('a unit declared under units: is known', () => {
    const pack = `units:\n  library: { name: 圖書館 }\n${MAGONG_DUTIES.replace('[departmentTeacher, domainTeacher]', '[departmentTeacher, library]')}`;
    expect(checkDuties(effectiveFrom(pack))).toEqual([]);
  });

  it('PR5013 when certification has no deputy, citing 學習歷程檔案QA 一(八)', () => {
    const findings = checkDuties(
      effectiveFrom(
        MAGONG_DUTIES.replace(
          'owner: courseTeacher, deputies: [departmentTeacher, domainTeacher]',
          'owner: courseTeacher',
        ),
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR5013',
      severity: 'error',
      subject: 'duties.courseOutcomeCertification',
      source: { document: '學習歷程檔案QA', clause: '一(八)' },
    });
  });

  it('PR5014 when one unit is the last resort for more than the limit', () => {
    const piled = MAGONG_DUTIES.replace('[activities, discipline]', '[discipline, activities]')
      .replace('[teaching, equipment]', '[teaching, activities]')
      .replace('[specialEducation, examinations]', '[specialEducation, activities]');
    const findings = checkDuties(effectiveFrom(piled));
    expect(LAST_RESORT_LIMIT).toBe(3);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR5014',
      severity: 'warning',
      data: {
        who: 'activities',
        duties: ['platformAdministration', 'basicData', 'diversePerformanceSubmission', 'cadreSubmission'],
        limit: 3,
      },
    });
    expect(checkDuties(effectiveFrom(piled), { lastResortLimit: 4 })).toEqual([]);
  });

  it('names a declared role and a school unit in words, as render does (PR5010, PR5011, PR5014, PR5001)', () => {
    // A platform role that owns the cadre roster's submission, and a unit of the school's own.
    const pack = [
      'units:',
      '  library: { name: 圖書館, office: 教務處 }',
      'roles:',
      '  cadreRoster: { name: 幹部經歷名冊提交人員, en: cadre roster submitter, permissions: [{ permission: submitToCentral, scope: cadre }], source: 五 }',
      MAGONG_DUTIES.replace(
        '{ owner: studentLife, deputies: [activities, discipline]',
        '{ owner: cadreRoster, deputies: [cadreRoster, library, library]',
      )
        .replace('[teaching, equipment]', '[teaching, library]')
        .replace('[specialEducation, examinations]', '[specialEducation, library]')
        .replace('[examinations, teaching]', '[examinations, library]'),
    ].join('\n');
    const effective = effectiveFrom(pack);
    const findings = checkDuties(effective);
    expect(findings.map((f) => [f.code, f.message['zh-TW']])).toEqual([
      ['PR5010', '「幹部經歷登錄及提交」的第 1 代理人「幹部經歷名冊提交人員」就是主責單位本身，無法代理'],
      ['PR5011', '「幹部經歷登錄及提交」的第 3 代理人「圖書館」與第 2 代理人重複'],
      [
        'PR5014',
        '「圖書館」是 4 項業務的最後代理人 (學習歷程平臺管理、基本資料、修課紀錄提交、幹部經歷登錄及提交)，超過 3 項；該單位無法執行時這些業務將同時停擺 (3 項為本工具之建議門檻，非規定條文)',
      ],
    ]);
    expect(findings[0]?.message.en).toBe(
      'deputy 1 of cadre records entry and submission, cadre roster submitter, is the owner itself and cannot stand in for it',
    );
    expect(findings[2]?.message.en).toContain('圖書館 (library) is the last resort');
    // The data carries the names its message uses, no more: not the other declared roles' permissions.
    expect(findings[0]?.data).toEqual({
      duty: 'cadreSubmission',
      deputy: 'cadreRoster',
      index: 0,
      own: { roles: { cadreRoster: { 'zh-TW': '幹部經歷名冊提交人員', en: 'cadre roster submitter' } } },
    });
    // A chain that nobody is left in names them too.
    const [nobody] = actingFor(effective, 'cadreSubmission', {
      unavailable: ['cadreRoster', 'library'],
    }).findings;
    expect(nobody?.message['zh-TW']).toBe(
      '「幹部經歷登錄及提交」的主責及代理人 (幹部經歷名冊提交人員 → 幹部經歷名冊提交人員 → 圖書館 → 圖書館) 皆無法執行，沒有人可代理',
    );
    // Without units or roles of its own, a finding's data is as before.
    expect(
      checkDuties(effectiveFrom(MAGONG_DUTIES.replace('[examinations, teaching]', '[registration, teaching]')))[0]
        ?.data,
    ).toEqual({
      duty: 'courseRecordSubmission',
      deputy: 'registration',
      index: 0,
    });
  });

  it('does not mutate the effective pack', () => {
    const magong = effectiveFrom(MAGONG_DUTIES);
    const before = JSON.stringify(magong);
    checkDuties(magong);
    ownerOf(magong, 'basicData');
    expect(JSON.stringify(magong)).toBe(before);
  });
});
