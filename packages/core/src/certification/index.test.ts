import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  COLLEAGUE,
  deepFreeze,
  DOMAIN_TEACHER,
  effectiveOf,
  magong,
  outcome,
  REGISTRATION,
  STUDENT,
  TEACHER,
} from '../engine/magong.fixture';
import type { CourseOutcome } from '../records/items';
import type { Actor } from '../roles/actor';
import type { Submission } from '../submission';
import type { FinalSubmission } from '../submission/final-lock';
import { type CertificationEvent, transition, type TransitionContext } from './index';

const context: TransitionContext = { effective: magong() };
const run = (item: CourseOutcome, event: CertificationEvent, actor: Actor, extra: Partial<TransitionContext> = {}) =>
  transition(deepFreeze(item), event, actor, '2024-01-25', { ...context, ...extra });
const codesOf = (result: ReturnType<typeof transition>) => result.findings.map((finding) => finding.code);

describe('certification — the happy path (seed 002, 4-7)', () => {
  it('draft → submitted → certified, recording who and when', () => {
    const submitted = run(outcome(), { type: 'submit' }, STUDENT);
    expect(submitted).toMatchObject({
      ok: true,
      item: { state: 'submitted' },
      events: [{ type: 'submitted', actor: 's1', from: 'draft', to: 'submitted', at: '2024-01-25' }],
    });
    if (!submitted.ok) return;
    const certified = run(submitted.item, { type: 'certify' }, TEACHER);
    expect(certified).toMatchObject({
      ok: true,
      item: { state: 'certified', certifiedBy: 't-chen', certifiedOn: '2024-01-25' },
      events: [{ type: 'certified', actingAs: 'courseTeacher' }],
    });
  });

  it('rejected with a reason, then edited and resubmitted', () => {
    const rejected = run(outcome({ state: 'submitted' }), { type: 'reject', reason: ' 非本課程之作品 ' }, TEACHER);
    expect(rejected).toMatchObject({
      ok: true,
      item: { state: 'rejected', rejectionReason: '非本課程之作品' },
      events: [{ type: 'rejected', reason: '非本課程之作品' }],
    });
    if (!rejected.ok) return;
    const edited = run(rejected.item, { type: 'edit', summary: '物理課單擺實驗報告' }, STUDENT);
    expect(edited).toMatchObject({ ok: true, item: { state: 'draft', summary: '物理課單擺實驗報告' } });
    if (!edited.ok) return;
    expect(edited.item).not.toHaveProperty('rejectionReason');
    expect(run(rejected.item, { type: 'submit' }, STUDENT)).toMatchObject({ ok: true, item: { state: 'submitted' } });
  });

  it('a rejection needs a reason (PR4003)', () => {
    const result = run(outcome({ state: 'submitted' }), { type: 'reject', reason: '  ' }, TEACHER);
    expect(result).toMatchObject({
      ok: false,
      findings: [{ code: 'PR4003', severity: 'error', source: { clause: '4-7' } }],
    });
  });

  it('the student may withdraw a draft or a rejected item; it stops counting and takes no more events', () => {
    const withdrawn = run(outcome({ state: 'rejected', rejectionReason: '缺檔案' }), { type: 'withdraw' }, STUDENT);
    expect(withdrawn).toMatchObject({
      ok: true,
      item: { withdrawn: true, state: 'rejected' },
      events: [{ type: 'withdrawn' }],
    });
  });

  it('revoke unlocks a certified item and unselects it; the student must resubmit', () => {
    const result = run(
      outcome({ state: 'certified', certifiedBy: 't-chen', certifiedOn: '2024-01-20', selected: true }),
      { type: 'revoke' },
      TEACHER,
    );
    expect(result).toMatchObject({
      ok: true,
      item: { state: 'draft', selected: false, revokedOn: '2024-01-25' },
      events: [{ type: 'revoked', from: 'certified', to: 'draft' }],
    });
    if (result.ok) expect(result.item).not.toHaveProperty('certifiedBy');
  });
});

describe('certification — refusals', () => {
  it('the student cannot edit or withdraw a certified item (PR4004) or one under review (PR4005)', () => {
    expect(
      codesOf(run(outcome({ state: 'certified', certifiedBy: 't-chen' }), { type: 'edit', summary: 'x' }, STUDENT)),
    ).toEqual(['PR4004']);
    expect(codesOf(run(outcome({ state: 'certified' }), { type: 'withdraw' }, STUDENT))).toEqual(['PR4004']);
    expect(codesOf(run(outcome({ state: 'submitted' }), { type: 'edit', summary: 'x' }, STUDENT))).toEqual(['PR4005']);
  });

  it('only the assigned teacher certifies while available (PR4002)', () => {
    const result = run(outcome({ state: 'submitted' }), { type: 'certify' }, COLLEAGUE);
    expect(result).toMatchObject({
      ok: false,
      findings: [{ code: 'PR4002', data: { actor: 't-lin', authorised: 't-chen' } }],
    });
  });

  it('a teacher cannot certify a draft or a rejected item (PR4001)', () => {
    expect(run(outcome(), { type: 'certify' }, TEACHER)).toMatchObject({
      ok: false,
      findings: [{ code: 'PR4001', data: { state: 'draft', allowedFrom: ['submitted'] } }],
    });
    expect(codesOf(run(outcome({ state: 'rejected', rejectionReason: 'x' }), { type: 'revoke' }, TEACHER))).toEqual([
      'PR4001',
    ]);
  });

  it('another student cannot submit my item', () => {
    expect(codesOf(run(outcome(), { type: 'submit' }, { id: 's2', roles: ['student'], studentId: 's2' }))).toEqual([
      'PR4002',
    ]);
  });

  it("once the term's roster is submitted the student side is locked (PR7004, seed 002 4-2 item 4); the teacher's acts are bound by their window", () => {
    const submissions: Submission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', submittedOn: '2024-03-01' },
    ];
    expect(codesOf(run(outcome(), { type: 'submit' }, STUDENT, { submissions }))).toEqual(['PR7004']);
    expect(codesOf(run(outcome(), { type: 'edit', summary: '新簡述' }, STUDENT, { submissions }))).toEqual(['PR7004']);
    expect(codesOf(run(outcome({ state: 'certified' }), { type: 'revoke' }, TEACHER, { submissions }))).toEqual([]);
    expect(codesOf(run(outcome({ state: 'submitted' }), { type: 'certify' }, TEACHER, { submissions }))).toEqual([]);
    expect(codesOf(run(outcome({ term: '11202' }), { type: 'submit' }, STUDENT, { submissions }))).toEqual([]);
  });

  it("after the final submission of the item's roster nothing changes, whoever acts (PR7014, seed 004)", () => {
    const finals: FinalSubmission[] = [
      { category: 'courseOutcome', term: '11201', submittedBy: 'u', actingAs: 'teaching', finalOn: '2024-03-20' },
    ];
    expect(codesOf(run(outcome(), { type: 'submit' }, STUDENT, { finals }))).toEqual(['PR7014']);
    expect(codesOf(run(outcome({ state: 'submitted' }), { type: 'certify' }, TEACHER, { finals }))).toEqual(['PR7014']);
    expect(codesOf(run(outcome({ state: 'certified' }), { type: 'revoke' }, TEACHER, { finals }))).toEqual(['PR7014']);
    // The continuing-education division's roster has its own final submission.
    const evening = { finals, division: 'continuingEducation' } as const;
    expect(codesOf(run(outcome({ state: 'submitted' }), { type: 'certify' }, TEACHER, evening))).toEqual([]);
    expect(
      codesOf(run(outcome({ term: '11202', state: 'submitted' }), { type: 'certify' }, TEACHER, { finals })),
    ).toEqual([]);
  });

  it('a withdrawn item takes no more events (PR4007)', () => {
    expect(codesOf(run(outcome({ withdrawn: true }), { type: 'submit' }, STUDENT))).toEqual(['PR4007']);
  });

  it('teachers certify within the certification window (PR6003, 馬公 五(三)2)', () => {
    const window = {
      opens: '2024-01-20',
      closes: '2024-02-10',
      layer: 'school:magong',
      source: { document: '馬公補充規定', clause: '五(三)2' },
    };
    const late = transition(outcome({ state: 'submitted' }), { type: 'certify' }, TEACHER, '2024-02-11', {
      ...context,
      window,
    });
    expect(late).toMatchObject({
      ok: false,
      findings: [{ code: 'PR6003', layer: 'school:magong', data: { at: '2024-02-11', closes: '2024-02-10' } }],
    });
    expect(
      transition(outcome({ state: 'submitted' }), { type: 'certify' }, TEACHER, '2024-02-10', { ...context, window })
        .ok,
    ).toBe(true);
  });
});

describe('reassigning the certifier (更換認證教師)', () => {
  it('an administrator reassigns; the new teacher certifies, the old one no longer can', () => {
    const moved = run(outcome({ state: 'submitted' }), { type: 'reassign', certifier: 't-lin' }, ADMIN);
    expect(moved).toMatchObject({
      ok: true,
      item: { certifier: 't-lin', state: 'submitted' },
      events: [{ type: 'reassigned', certifier: 't-lin', previousCertifier: 't-chen' }],
    });
    if (!moved.ok) return;
    expect(run(moved.item, { type: 'certify' }, COLLEAGUE).ok).toBe(true);
    expect(codesOf(run(moved.item, { type: 'certify' }, TEACHER))).toEqual(['PR4002']);
  });

  it('a student cannot reassign; reassigning to the same teacher is refused (PR4006)', () => {
    expect(codesOf(run(outcome(), { type: 'reassign', certifier: 't-lin' }, STUDENT))).toEqual(['PR4002']);
    expect(codesOf(run(outcome(), { type: 'reassign', certifier: 't-chen' }, ADMIN))).toEqual(['PR4006']);
  });
});

describe('deputies certify for an unavailable teacher — 馬公 九(三): 任課教師 → 科內教師 → 領域教師', () => {
  const item = outcome({ state: 'submitted' });

  it('a teacher of the same department acts first, with an info finding citing 九(三)', () => {
    const result = run(item, { type: 'certify' }, COLLEAGUE, { unavailable: ['t-chen'] });
    expect(result).toMatchObject({
      ok: true,
      item: { certifiedBy: 't-lin' },
      events: [{ actingAs: 'departmentTeacher' }],
    });
    expect(result.findings).toMatchObject([
      {
        code: 'PR4009',
        severity: 'info',
        layer: 'school:magong',
        source: { document: '馬公補充規定', clause: '九(三)' },
      },
    ]);
  });

  it('the domain teacher cannot act while a department teacher is available', () => {
    expect(run(item, { type: 'certify' }, DOMAIN_TEACHER, { unavailable: ['t-chen'] })).toMatchObject({
      ok: false,
      findings: [{ code: 'PR4002', data: { authorised: 'departmentTeacher' } }],
    });
    expect(
      run(item, { type: 'certify' }, DOMAIN_TEACHER, { unavailable: ['t-chen', 'departmentTeacher'] }),
    ).toMatchObject({ ok: true, events: [{ actingAs: 'domainTeacher' }] });
  });

  it('a department teacher of another department is not the deputy', () => {
    const chemist: Actor = { id: 't-ho', roles: ['departmentTeacher'], departments: ['chemistry'] };
    expect(codesOf(run(item, { type: 'certify' }, chemist, { unavailable: ['t-chen'] }))).toEqual(['PR4002']);
  });

  it('the unavailable teacher does not certify; nobody left gives PR5001', () => {
    expect(codesOf(run(item, { type: 'certify' }, TEACHER, { unavailable: ['t-chen'] }))).toEqual(['PR4002']);
    expect(
      codesOf(
        run(item, { type: 'certify' }, DOMAIN_TEACHER, {
          unavailable: ['t-chen', 'departmentTeacher', 'domainTeacher'],
        }),
      ),
    ).toEqual(['PR5001']);
  });

  it('Hsinchu-like: 註冊組 certifies for an unavailable teacher (新竹 十一(三)2)', () => {
    const hsinchu = effectiveOf(`id: hsinchu
name: 新竹高工補充規定
document: 新竹補充規定
duties:
  courseOutcomeCertification: { owner: courseTeacher, deputies: [registration], source: 十一(三)2 }
`);
    const result = transition(item, { type: 'certify' }, REGISTRATION, '2024-01-25', {
      effective: hsinchu,
      unavailable: ['t-chen'],
    });
    expect(result).toMatchObject({
      ok: true,
      events: [{ actingAs: 'registration' }],
      findings: [{ code: 'PR4009', source: { document: '新竹補充規定', clause: '十一(三)2' } }],
    });
  });

  it('a pack without a deputy chain leaves nobody to certify (PR5002)', () => {
    const bare = effectiveOf('id: bare\nname: 無代理\ndocument: 補充規定\n');
    expect(
      codesOf(
        transition(item, { type: 'certify' }, COLLEAGUE, '2024-01-25', { effective: bare, unavailable: ['t-chen'] }),
      ),
    ).toEqual(['PR5002']);
  });
});

describe('explanation', () => {
  it("lists the lock (student events), actor, state, then the event's own rule, in order", () => {
    const edit = run(outcome(), { type: 'edit', summary: '新簡述' }, STUDENT);
    expect(edit.explanation.map((step) => step.rule)).toEqual([
      'submission.lock',
      'certification.actor',
      'certification.state',
    ]);
    const result = run(outcome({ state: 'submitted' }), { type: 'reject', reason: '缺少檔案' }, TEACHER);
    expect(result.explanation.map((step) => [step.rule, step.outcome])).toEqual([
      ['certification.certifier', 'passed'],
      ['certification.state', 'passed'],
      ['certification.reason', 'passed'],
    ]);
  });
});
