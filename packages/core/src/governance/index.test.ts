import { describe, expect, it } from 'vitest';
import { effectiveFrom } from '../duties/seed-tables.fixture';
import { validatePack } from '../pack';
import { checkGovernance, checkGovernanceRules, type GovernanceEvidence } from './index';

/** 馬公 二, 三, 八: 15 members (a homeroom representative per grade), meetings each semester, three trainings a year. */
const MAGONG_GOVERNANCE = `governance:
  workingGroup:
    size: 15
    convener: 校長
    secretary: 教務主任
    members: [校長, 教務主任, 學務主任, 實習主任, 輔導主任, 教學組長, 註冊組長, 訓育組長, 課程諮詢教師代表, 一年級導師代表, 二年級導師代表, 三年級導師代表, 教師代表, 家長代表, 學生代表]
    source: 二
  meetings: { perSemester: 1, source: 三 }
  trainings:
    - { audience: students, kind: training, perAcademicYear: 1, by: guidance, source: 八(一) }
    - { audience: teachers, kind: workshop, perAcademicYear: 1, by: academicAffairs, source: 八(二) }
    - { audience: parents, kind: briefing, perAcademicYear: 1, by: guidance, source: 八(三) }
`;

/** 新竹 三, 四, 十: 21 members; briefings, system training and workshops at least once a year. */
const HSINCHU_GOVERNANCE = `governance:
  workingGroup:
    size: 21
    convener: 校長
    secretary: 教務主任
    members: [校長, 教務主任, 學務主任, 實習主任, 進修部主任, 輔導主任, 圖書館主任, 課程諮詢教師代表, 註冊組長, 教學組長, 設備組長, 生輔組長, 訓育組長, 活動組長, 實習組長, 就業組長, 進修部教務組長, 導師代表, 教師代表, 家長代表, 學生代表]
    source: 三
  meetings: { perSemester: 1, source: 四 }
  trainings:
    - { audience: students, kind: briefing, perAcademicYear: 1, source: 十(一) }
    - { audience: parents, kind: briefing, perAcademicYear: 1, source: 十(一) }
    - { audience: staff, kind: briefing, perAcademicYear: 1, source: 十(一) }
    - { audience: students, kind: training, perAcademicYear: 1, source: 十(二) }
    - { audience: teachers, kind: training, perAcademicYear: 1, source: 十(二) }
    - { audience: students, kind: workshop, perAcademicYear: 1, source: 十(三) }
    - { audience: teachers, kind: workshop, perAcademicYear: 1, source: 十(三) }
`;

const magong = effectiveFrom(MAGONG_GOVERNANCE);
const hsinchu = effectiveFrom(HSINCHU_GOVERNANCE, 'hsinchu', '新竹補充規定');
const YEAR_112 = { from: '2023-08-01', to: '2024-07-31' };
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

const magongYear: GovernanceEvidence = Object.freeze<GovernanceEvidence>({
  meetings: ['2023-08-30', '2024-02-20'],
  trainings: [
    { date: '2023-09-15', audience: 'students', kind: 'training' },
    { date: '2023-10-04', audience: 'teachers', kind: 'workshop' },
    { date: '2024-03-09', audience: 'parents', kind: 'briefing' },
  ],
});

describe('checkGovernanceRules', () => {
  it('馬公 (15) and 新竹 (21) are complete', () => {
    expect(checkGovernanceRules(magong)).toEqual([]);
    expect(checkGovernanceRules(hsinchu)).toEqual([]);
  });

  it('PR7513 when the size does not match the members listed, with the position of size', () => {
    const text = `id: magong\nname: 馬公\ndocument: 馬公補充規定\n${MAGONG_GOVERNANCE.replace('size: 15', 'size: 13')}`;
    const validation = validatePack(text);
    const findings = checkGovernanceRules(validation.resolution!.versions[0]!, {
      positions: validation.loaded.positions,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR7513',
      data: { size: 13, listed: 15 },
      source: { document: '馬公補充規定', clause: '二' },
      position: { line: 6 },
    });
  });

  it('PR7511, PR7512 for a group without convener or secretary; PR7514 for an officer who is not a member', () => {
    const bare = effectiveFrom(
      'governance:\n  workingGroup: { size: 2, members: [校長, 教務主任] }\n  trainings:\n    - { audience: students, perAcademicYear: 1 }\n',
    );
    expect(codes(checkGovernanceRules(bare))).toEqual(['PR7511', 'PR7512']);
    const outsider = effectiveFrom(
      'governance:\n  workingGroup: { convener: 校長, secretary: 學務主任, members: [校長, 教務主任] }\n  trainings:\n    - { audience: students, perAcademicYear: 1 }\n',
    );
    expect(checkGovernanceRules(outsider)).toMatchObject([
      { code: 'PR7514', data: { office: 'secretary', who: '學務主任' } },
    ]);
  });

  it('PR7510 and PR7515 for a pack that sets neither a group nor trainings', () => {
    const findings = checkGovernanceRules(effectiveFrom(''));
    expect(codes(findings)).toEqual(['PR7510', 'PR7515']);
    expect(findings[0]!.source).toEqual({ document: '作業要點', clause: '五(一)' });
  });
});

describe('checkGovernance against the evidence log', () => {
  it('a year with a meeting each semester and every training passes', () => {
    expect(checkGovernance(magong, magongYear, YEAR_112)).toEqual([]);
  });

  it('PR7520 for a semester without a meeting, citing 馬公 三', () => {
    const findings = checkGovernance(magong, { ...magongYear, meetings: ['2023-08-30', '2023-12-01'] }, YEAR_112);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR7520',
      subject: '11202',
      data: { term: '11202', required: 1, held: 0 },
      source: { document: '馬公補充規定', clause: '三' },
      layer: 'school:magong',
      // Magong's one meeting a semester equals the national minimum: both are cited, as caps are.
      related: [{ layer: 'national@2019-08-01', source: { document: '學習歷程檔案QA', clause: '一(二)' } }],
    });
  });

  it('a pack asking more than the national minimum is cited alone', () => {
    const strict = effectiveFrom('governance:\n  meetings: { perSemester: 2, source: 三 }\n');
    const [finding] = checkGovernance(strict, { meetings: ['2023-09-01', '2024-03-01'], trainings: [] }, YEAR_112);
    expect(finding).toMatchObject({ code: 'PR7520', data: { required: 2, held: 1 }, layer: 'school:magong' });
    expect(finding).not.toHaveProperty('related');
  });

  it('the national minimum applies when no school sets one (學習歷程檔案QA 一(二))', () => {
    const findings = checkGovernance(effectiveFrom(''), { meetings: ['2023-09-01'], trainings: [] }, YEAR_112);
    expect(findings[0]).toMatchObject({
      code: 'PR7520',
      data: { term: '11202' },
      source: { document: '學習歷程檔案QA', clause: '一(二)' },
    });
  });

  it('a pack asking fewer meetings than the national minimum still needs one', () => {
    const loose = effectiveFrom('governance:\n  meetings: { perSemester: 0, source: 三 }\n');
    expect(codes(checkGovernance(loose, { meetings: [], trainings: [] }, YEAR_112))).toEqual(['PR7520', 'PR7520']);
  });

  it('PR7521 per missing audience and kind, citing its clause', () => {
    const findings = checkGovernance(magong, { ...magongYear, trainings: magongYear.trainings.slice(0, 2) }, YEAR_112);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'PR7521',
      subject: '112:parents:briefing',
      data: { academicYear: 112, audience: 'parents', kind: 'briefing', required: 1, held: 0 },
      source: { clause: '八(三)' },
    });
  });

  it('a joint briefing counts for each of its audiences (新竹 十(一))', () => {
    const evidence: GovernanceEvidence = {
      meetings: ['2023-09-01', '2024-03-01'],
      trainings: [
        { date: '2023-09-10', audience: ['students', 'parents', 'staff'], kind: 'briefing' },
        { date: '2023-10-10', audience: ['students', 'teachers'], kind: 'training' },
        { date: '2024-04-10', audience: ['students', 'teachers'], kind: 'workshop' },
      ],
    };
    expect(checkGovernance(hsinchu, evidence, YEAR_112)).toEqual([]);
    const noWorkshop = checkGovernance(hsinchu, { ...evidence, trainings: evidence.trainings.slice(0, 2) }, YEAR_112);
    expect(noWorkshop.map((f) => f.subject)).toEqual(['112:students:workshop', '112:teachers:workshop']);
  });

  it('judges only whole terms and academic years inside the period', () => {
    expect(checkGovernance(magong, { meetings: [], trainings: [] }, { from: '2023-09-01', to: '2024-03-01' })).toEqual(
      [],
    );
    expect(
      codes(checkGovernance(magong, { meetings: [], trainings: [] }, { from: '2023-08-01', to: '2024-03-01' })),
    ).toEqual(['PR7520']);
    const twoYears = checkGovernance(magong, { meetings: [], trainings: [] }, { from: '2022-08-01', to: '2024-07-31' });
    expect(twoYears.filter((f) => f.code === 'PR7520').map((f) => f.data.term)).toEqual([
      '11101',
      '11102',
      '11201',
      '11202',
    ]);
    expect(twoYears.filter((f) => f.code === 'PR7521')).toHaveLength(6);
  });

  it('PR7522 for an entry whose date is not YYYY-MM-DD; it is skipped', () => {
    const findings = checkGovernance(magong, { ...magongYear, meetings: ['2023-08-30', '2024/02/20'] }, YEAR_112);
    expect(codes(findings)).toEqual(['PR7522', 'PR7520']);
    expect(findings[0]).toMatchObject({ subject: 'meetings.1', data: { value: '2024/02/20' } });
  });
});
