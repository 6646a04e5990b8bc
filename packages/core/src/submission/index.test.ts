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
import { checkLock, lockingSubmission, type Submission, submitRoster } from './index';

const effective = magong();
const codes = (decision: { findings: readonly { code: string }[] }) => decision.findings.map((finding) => finding.code);
const DISCIPLINE: Actor = { id: 'u-discipline', roles: ['diversePerformanceSubmitter'], units: ['discipline'] };

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
    const hsinchu = effectiveOf(
      `${MAGONG_YAML}divisions: [day, continuingEducation]\n`.replace(
        'courseOutcomeSubmission: { owner: teaching,',
        'courseOutcomeSubmission: { byDivision: { continuingEducation: { owner: ceAcademic } }, owner: teaching,',
      ),
    );
    const day = submitRoster(hsinchu, {
      category: 'courseOutcome',
      term: '11201',
      actor: TEACHING,
      at: '2024-03-20',
      submissions: [],
    });
    expect(day.submission).not.toHaveProperty('division');
    const evening: Actor = { id: 'u-ce', roles: [], units: ['ceAcademic'] };
    const request = {
      category: 'courseOutcome' as const,
      term: '11201',
      actor: evening,
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
