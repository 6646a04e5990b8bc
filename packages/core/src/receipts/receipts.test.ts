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
import type { Submission } from '../submission';
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

describe('a pack minimum equal to the national one is cited beside it (issue 15 §4)', () => {
  it("a school's own 3 days and the national 3: two steps, one PR7010 citing the school with the national clause", () => {
    const own = effectiveOf(MAGONG_YAML.replace('receipts:\n', 'receipts:\n  confirmationDays: 3\n'));
    const short = checkReceiptPeriod(own, { opens: '2024-03-20', closes: '2024-03-21' });
    const national = { layer: 'national@2022-08-01', source: { document: '學習歷程檔案QA', clause: '一(十)' } };
    expect(short.explanation.map((step) => [step.layer, step.source?.clause, step.outcome])).toEqual([
      ['school:magong', '九(二)3', 'failed'],
      ['national@2022-08-01', '一(十)', 'failed'],
    ]);
    expect(short.findings).toMatchObject([
      { code: 'PR7010', layer: 'school:magong', related: [national], data: { minDays: 3 } },
    ]);
    expect(short.findings).toHaveLength(1);
  });

  it('a pack that only inherits the national 3 days cites it once', () => {
    const short = checkReceiptPeriod(effective, { opens: '2024-03-20', closes: '2024-03-21' });
    expect(short.explanation).toHaveLength(1);
    expect(short.findings).toMatchObject([{ code: 'PR7010', layer: 'national@2022-08-01' }]);
    expect(short.findings[0]).not.toHaveProperty('related');
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
    ).toEqual(['PR7019']);
  });

  it('a receipt confirmed by the wrong unit gets the receipt code PR7019, citing the duty, not a certification code', () => {
    const teaching = receiptTransition(pending, { type: 'confirm' }, TEACHING, '2024-03-21', context);
    expect(teaching.findings).toEqual([
      expect.objectContaining({
        code: 'PR7019',
        layer: 'school:magong',
        source: { document: '馬公補充規定', clause: '九(三)' },
        data: {
          actor: 'u-teaching',
          event: 'confirm',
          student: 's1',
          category: 'courseOutcome',
          acting: 'registration',
          source: { document: '馬公補充規定', clause: '九(三)' },
        },
      }),
    ]);
    expect(teaching.findings[0]?.message['zh-TW']).toBe(
      'u-teaching 無權確認學生 s1「課程學習成果」之收訖明細；應由學生本人或註冊組辦理 (馬公補充規定 九(三))',
    );
    expect(teaching.findings[0]?.message.en).toBe(
      "u-teaching may not confirm student s1's course outcomes receipt; the student or registration section may (馬公補充規定 九(三))",
    );
    const dispute = receiptTransition(pending, { type: 'dispute', text: '缺一件' }, TEACHING, '2024-03-21', context);
    expect(codes(dispute)).toEqual(['PR7019']);
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

describe("the final submission cites the national schedule or the pack's own clause (issue 15 §4)", () => {
  const final: FinalSubmission = {
    category: 'courseOutcome',
    term: '11201',
    submittedBy: 'u-teaching',
    actingAs: 'teaching',
    finalOn: '2024-03-29',
  };
  const request = {
    category: 'courseOutcome' as const,
    term: '11201',
    actor: TEACHING,
    at: '2024-03-29',
    receipts: [{ ...pending, status: 'disputed' as const, dispute: 'x' }],
    finals: [final],
    period,
  };
  const cited = (pack: ReturnType<typeof magong>) =>
    finalSubmit(pack, request).findings.map((finding) => [finding.code, finding.layer, finding.source]);

  it('a school with no final-submission clause cites the national schedule (學習歷程檔案QA 一(七)), not a Taipei deck', () => {
    const national = { document: '學習歷程檔案QA', clause: '一(七)' };
    expect(cited(effective)).toEqual([
      ['PR7014', 'national@2022-08-01', national],
      ['PR7012', 'national@2022-08-01', national],
    ]);
    expect(
      receiptTransition(pending, { type: 'confirm' }, STUDENT, '2024-03-25', { ...context, finals: [final] }).findings,
    ).toMatchObject([{ code: 'PR7014', layer: 'national@2022-08-01', source: national }]);
  });

  it("a school's own final-submission window is its clause", () => {
    const own = effectiveOf(
      `${MAGONG_YAML}windows:\n  - { activity: finalSubmission, terms: [11201], closes: 2024-03-29, source: 六(三) }\n`,
    );
    const school = { document: '馬公補充規定', clause: '六(三)' };
    expect(cited(own)).toEqual([
      ['PR7014', 'school:magong', school],
      ['PR7012', 'school:magong', school],
    ]);
  });

  it("a school on the Taipei overlay cites the overlay's timetable", () => {
    const taipei = effectiveOf(`${MAGONG_YAML}extends: taipei\n`);
    expect(cited(taipei)[0]).toEqual([
      'PR7014',
      'overlay:taipei',
      { document: '臺北市學習歷程檔案作業時程', clause: '推估11202時序(二) 完成提交' },
    ]);
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

describe('rounds — the final submission waits for the latest round (second vendor manual)', () => {
  const round1: Submission = {
    category: 'courseOutcome',
    term: '11201',
    submittedBy: 'u-teaching',
    actingAs: 'teaching',
    submittedOn: '2024-03-19',
    round: 1,
    receiptPeriod: { opens: '2024-03-20', closes: '2024-03-22' },
  };
  const round2: Submission = {
    ...round1,
    submittedOn: '2024-03-25',
    round: 2,
    correction: '補上漏列之認證成果',
    receiptPeriod: { opens: '2024-03-26', closes: '2024-03-28' },
  };
  const request = {
    category: 'courseOutcome' as const,
    term: '11201',
    actor: TEACHING,
    receipts: [] as Receipt[],
    finals: [],
    submissions: [round1, round2],
  };

  it("not before the latest round's period ends (PR7013, naming the round)", () => {
    expect(finalSubmit(effective, { ...request, at: '2024-03-27' }).findings).toMatchObject([
      {
        code: 'PR7013',
        data: { round: 2, opens: '2024-03-26', closes: '2024-03-28', earliest: '2024-03-29', minDays: 3 },
      },
    ]);
    expect(finalSubmit(effective, { ...request, at: '2024-03-29' }).allowed).toBe(true);
    expect(finalSubmit(effective, { ...request, submissions: [round1], at: '2024-03-23' }).allowed).toBe(true);
  });

  it('a period announced longer than the minimum is waited for to its closing day', () => {
    const long = { ...round2, receiptPeriod: { opens: '2024-03-26', closes: '2024-04-02' } };
    expect(codes(finalSubmit(effective, { ...request, submissions: [round1, long], at: '2024-03-30' }))).toEqual([
      'PR7013',
    ]);
    expect(finalSubmit(effective, { ...request, submissions: [round1, long], at: '2024-04-03' }).allowed).toBe(true);
  });

  it('a round without its period still waits the minimum from its submission', () => {
    const { receiptPeriod: _period, ...bare } = round2;
    expect(
      finalSubmit(effective, { ...request, submissions: [round1, bare], at: '2024-03-27' }).findings,
    ).toMatchObject([{ code: 'PR7013', data: { opens: '2024-03-25', earliest: '2024-03-28' } }]);
  });

  it("disputes of an earlier round are replaced; the latest round's block it (PR7012)", () => {
    const receipts: Receipt[] = [
      { ...pending, status: 'disputed', dispute: '漏列', round: 1 },
      { ...pending, studentId: 's2', status: 'disputed', dispute: '仍有誤', round: 2 },
      { ...pending, studentId: 's3', status: 'disputed', dispute: '未標輪次' },
    ];
    expect(finalSubmit(effective, { ...request, receipts, at: '2024-03-29' }).findings).toMatchObject([
      { code: 'PR7012', data: { students: ['s2', 's3'] } },
    ]);
  });

  it("each division waits for its own latest round: the day division's round 2 does not hold back the continuing-education final", () => {
    const ceRound1: Submission = { ...round1, division: 'continuingEducation' };
    const submissions = [round1, round2, ceRound1];
    const ce = { ...request, submissions, division: 'continuingEducation' as const, at: '2024-03-23' };
    expect(finalSubmit(effective, ce)).toMatchObject({ allowed: true, final: { division: 'continuingEducation' } });
    expect(codes(finalSubmit(effective, { ...request, submissions, at: '2024-03-23' }))).toEqual(['PR7013']);
    const receipt: Receipt = { ...pending, round: 1 };
    const ceContext = { effective, submissions, division: 'continuingEducation' as const };
    expect(receiptTransition(receipt, { type: 'confirm' }, STUDENT, '2024-03-21', ceContext).ok).toBe(true);
    expect(
      codes(receiptTransition(receipt, { type: 'confirm' }, STUDENT, '2024-03-21', { effective, submissions })),
    ).toContain('PR7018');
  });

  it("an earlier round's receipt can no longer be confirmed (PR7018); the latest round's period applies", () => {
    const old: Receipt = { ...pending, round: 1 };
    const context = { effective, submissions: [round1, round2] };
    const refused = receiptTransition(old, { type: 'confirm' }, STUDENT, '2024-03-27', context);
    expect(refused.ok).toBe(false);
    expect(refused.findings[0]).toMatchObject({
      code: 'PR7018',
      data: { round: 1, latest: 2, latestOn: '2024-03-25' },
    });
    expect(receiptTransition({ ...pending, round: 2 }, { type: 'confirm' }, STUDENT, '2024-03-27', context).ok).toBe(
      true,
    );
    expect(
      codes(receiptTransition({ ...pending, round: 2 }, { type: 'confirm' }, STUDENT, '2024-03-29', context)),
    ).toEqual(['PR6003']);
  });
});
