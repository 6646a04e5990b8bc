import { describe, expect, it } from 'vitest';
import { magong, outcome, REGISTRATION, TEACHING } from '../engine/magong.fixture';
import type { Actor } from '../roles/actor';
import { lockingSubmission, type Submission, submitRoster } from './index';

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
