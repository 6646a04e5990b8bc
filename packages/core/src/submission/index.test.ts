import { describe, expect, it } from 'vitest';
import {
  effectiveOf,
  MAGONG_YAML,
  magong,
  outcome,
  performance,
  REGISTRATION,
  TEACHING,
} from '../engine/magong.fixture';
import type { Actor } from '../roles/actor';
import { checkLock, latestRound, lockingSubmission, roundsOf, type Submission, submitRoster } from './index';

const effective = magong();
const codes = (decision: { findings: readonly { code: string }[] }) => decision.findings.map((finding) => finding.code);
const DISCIPLINE: Actor = { id: 'u-discipline', roles: ['diversePerformanceSubmitter'], units: ['discipline'] };
/** Magong with a continuing-education division whose academic office (進修部教務組) submits its course outcomes. */
const hsinchu = effectiveOf(
  `${MAGONG_YAML}divisions: [day, continuingEducation]\n`.replace(
    'courseOutcomeSubmission: { owner: teaching,',
    'courseOutcomeSubmission: { byDivision: { continuingEducation: { owner: ceAcademic } }, owner: teaching,',
  ),
);
const CE_ACADEMIC: Actor = { id: 'u-ce', roles: [], units: ['ceAcademic'] };

describe('submission — 馬公 六(二), 九(三)', () => {
  it('教學組 submits course outcomes and gets the submission to record', () => {
    const decision = submitRoster(effective, {
      category: 'courseOutcome',
      term: '11201',
      actor: TEACHING,
      at: '2024-03-20',
      submissions: [],
    });
    expect(decision).toMatchObject({
      allowed: true,
      findings: [],
      submission: {
        category: 'courseOutcome',
        term: '11201',
        submittedBy: 'u-teaching',
        actingAs: 'teaching',
        submittedOn: '2024-03-20',
      },
    });
    expect(decision.explanation[0]).toMatchObject({
      rule: 'duties.courseOutcomeSubmission',
      layer: 'school:magong',
      source: { clause: '九(三)' },
      data: { chain: ['teaching', 'registration', 'equipment'] },
    });
  });

  it('註冊組 may not submit course outcomes while 教學組 is available (PR7001)', () => {
    const decision = submitRoster(effective, {
      category: 'courseOutcome',
      term: '11201',
      actor: REGISTRATION,
      at: '2024-03-20',
      submissions: [],
    });
    expect(decision).toMatchObject({
      allowed: false,
      findings: [{ code: 'PR7001', data: { acting: 'teaching', actor: 'u-registration' } }],
    });
    expect(decision).not.toHaveProperty('submission');
  });

  it('註冊組 submits as first deputy when 教學組 is unavailable, with an info (PR7005)', () => {
    const decision = submitRoster(effective, {
      category: 'courseOutcome',
      term: '11201',
      actor: REGISTRATION,
      at: '2024-03-20',
      submissions: [],
      unavailable: ['teaching'],
    });
    expect(decision).toMatchObject({
      allowed: true,
      findings: [{ code: 'PR7005', severity: 'info' }],
      submission: { actingAs: 'registration' },
    });
  });

  it("names a unit of the school's own in its messages and explanation, not by its id (PR7001, PR7005)", () => {
    const withLibrary = effectiveOf(
      `units:\n  library: { name: 圖書館, office: 教務處 }\n${MAGONG_YAML.replace(
        'courseOutcomeSubmission: { owner: teaching, deputies: [registration, equipment]',
        'courseOutcomeSubmission: { owner: teaching, deputies: [library, equipment]',
      )}`,
    );
    const LIBRARY: Actor = { id: 'u-library', roles: [], units: ['library'] };
    const request = { category: 'courseOutcome', term: '11201', at: '2024-03-20', submissions: [] } as const;
    const refused = submitRoster(withLibrary, { ...request, actor: REGISTRATION, unavailable: ['teaching'] });
    expect(refused.findings[0]?.message['zh-TW']).toContain('目前應由圖書館辦理 (代理順序 教學組 → 圖書館 → 設備組)');
    expect(refused.findings[0]?.data).toMatchObject({ own: { units: { library: { name: '圖書館' } } } });
    const deputy = submitRoster(withLibrary, { ...request, actor: LIBRARY, unavailable: ['teaching'] });
    expect(deputy.findings.map((finding) => finding.message['zh-TW'])).toEqual([
      expect.stringContaining('由代理人圖書館辦理') as string,
    ]);
    expect(deputy.explanation[0]?.detail).toEqual({ 'zh-TW': '由圖書館辦理', en: '圖書館 (library) acts' });
  });

  it('訓育組 submits diverse performances', () => {
    expect(
      submitRoster(effective, {
        category: 'diversePerformance',
        term: '11202',
        actor: DISCIPLINE,
        at: '2024-09-20',
        submissions: [],
      }).allowed,
    ).toBe(true);
  });

  it('once per category and term (PR7002)', () => {
    const submissions: Submission[] = [
      {
        category: 'courseOutcome',
        term: '11201',
        submittedBy: 'u-teaching',
        actingAs: 'teaching',
        submittedOn: '2024-03-20',
      },
    ];
    expect(
      codes(
        submitRoster(effective, {
          category: 'courseOutcome',
          term: '11201',
          actor: TEACHING,
          at: '2024-03-21',
          submissions,
        }),
      ),
    ).toEqual(['PR7002']);
    expect(
      codes(
        submitRoster(effective, {
          category: 'courseOutcome',
          term: '11202',
          actor: TEACHING,
          at: '2024-09-21',
          submissions,
        }),
      ),
    ).toEqual([]);
  });

  it('once per division: the continuing-education division submits its own roster (新竹 七(二); seed 004: 日間部、進修部各計1校)', () => {
    const day = submitRoster(hsinchu, {
      category: 'courseOutcome',
      term: '11201',
      actor: TEACHING,
      at: '2024-03-20',
      submissions: [],
    });
    expect(day.submission).not.toHaveProperty('division');
    const request = {
      category: 'courseOutcome' as const,
      term: '11201',
      actor: CE_ACADEMIC,
      at: '2024-03-20',
      division: 'continuingEducation' as const,
    };
    const own = submitRoster(hsinchu, { ...request, submissions: [day.submission!] });
    expect(codes(own)).toEqual([]);
    expect(own.submission).toMatchObject({ division: 'continuingEducation' });
    expect(codes(submitRoster(hsinchu, { ...request, submissions: [day.submission!, own.submission!] }))).toEqual([
      'PR7002',
    ]);
  });

  it('the school submits its basic data too (基本資料, 馬公 六(二): 註冊組)', () => {
    const registration: Actor = { id: 'u-registration', roles: [], units: ['registration'] };
    const withBasicData = effectiveOf(
      MAGONG_YAML.replace(
        'duties:\n',
        'duties:\n  basicData: { owner: registration, deputies: [specialEducation, examinations], source: 九(三) }\n',
      ),
    );
    const decision = submitRoster(withBasicData, {
      category: 'basicData',
      term: '11201',
      actor: registration,
      at: '2024-03-20',
      submissions: [],
    });
    expect(codes(decision)).toEqual([]);
    expect(decision.submission).toMatchObject({ category: 'basicData' });
    expect(decision.submission).not.toHaveProperty('locksStudentSide');
    expect(
      codes(
        submitRoster(withBasicData, {
          category: 'basicData',
          term: '11201',
          actor: TEACHING,
          at: '2024-03-20',
          submissions: [],
        }),
      ),
    ).toEqual(['PR7001']);
  });

  it('within the submission window when one is passed (PR6003)', () => {
    const window = { opens: '2024-03-11', closes: '2024-03-29' };
    expect(
      codes(
        submitRoster(effective, {
          category: 'courseOutcome',
          term: '11201',
          actor: TEACHING,
          at: '2024-03-30',
          submissions: [],
          window,
        }),
      ),
    ).toEqual(['PR6003']);
  });

  it('nobody left in the chain gives PR5001', () => {
    const decision = submitRoster(effective, {
      category: 'courseOutcome',
      term: '11201',
      actor: TEACHING,
      at: '2024-03-20',
      submissions: [],
      unavailable: ['teaching', 'registration', 'equipment'],
    });
    expect(codes(decision)).toEqual(['PR5001']);
  });

  it("a submission locks its term's course outcomes only", () => {
    const submissions: Submission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', submittedOn: '2024-03-20' },
    ];
    expect(lockingSubmission(submissions, outcome())).toBe(submissions[0]);
    expect(lockingSubmission(submissions, outcome({ term: '11202' }))).toBeUndefined();
  });
});

describe('rounds — a correction is submitted again (second vendor manual; FAQ 一(十))', () => {
  const first: Submission = {
    category: 'courseOutcome',
    term: '11201',
    submittedBy: 'u-teaching',
    actingAs: 'teaching',
    submittedOn: '2024-03-20',
    round: 1,
    receiptPeriod: { opens: '2024-03-21', closes: '2024-03-23' },
  };
  const again = { category: 'courseOutcome' as const, term: '11201', actor: TEACHING, submissions: [first] };

  it('a second submission without saying what was corrected is refused (PR7002), naming the round', () => {
    const decision = submitRoster(effective, { ...again, at: '2024-03-22', correction: '  ' });
    expect(decision.findings).toMatchObject([
      { code: 'PR7002', data: { round: 1, submittedOn: '2024-03-20' }, source: { clause: '重新提交與收訖明細' } },
    ]);
    expect(decision).not.toHaveProperty('submission');
  });

  it('with a correction it is round 2, with an info (PR7006) and its own confirmation period', () => {
    const receiptPeriod = { opens: '2024-03-25', closes: '2024-03-27' };
    const decision = submitRoster(effective, {
      ...again,
      at: '2024-03-24',
      correction: '補上漏列之認證成果',
      receiptPeriod,
    });
    expect(decision).toMatchObject({
      allowed: true,
      findings: [{ code: 'PR7006', severity: 'info', data: { round: 2, previousOn: '2024-03-20' } }],
      submission: { round: 2, correction: '補上漏列之認證成果', receiptPeriod, submittedOn: '2024-03-24' },
    });
    const third = submitRoster(effective, {
      ...again,
      submissions: [first, decision.submission!],
      at: '2024-03-28',
      correction: '再更正',
    });
    expect(third.submission?.round).toBe(3);
  });

  it('the new round needs a confirmation period of at least 3 days (PR7010)', () => {
    const receiptPeriod = { opens: '2024-03-25', closes: '2024-03-26' };
    expect(codes(submitRoster(effective, { ...again, at: '2024-03-24', correction: '更正', receiptPeriod }))).toEqual([
      'PR7006',
      'PR7010',
    ]);
  });

  it('no round after the final submission (PR7014)', () => {
    const finals = [
      {
        category: 'courseOutcome' as const,
        term: '11201',
        submittedBy: 'u',
        actingAs: 'teaching',
        finalOn: '2024-03-25',
      },
    ];
    expect(codes(submitRoster(effective, { ...again, at: '2024-03-26', correction: '更正', finals }))).toEqual([
      'PR7014',
      'PR7006',
    ]);
  });

  it("each division has its own rounds: the day division's second round is not the continuing-education division's", () => {
    const dayRound2 = submitRoster(hsinchu, { ...again, at: '2024-03-24', correction: '更正' }).submission!;
    expect(dayRound2.round).toBe(2);
    const ce = {
      category: 'courseOutcome' as const,
      term: '11201',
      actor: CE_ACADEMIC,
      division: 'continuingEducation' as const,
    };
    const ceFirst = submitRoster(hsinchu, { ...ce, at: '2024-03-25', submissions: [first, dayRound2] });
    expect(codes(ceFirst)).toEqual([]);
    expect(ceFirst.submission).toMatchObject({ round: 1, division: 'continuingEducation' });
    const submissions = [first, dayRound2, ceFirst.submission!];
    expect(codes(submitRoster(hsinchu, { ...ce, at: '2024-03-26', submissions }))).toEqual(['PR7002']);
    const ceSecond = submitRoster(hsinchu, { ...ce, at: '2024-03-26', submissions, correction: '補登' });
    expect(ceSecond.submission).toMatchObject({ round: 2, division: 'continuingEducation' });
    expect(
      submitRoster(hsinchu, { ...again, submissions, at: '2024-03-27', correction: '再更正' }).submission,
    ).toMatchObject({ round: 3 });
    expect(latestRound(submissions, 'courseOutcome', '11201')).toBe(dayRound2);
    expect(latestRound(submissions, 'courseOutcome', '11201', 'continuingEducation')).toBe(ceFirst.submission);
    expect(roundsOf(submissions, 'courseOutcome', '11201', 'day')).toEqual([first, dayRound2]);
  });

  it('a final submission of one division does not stop the other division submitting again (PR7014 per division)', () => {
    const dayFinal = {
      category: 'courseOutcome' as const,
      term: '11201',
      submittedBy: 'u',
      actingAs: 'teaching',
      finalOn: '2024-03-25',
    };
    const ceFirst: Submission = {
      ...first,
      submittedBy: 'u-ce',
      actingAs: 'ceAcademic',
      division: 'continuingEducation',
    };
    const ce = submitRoster(hsinchu, {
      category: 'courseOutcome',
      term: '11201',
      actor: CE_ACADEMIC,
      division: 'continuingEducation',
      submissions: [first, ceFirst],
      finals: [dayFinal],
      at: '2024-03-26',
      correction: '更正',
    });
    expect(codes(ce)).toEqual(['PR7006']);
    expect(
      codes(submitRoster(hsinchu, { ...again, finals: [dayFinal], at: '2024-03-26', correction: '更正' })),
    ).toEqual(['PR7014', 'PR7006']);
  });

  it('submissions stored before rounds count as round 1, and numbers are never reused', () => {
    const { round: _round, ...unnumbered } = first;
    expect(
      submitRoster(effective, { ...again, submissions: [unnumbered], at: '2024-03-24', correction: '更正' }).submission
        ?.round,
    ).toBe(2);
    expect(
      submitRoster(effective, {
        ...again,
        submissions: [unnumbered, { ...unnumbered, submittedOn: '2024-03-22' }],
        at: '2024-03-24',
        correction: '更正',
      }).submission?.round,
    ).toBe(3);
  });
});

describe('submission locks the student side — 學習歷程平臺操作手冊 4-2 4, 4-3 3', () => {
  const manual = (clause: string) => ({ document: '學習歷程平臺操作手冊', clause });
  const submit = (category: 'courseOutcome' | 'diversePerformance', lockStudentSide?: boolean, pack = effective) =>
    submitRoster(pack, {
      category,
      term: '11201',
      actor: category === 'courseOutcome' ? TEACHING : DISCIPLINE,
      at: '2024-03-20',
      submissions: [],
      ...(lockStudentSide !== undefined && { lockStudentSide }),
    }).submission!;

  it('the course-outcome roster always locks (「提交後學生端即鎖定」), whatever the submitter asks', () => {
    for (const asked of [undefined, true, false]) {
      expect(submit('courseOutcome', asked)).toMatchObject({ locksStudentSide: true, lockSource: manual('4-2 4') });
    }
    const locked = checkLock([submit('courseOutcome', false)], outcome());
    expect(locked.findings).toMatchObject([{ code: 'PR7004', source: manual('4-2 4') }]);
  });

  it('the diverse-performance roster may lock (「提交後可將學生端鎖定」): locked unless the submitter says not', () => {
    const item = performance({ academicYear: 112 });
    expect(submit('diversePerformance')).toMatchObject({ locksStudentSide: true, lockSource: manual('4-3 3') });
    expect(lockingSubmission([submit('diversePerformance')], item)).toBeDefined();
    const open = submit('diversePerformance', false);
    expect(open).toMatchObject({ locksStudentSide: false, lockSource: manual('4-3 3') });
    expect(lockingSubmission([open], item)).toBeUndefined();
    expect(checkLock([open], item).findings).toEqual([]);
  });

  it("a school's pack decides per category, and the lock cites its clause", () => {
    const pack = effectiveOf(
      `${MAGONG_YAML}submissionLock:\n  diversePerformance: { locks: never, source: 六(二)4 }\n  courseOutcome: { locks: optional, source: 六(二)2 }\n`,
    );
    expect(submit('diversePerformance', true, pack)).toMatchObject({ locksStudentSide: false });
    expect(submit('courseOutcome', false, pack)).toMatchObject({ locksStudentSide: false });
    const locked = submit('courseOutcome', undefined, pack);
    expect(checkLock([locked], outcome()).findings).toMatchObject([
      { code: 'PR7004', source: { document: '馬公補充規定', clause: '六(二)2' } },
    ]);
  });

  it('a submission recorded without the flag locks, as before', () => {
    const recorded: Submission = {
      category: 'courseOutcome',
      term: '11201',
      submittedBy: 'u',
      actingAs: 'teaching',
      submittedOn: '2024-03-20',
    };
    expect(checkLock([recorded], outcome()).findings).toMatchObject([
      { code: 'PR7004', source: manual('4-2 4、4-3 3') },
    ]);
  });
});
