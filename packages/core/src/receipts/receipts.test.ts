import { describe, expect, it } from 'vitest';
import {
  deepFreeze,
  effectiveOf,
  magong,
  MAGONG_YAML,
  REGISTRATION,
  STUDENT,
  TEACHING,
} from '../engine/magong.fixture';
import type { Student } from '../records/items';
import type { Actor } from '../roles/actor';
import {
  checkReceiptPeriod,
  finalSubmit,
  type FinalSubmission,
  leaverNotices,
  type Receipt,
  receiptTransition,
} from './index';

const effective = magong();
const period = { opens: '2024-03-20', closes: '2024-03-22' };
const pending: Receipt = deepFreeze({ studentId: 's1', category: 'courseOutcome', term: '11201', status: 'pending' });
/** A confirmation period long enough that no day of the tests falls in its last three (PR6004). */
const context = { effective, period: { opens: '2024-03-20', closes: '2024-03-29' } };
const codes = (result: { findings: readonly { code: string }[] }) => result.findings.map((finding) => finding.code);

describe('confirmation period — FAQ 一(十): at least 3 days', () => {
  it('3 days (both ends counted) pass; 2 days fail citing the national clause', () => {
    expect(checkReceiptPeriod(effective, period).allowed).toBe(true);
    const short = checkReceiptPeriod(effective, { opens: '2024-03-20', closes: '2024-03-21' });
    expect(short.findings).toMatchObject([
      {
        code: 'PR7010',
        layer: 'national@2022-08-01',
        source: { document: '學習歷程檔案QA', clause: '一(十)' },
        data: { days: 2, minDays: 3 },
      },
    ]);
  });

  it('a school that loosened it to 2 is still held to 3; one that tightened it to 5 is held to 5', () => {
    const loose = effectiveOf(`${MAGONG_YAML}  confirmationDays: 2\n`);
    expect(codes(checkReceiptPeriod(loose, { opens: '2024-03-20', closes: '2024-03-21' }))).toEqual(['PR7010']);
    expect(checkReceiptPeriod(loose, period).findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const strict = effectiveOf(`${MAGONG_YAML}  confirmationDays: 5\n`);
    expect(checkReceiptPeriod(strict, period).findings).toMatchObject([
      { code: 'PR7010', layer: 'school:magong', data: { minDays: 5, days: 3 } },
    ]);
  });
});

describe('confirm or dispute (疑義) — 馬公 六(三)', () => {
  it('the student confirms their own receipt within the period', () => {
    expect(receiptTransition(pending, { type: 'confirm' }, STUDENT, '2024-03-21', context)).toMatchObject({
      ok: true,
      receipt: { status: 'confirmed', confirmedBy: 's1', confirmedOn: '2024-03-21' },
    });
  });

  it('註冊組 may confirm for a student (paper reply of a leaver); another student may not', () => {
    expect(receiptTransition(pending, { type: 'confirm' }, REGISTRATION, '2024-03-21', context).ok).toBe(true);
    expect(
      codes(
        receiptTransition(
          pending,
          { type: 'confirm' },
          { id: 's2', roles: ['student'], studentId: 's2' },
          '2024-03-21',
          context,
        ),
      ),
    ).toEqual(['PR4002']);
  });

  it('outside the period nothing is confirmed (PR6003)', () => {
    expect(receiptTransition(pending, { type: 'confirm' }, STUDENT, '2024-03-30', context)).toMatchObject({
      ok: false,
      findings: [{ code: 'PR6003', data: { activity: 'receiptConfirmation', closes: '2024-03-29' } }],
    });
  });

  it('a dispute needs its text (PR7015); the submitting unit (教學組) resolves it, 註冊組 does not', () => {
    expect(codes(receiptTransition(pending, { type: 'dispute', text: ' ' }, STUDENT, '2024-03-21', context))).toEqual([
      'PR7015',
    ]);
    const disputed = receiptTransition(
      pending,
      { type: 'dispute', text: '少了一件已認證的成果' },
      STUDENT,
      '2024-03-21',
      context,
    );
    expect(disputed).toMatchObject({ ok: true, receipt: { status: 'disputed', dispute: '少了一件已認證的成果' } });
    if (!disputed.ok) return;
    expect(
      codes(
        receiptTransition(disputed.receipt, { type: 'resolve', text: '已補上' }, REGISTRATION, '2024-03-25', context),
      ),
    ).toEqual(['PR7001']);
    const resolved = receiptTransition(
      disputed.receipt,
      { type: 'resolve', text: '已補上並重新提交' },
      TEACHING,
      '2024-03-25',
      context,
    );
    expect(resolved).toMatchObject({ ok: true, receipt: { status: 'resolved', resolution: '已補上並重新提交' } });
  });

  it('cannot confirm a receipt while its dispute is open (PR7011)', () => {
    expect(
      codes(
        receiptTransition(
          { ...pending, status: 'disputed', dispute: 'x' },
          { type: 'confirm' },
          STUDENT,
          '2024-03-21',
          context,
        ),
      ),
    ).toEqual(['PR7011']);
  });

  it('nothing changes after the final submission (PR7014)', () => {
    const finals: FinalSubmission[] = [
      {
        category: 'courseOutcome',
        term: '11201',
        submittedBy: 'u-teaching',
        actingAs: 'teaching',
        finalOn: '2024-03-29',
      },
    ];
    expect(
      codes(receiptTransition(pending, { type: 'confirm' }, STUDENT, '2024-03-21', { ...context, finals })),
    ).toEqual(['PR7014']);
  });
});

describe('final submission', () => {
  const request = {
    category: 'courseOutcome' as const,
    term: '11201',
    actor: TEACHING,
    at: '2024-03-29',
    receipts: [pending],
    finals: [],
    period,
  };

  it('after the period, by the submitting unit, with no open dispute', () => {
    expect(finalSubmit(effective, request)).toMatchObject({
      allowed: true,
      final: { category: 'courseOutcome', term: '11201', actingAs: 'teaching', finalOn: '2024-03-29' },
    });
  });

  it('once per division: a day final does not lock the continuing-education division (PR7014)', () => {
    const day = finalSubmit(effective, request).final!;
    expect(day).not.toHaveProperty('division');
    expect(codes(finalSubmit(effective, { ...request, finals: [day] }))).toEqual(['PR7014']);
    const evening = finalSubmit(effective, { ...request, finals: [day], division: 'continuingEducation' });
    expect(codes(evening)).not.toContain('PR7014');
    expect(evening.final).toMatchObject({ division: 'continuingEducation' });
  });

  it('open disputes block it, naming the students (PR7012)', () => {
    const receipts: Receipt[] = [
      pending,
      { studentId: 's9', category: 'courseOutcome', term: '11201', status: 'disputed', dispute: 'x' },
      { studentId: 's8', category: 'diversePerformance', term: '11201', status: 'disputed', dispute: 'y' },
    ];
    expect(finalSubmit(effective, { ...request, receipts }).findings).toMatchObject([
      { code: 'PR7012', data: { students: ['s9'] } },
    ]);
  });

  it('not before the minimum period has run (PR7013)', () => {
    expect(finalSubmit(effective, { ...request, at: '2024-03-22' }).findings).toMatchObject([
      { code: 'PR7013', data: { earliest: '2024-03-23', minDays: 3 } },
    ]);
  });

  it('only once (PR7014), and not by another unit (PR7001)', () => {
    const finals: FinalSubmission[] = [
      {
        category: 'courseOutcome',
        term: '11201',
        submittedBy: 'u-teaching',
        actingAs: 'teaching',
        finalOn: '2024-03-29',
      },
    ];
    expect(codes(finalSubmit(effective, { ...request, finals }))).toEqual(['PR7014']);
    const other: Actor = { id: 'u-discipline', roles: [], units: ['discipline'] };
    expect(codes(finalSubmit(effective, { ...request, actor: other }))).toEqual(['PR7001']);
  });
});

describe('students who left — 馬公 九(二)3, 新竹 十一(四)', () => {
  const students: Student[] = [
    { id: 's1', grade: 2, status: 'enrolled' },
    { id: 's2', grade: 2, status: 'left', leftOn: '2024-02-15' },
    { id: 's3', grade: 3, status: 'graduated', graduatedOn: '2024-06-10' },
    { id: 's4', grade: 1, status: 'left', leftOn: '2024-03-25' },
  ];

  it('Magong: paper or e-mail, for those gone when confirmation opens', () => {
    const result = leaverNotices(effective, deepFreeze(students), '2024-03-20');
    expect(result.notices).toEqual([{ studentId: 's2', leftOn: '2024-02-15', channels: ['paper', 'email'] }]);
    expect(result.findings).toMatchObject([
      {
        code: 'PR7017',
        severity: 'info',
        layer: 'school:magong',
        source: { document: '馬公補充規定', clause: '九(二)3' },
      },
    ]);
    expect(leaverNotices(effective, students, '2024-09-20').notices.map((notice) => notice.studentId)).toEqual([
      's2',
      's3',
      's4',
    ]);
  });

  it('Hsinchu: paper mail only', () => {
    const hsinchu = effectiveOf(
      'id: hsinchu\nname: 新竹\ndocument: 新竹補充規定\nreceipts: { leaverNotice: [paper], source: 十一(四) }\n',
    );
    expect(leaverNotices(hsinchu, students, '2024-03-20').notices).toEqual([
      { studentId: 's2', leftOn: '2024-02-15', channels: ['paper'] },
    ]);
  });
});
