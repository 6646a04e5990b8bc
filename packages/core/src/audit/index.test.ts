import type { FindingBase } from '../findings/types';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../dataset/parse';
import { createAudit } from './index';
import { validatePack } from '../pack';
import {
  auditLines,
  CALENDAR_112,
  codesOf,
  outcome,
  PACK_YAML,
  performance,
  RESOLUTION,
  student,
} from './audit.fixture';
import { containing } from '../../test/matchers';

/** A submission record: 教學組's round of 11201's course outcomes, unless `extra` says otherwise. */
const submission = (extra: object = {}) => ({
  type: 'submission',
  category: 'courseOutcome',
  term: '11201',
  stage: 'submit',
  on: '2024-03-15',
  unit: 'teaching',
  ...extra,
});

describe('createAudit: files and summaries', () => {
  it('judges the files and the summary a record carries as an upload of it is judged (PR3010–PR3014), not what it leaves out', () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { files: [{ name: 'big.mp4', type: 'mp4', megabytes: 12 }] }),
      outcome('c2', { summary: '報'.repeat(101) }),
      outcome('c3', { summary: '', files: [] }),
      outcome('c4', { summary: '簡述', files: [{ name: 'a.pdf', type: 'pdf', megabytes: 3 }] }),
      performance('d1'),
      outcome('c5', { withdrawn: true, files: [{ name: 'big.mp4', type: 'mp4', megabytes: 12 }] }),
    ]);
    const files = codesOf(result).filter((finding) => /^PR301/.test(finding.code));
    expect(files.map((finding) => [finding.code, finding.subject, finding.position?.line])).toEqual([
      ['PR3011', 'c1', 2],
      ['PR3012', 'c2', 3],
      ['PR3013', 'c3', 4],
      ['PR3014', 'c3', 4],
    ]);
  });
});

describe('createAudit: caps', () => {
  it('reports a student-term over the upload cap once, counting rejected items and not withdrawn or school-entered ones (decision 0002), at the last item counted', () => {
    const result = auditLines([
      student('s1'),
      outcome('c1'),
      outcome('c2', { state: 'rejected', rejectionReason: '非本人作品' }),
      outcome('c3', { state: 'submitted', certifiedOn: undefined }),
      outcome('c4', { withdrawn: true }),
      outcome('c5', { entry: 'schoolEntered' }),
    ]);
    const [finding, ...others] = codesOf(result, 'PR3001');
    expect(others).toHaveLength(0);
    expect(finding).toMatchObject({
      subject: 's1',
      rule: 'caps.courseOutcome.upload',
      layer: 'school:test-school',
      source: { document: '測試補充規定', clause: '五(三)1' },
      data: { kind: 'courseOutcome', count: 3, max: 2, per: 'semester', period: '11201' },
      position: { line: 4, column: 1, record: 4 },
    });
  });

  it('reports selections over the cap per academic year, across both semesters, school-entered items exempt, at the last item counted whatever the order', () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { selected: true }),
      outcome('c2', { selected: true, term: '11202' }),
      outcome('c3', { selected: true, term: '11202' }),
      performance('d1', { selected: true }),
      performance('d2', { selected: true }),
      performance('d3', { selected: true, entry: 'schoolEntered', category: 'cadre' }),
    ]);
    expect(codesOf(result, 'PR3002').map((finding) => finding.data)).toEqual([
      expect.objectContaining({ kind: 'courseOutcome', count: 3, max: 2, period: '112' }),
    ]);
    expect(codesOf(result, 'PR3002')[0]?.position?.line).toBe(4);
    const reversed = auditLines([
      performance('d1', { selected: true }),
      outcome('c2', { selected: true, term: '11202' }),
      outcome('c3', { selected: true, term: '11202' }),
      outcome('c1', { selected: true }),
      student('s1'),
    ]);
    expect(codesOf(reversed, 'PR3002')[0]?.position?.line).toBe(4);
  });

  it('stays quiet within the caps', () => {
    expect(
      codesOf(auditLines([student('s1'), outcome('c1', { selected: true }), outcome('c2'), performance('d1')])).filter(
        (finding) => finding.code.startsWith('PR3'),
      ),
    ).toEqual([]);
  });
});

describe('createAudit: certification', () => {
  it('reports a selected item that is not certified, at its line (seed 002, 4-7)', () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { selected: true, state: 'submitted', certifiedOn: undefined }),
    ]);
    expect(codesOf(result, 'PR4010')).toEqual([
      expect.objectContaining({
        subject: 'c1',
        position: { line: 2, column: 1, record: 2 },
        // Whose item: the HTML report names the student in the row.
        data: containing({ state: 'submitted', studentId: 's1' }),
      }),
    ]);
  });

  it('reports a rejection without a reason once, whether the item or its event says so', () => {
    const result = auditLines([
      { type: 'certificationEvent', itemId: 'c1', studentId: 's1', event: 'reject', on: '2024-01-10', actor: 't1' },
      student('s1'),
      outcome('c1', { state: 'rejected' }),
      {
        type: 'certificationEvent',
        itemId: 'c2',
        studentId: 's1',
        event: 'reject',
        on: '2024-01-10',
        actor: 't1',
        reason: '檔案無法開啟',
      },
      outcome('c2', { state: 'rejected', rejectionReason: '檔案無法開啟' }),
    ]);
    expect(
      codesOf(result, 'PR4003').map((finding) => [
        finding.subject,
        finding.position?.line,
        (finding.data as { studentId?: string }).studentId,
      ]),
    ).toEqual([['c1', 1, 's1']]);
  });

  it("judges who certified: the student never, another teacher as the chain's deputy, a reassigned teacher freely — events may precede their item", () => {
    const event = (itemId: string, actor: string, extra: object = {}) => ({
      type: 'certificationEvent',
      itemId,
      studentId: 's1',
      event: 'certify',
      on: '2024-01-10',
      actor,
      ...extra,
    });
    const result = auditLines([
      event('c1', 's1'),
      event('c2', 't9'),
      event('c3', 't7'),
      {
        type: 'certificationEvent',
        itemId: 'c3',
        studentId: 's1',
        event: 'reassign',
        on: '2024-01-05',
        actor: 'registration',
        to: 't7',
      },
      event('c4', 't1'),
      student('s1'),
      outcome('c1'),
      outcome('c2', { term: '11202' }),
      outcome('c3', { term: '11202' }),
      outcome('c4', { term: '11202' }),
    ]);
    expect(codesOf(result, 'PR4002').map((finding: FindingBase) => [finding.subject, finding.data.actor])).toEqual([
      ['c1', 's1'],
    ]);
    expect(codesOf(result, 'PR4009')).toEqual([
      expect.objectContaining({
        subject: 'c2',
        severity: 'info',
        data: containing({ actor: 't9', actingAs: 'departmentTeacher' }),
      }),
    ]);
  });

  it('with a calendar, reports decisions after the certification window (PR6003) and items still pending after it (PR7800), by teacher', () => {
    const result = auditLines(
      [
        student('s1'),
        outcome('c1', { certifiedOn: '2024-03-01' }),
        outcome('c2', { certifiedOn: '2024-02-02' }),
        outcome('c3', { state: 'submitted', certifiedOn: undefined, certifier: 't2' }),
        outcome('c4', { term: '11202', state: 'submitted', certifiedOn: undefined }),
      ],
      { calendar: CALENDAR_112, asOf: '2024-07-01' },
    );
    expect(codesOf(result, 'PR6003')).toEqual([
      expect.objectContaining({
        subject: 'c1',
        source: { document: '測試補充規定', clause: '五(三)2' },
        data: containing({ at: '2024-03-01', closes: '2024-02-02', studentId: 's1' }),
      }),
    ]);
    expect(codesOf(result, 'PR7800')).toEqual([
      expect.objectContaining({
        subject: 'c3',
        data: containing({ certifier: 't2', closes: '2024-02-02', daysOverdue: 150, studentId: 's1' }),
      }),
    ]);
    expect(result.statistics?.overdueByTeacher).toEqual({ t2: 1 });
    expect(codesOf(result, 'PR7801')).toEqual([]);
  });

  it('without a calendar, says once that deadlines were not checked', () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { certifiedOn: '2024-03-01' }),
      outcome('c2', { term: '11202' }),
    ]);
    expect(codesOf(result, 'PR6003')).toEqual([]);
    expect(codesOf(result, 'PR7801')).toEqual([expect.objectContaining({ severity: 'info', data: { years: [112] } })]);
  });

  it("says once which terms lie outside the pack's period and that the national rules of their time judged them", () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { term: '11002', certifiedOn: '2022-01-10' }),
      outcome('c2', { term: '11001', certifiedOn: '2021-01-10' }),
      outcome('c3'),
    ]);
    expect(codesOf(result, 'PR7804')).toEqual([
      expect.objectContaining({
        severity: 'info',
        data: { terms: ['11001', '11002'], from: '11101', applied: 'national@2019-08-01 → school:test-school' },
      }),
    ]);
    expect(codesOf(auditLines([student('s1'), outcome('c3')]), 'PR7804')).toEqual([]);
  });
});

describe('createAudit: submissions, receipts, finals', () => {
  it("reports a submission by a unit outside the duty's chain, notes a deputy, and checks the receipt period", () => {
    const result = auditLines([
      submission({ unit: 'guidance' }),
      submission({ unit: 'registration', stage: 'final', on: '2024-03-30' }),
      submission({ category: 'basicData', unit: 'specialEducation' }),
      submission({ category: 'cadre', unit: 'studentLife', receiptOpens: '2024-03-16', receiptCloses: '2024-03-17' }),
    ]);
    expect(codesOf(result, 'PR7001')).toEqual([
      expect.objectContaining({
        subject: 'courseOutcome:11201:submit',
        position: { line: 1, column: 1, record: 1 },
        data: containing({ actor: 'guidance', acting: 'teaching' }),
      }),
    ]);
    expect(codesOf(result, 'PR7005').map((finding) => finding.subject)).toEqual([
      'basicData:11201:submit',
      'courseOutcome:11201:final',
    ]);
    expect(codesOf(result, 'PR7010')).toEqual([expect.objectContaining({ data: containing({ days: 2, minDays: 3 }) })]);
  });

  it('leaves a duty the pack gives no owner to the pack audit (PR5002 once there), not to every submission', () => {
    const result = auditLines([
      submission({ category: 'courseRecord', unit: 'registration' }),
      submission({ category: 'courseRecord', unit: 'guidance', stage: 'final' }),
    ]);
    expect(
      result.findings.filter((finding) => finding.code.startsWith('PR5') || finding.code.startsWith('PR700')),
    ).toEqual([]);
  });

  it('reports disputes still open at the final submission, naming the students', () => {
    const receipt = (studentId: string, extra: object) => ({
      type: 'receipt',
      studentId,
      category: 'courseOutcome',
      term: '11201',
      status: 'disputed',
      disputedOn: '2024-03-18',
      ...extra,
    });
    const result = auditLines([
      receipt('s2', {}),
      receipt('s1', {}),
      receipt('s3', { resolvedOn: '2024-03-20' }),
      receipt('s4', { category: 'cadre' }),
      submission({ stage: 'final', on: '2024-03-30' }),
    ]);
    expect(codesOf(result, 'PR7012')).toEqual([
      expect.objectContaining({
        subject: 'courseOutcome:11201',
        data: containing({ students: ['s1', 's2'], finalOn: '2024-03-30' }),
        layer: 'national@2022-08-01',
        source: { document: '學習歷程檔案QA', clause: '一(七)' },
      }),
    ]);
  });

  it("reports a final submission made before the latest round's confirmation period ended, whatever the record order (second vendor manual; FAQ 一(十))", () => {
    const lines = [
      submission({ on: '2024-03-15', receiptOpens: '2024-03-16', receiptCloses: '2024-03-18' }),
      submission({ on: '2024-03-22', receiptOpens: '2024-03-23', receiptCloses: '2024-03-27' }),
      submission({ stage: 'final', on: '2024-03-26' }),
      submission({ category: 'cadre', unit: 'studentLife', receiptOpens: '2024-03-16', receiptCloses: '2024-03-18' }),
      submission({ category: 'cadre', unit: 'studentLife', stage: 'final', on: '2024-03-19' }),
    ];
    for (const order of [lines, [...lines].reverse()]) {
      const findings = codesOf(auditLines(order), 'PR7013');
      expect(findings).toEqual([
        expect.objectContaining({
          subject: 'courseOutcome:11201:final',
          source: { document: '測試補充規定', clause: '六(三)' },
          data: containing({
            round: 2,
            opens: '2024-03-23',
            closes: '2024-03-27',
            earliest: '2024-03-28',
            at: '2024-03-26',
          }),
        }),
      ]);
      expect(findings[0]!.position?.line).toBe(3);
    }
  });

  it("judges each division's rounds on their own: the day division's round 2 does not hold back the continuing-education final", () => {
    const evening = { division: 'continuingEducation' };
    const result = auditLines([
      submission({ on: '2024-03-10', receiptOpens: '2024-03-11', receiptCloses: '2024-03-13' }),
      submission({ ...evening, on: '2024-03-10', receiptOpens: '2024-03-11', receiptCloses: '2024-03-13' }),
      submission({ on: '2024-03-15', receiptOpens: '2024-03-16', receiptCloses: '2024-03-18' }),
      submission({ ...evening, stage: 'final', on: '2024-03-16' }),
      submission({ stage: 'final', on: '2024-03-17' }),
    ]);
    expect(codesOf(result, 'PR7013')).toEqual([
      expect.objectContaining({
        subject: 'courseOutcome:11201:final',
        position: containing({ line: 5 }),
        data: containing({ round: 2, earliest: '2024-03-19' }),
      }),
    ]);
  });

  it('reports a round submitted after the final submission (PR7014), and ignores disputes of rounds a resubmission replaced', () => {
    const receipt = (studentId: string, extra: object) => ({
      type: 'receipt',
      studentId,
      category: 'courseOutcome',
      term: '11201',
      status: 'disputed',
      disputedOn: '2024-03-17',
      ...extra,
    });
    const result = auditLines([
      submission({ on: '2024-03-10', receiptOpens: '2024-03-11', receiptCloses: '2024-03-13' }),
      submission({ on: '2024-03-15', receiptOpens: '2024-03-16', receiptCloses: '2024-03-18' }),
      submission({ stage: 'final', on: '2024-03-20' }),
      submission({ on: '2024-03-25', receiptOpens: '2024-03-26', receiptCloses: '2024-03-28' }),
      receipt('s1', { round: 1 }),
      receipt('s2', { round: 2 }),
      receipt('s3', {}),
    ]);
    expect(codesOf(result, 'PR7014')).toEqual([
      expect.objectContaining({
        subject: 'courseOutcome:11201:submit',
        position: containing({ line: 4 }),
        data: containing({ finalOn: '2024-03-20', changedOn: '2024-03-25', round: 3 }),
      }),
    ]);
    expect(codesOf(result, 'PR7013')).toEqual([]);
    expect((codesOf(result, 'PR7012')[0]?.data as { students?: readonly string[] }).students).toEqual(['s2', 's3']);
  });

  it('reports records changed after their final submission', () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { uploadedOn: '2024-01-05', certifiedOn: '2024-04-02' }),
      outcome('c2', { uploadedOn: '2024-01-05' }),
      submission({ stage: 'final', on: '2024-03-30' }),
    ]);
    expect(codesOf(result, 'PR7014')).toEqual([
      expect.objectContaining({
        subject: 'c1',
        data: containing({ finalOn: '2024-03-30', changedOn: '2024-04-02' }),
        // No final-submission clause in the pack: the national schedule, not a Taipei school's deck.
        layer: 'national@2022-08-01',
        source: { document: '學習歷程檔案QA', clause: '一(七)' },
      }),
    ]);
  });

  it('reports a certification revoked after the final submission when it comes as an event, before or after its item (PR7014)', () => {
    const revoke = {
      type: 'certificationEvent',
      itemId: 'c1',
      studentId: 's1',
      event: 'revoke',
      on: '2024-04-02',
      actor: 't1',
    };
    for (const lines of [
      [
        student('s1'),
        revoke,
        outcome('c1', { uploadedOn: '2024-01-05' }),
        submission({ stage: 'final', on: '2024-03-30' }),
      ],
      [
        student('s1'),
        outcome('c1', { uploadedOn: '2024-01-05' }),
        submission({ stage: 'final', on: '2024-03-30' }),
        revoke,
      ],
    ]) {
      const result = auditLines(lines);
      expect(codesOf(result, 'PR7014')).toEqual([
        expect.objectContaining({
          subject: 'c1',
          data: containing({ finalOn: '2024-03-30', changedOn: '2024-04-02' }),
          position: containing({ line: lines.indexOf(revoke) + 1 }),
        }),
      ]);
    }
    // An event on or before the final submission's day changes nothing after it.
    const before = auditLines([
      student('s1'),
      outcome('c1', { uploadedOn: '2024-01-05' }),
      { ...revoke, on: '2024-03-30' },
      submission({ stage: 'final', on: '2024-03-30' }),
    ]);
    expect(codesOf(before, 'PR7014')).toEqual([]);
  });

  it('reports a submission or a reassignment after the final submission as a change (PR7014), without a window finding', () => {
    for (const event of [
      { event: 'submit', actor: 's1' },
      { event: 'reassign', actor: 'a1', to: 't2', reason: '任課教師離職' },
    ]) {
      const result = auditLines(
        [
          student('s1'),
          outcome('c1', { uploadedOn: '2024-01-05' }),
          submission({ stage: 'final', on: '2024-03-30' }),
          { type: 'certificationEvent', itemId: 'c1', studentId: 's1', on: '2024-04-02', ...event },
        ],
        { calendar: CALENDAR_112, asOf: '2024-07-01' },
      );
      expect(
        codesOf(result, 'PR7014').map((finding) => [finding.subject, finding.data]),
        event.event,
      ).toEqual([['c1', containing({ finalOn: '2024-03-30', changedOn: '2024-04-02' })]]);
      expect([...codesOf(result, 'PR6002'), ...codesOf(result, 'PR6003')], event.event).toEqual([]);
    }
  });

  it('judges a decision that comes as an event against the certification window (PR6003), once when its record says the same', () => {
    const event = {
      type: 'certificationEvent',
      itemId: 'c1',
      studentId: 's1',
      event: 'revoke',
      on: '2024-03-01',
      actor: 't1',
    };
    const result = auditLines([student('s1'), outcome('c1', { certifiedOn: '2024-01-20' }), event], {
      calendar: CALENDAR_112,
      asOf: '2024-07-01',
    });
    expect(codesOf(result, 'PR6003')).toEqual([
      expect.objectContaining({ subject: 'c1', data: containing({ at: '2024-03-01', studentId: 's1' }) }),
    ]);
    const same = auditLines(
      [student('s1'), outcome('c1', { certifiedOn: '2024-03-01' }), { ...event, event: 'certify' }],
      { calendar: CALENDAR_112, asOf: '2024-07-01' },
    );
    expect(codesOf(same, 'PR6003')).toHaveLength(1);
  });

  /** A certification event of a student's item `c1`, by its teacher. */
  const onC1 = (studentId: string, event: string, on: string) => ({
    type: 'certificationEvent',
    itemId: 'c1',
    studentId,
    event,
    on,
    actor: 't1',
  });

  it('reports a rejection without a reason for each of two students whose items share an id (PR4003)', () => {
    const reject = (studentId: string) => onC1(studentId, 'reject', '2024-01-10');
    const result = auditLines([
      student('s1'),
      student('s2'),
      outcome('c1'),
      outcome('c1', { studentId: 's2' }),
      reject('s2'),
      reject('s1'),
    ]);
    // In input order: s2's rejection is read first.
    expect(codesOf(result, 'PR4003')).toEqual([
      expect.objectContaining({ subject: 'c1', data: containing({ studentId: 's2' }) }),
      expect.objectContaining({ subject: 'c1', data: containing({ studentId: 's1' }) }),
    ]);
  });

  it('judges late decisions of two students whose items share an id, on one day, each once', () => {
    const revoke = (studentId: string) => onC1(studentId, 'revoke', '2024-03-01');
    const result = auditLines(
      [
        student('s1'),
        student('s2'),
        outcome('c1', { certifiedOn: '2024-01-20' }),
        outcome('c1', { studentId: 's2', certifiedOn: '2024-01-20' }),
        revoke('s1'),
        revoke('s2'),
      ],
      { calendar: CALENDAR_112, asOf: '2024-07-01' },
    );
    expect(codesOf(result, 'PR6003')).toEqual([
      expect.objectContaining({ subject: 'c1', data: containing({ studentId: 's1' }) }),
      expect.objectContaining({ subject: 'c1', data: containing({ studentId: 's2' }) }),
    ]);
  });

  it("judges changes and disputes against the final submission of their student's division (each division submits its own)", () => {
    const evening = { division: 'continuingEducation' };
    const result = auditLines([
      student('s1'),
      student('s2', evening),
      outcome('c1', { studentId: 's1', uploadedOn: '2024-01-05', certifiedOn: '2024-04-02' }),
      outcome('c2', { studentId: 's2', uploadedOn: '2024-01-05', certifiedOn: '2024-04-02' }),
      {
        type: 'receipt',
        studentId: 's2',
        category: 'courseOutcome',
        term: '11201',
        status: 'disputed',
        disputedOn: '2024-03-18',
        resolvedOn: '2024-04-03',
      },
      submission({ stage: 'final', on: '2024-03-30' }),
      submission({ ...evening, stage: 'final', on: '2024-04-05' }),
    ]);
    // The day division's final does not lock the continuing-education student's item, nor wait for their dispute.
    expect(codesOf(result, 'PR7014').map((finding) => finding.subject)).toEqual(['c1']);
    expect(codesOf(result, 'PR7012')).toEqual([]);
  });
});

describe('createAudit: divisions (部別)', () => {
  const final = submission({ stage: 'final', on: '2024-03-30' });

  it('reports a student or a roster of a division the pack does not list (PR2008), at its record', () => {
    const result = auditLines([
      student('s1'),
      student('s2', { division: 'continuingEducation' }),
      { ...final, division: 'continuingEducation' },
      final,
    ]);
    expect(codesOf(result, 'PR2008')).toEqual([
      expect.objectContaining({ subject: 'courseOutcome:11201:final', position: { line: 3, column: 1, record: 3 } }),
      expect.objectContaining({
        subject: 's2',
        severity: 'error',
        position: { line: 2, column: 1, record: 2 },
        data: { division: 'continuingEducation', divisions: ['day'] },
      }),
    ]);
    expect(codesOf(result, 'PR2008')[0]?.message['zh-TW']).toBe(
      '進修部不在本校規定所列部別 (日間部) 內：其承辦單位與名冊無從依規定判斷',
    );
  });

  it('a school whose pack lists its continuing-education division: nothing to report (新竹 seed 001 四)', () => {
    const { resolution } = validatePack(
      PACK_YAML.replace('appliesFrom: 11101', 'appliesFrom: 11101\ndivisions: [day, continuingEducation]'),
    );
    const lines = [student('s2', { division: 'continuingEducation' }), { ...final, division: 'continuingEducation' }];
    expect(codesOf(auditLines(lines, {}, resolution), 'PR2008')).toEqual([]);
  });
});

describe('createAudit: retention, enrolment, governance, custom rules, unknown students', () => {
  it('reports a graduate deleted before the seal ends', () => {
    const result = auditLines([
      student('g1', { grade: 3, status: 'graduated', graduatedOn: '2020-06-30' }),
      { type: 'deletion', studentId: 'g1', deletedOn: '2024-06-30' },
      student('g2', { grade: 3, status: 'graduated', graduatedOn: '2018-06-30' }),
      { type: 'deletion', studentId: 'g2', deletedOn: '2024-06-30' },
    ]);
    expect(codesOf(result, 'PR7500')).toEqual([
      expect.objectContaining({
        subject: 'g1',
        position: containing({ line: 2 }),
        data: containing({ deletableFrom: '2025-06-30' }),
      }),
    ]);
  });

  it("states an enrolment change's effect with the student's uncertified items", () => {
    const result = auditLines([
      student('s1'),
      outcome('c1', { state: 'submitted', certifiedOn: undefined }),
      outcome('c2'),
      { type: 'enrolmentChange', studentId: 's1', change: 'transferOut', on: '2024-02-15' },
    ]);
    expect(codesOf(result, 'PR7802')).toEqual([
      expect.objectContaining({
        subject: 's1',
        data: containing({ change: 'transferOut', uncertified: 1, pendingCertifications: 'keep' }),
      }),
    ]);
  });

  it("checks the working group's meetings for every whole term, from the data's first term to the audit day", () => {
    const result = auditLines([student('s1'), outcome('c1'), { type: 'meeting', date: '2023-09-20' }], {
      asOf: '2024-08-01',
    });
    expect(codesOf(result, 'PR7520').map((finding) => finding.subject)).toEqual(['11202']);
  });

  it("evaluates the pack's custom rules over per-student-term facts", () => {
    const pending = { state: 'submitted', certifiedOn: undefined };
    const result = auditLines([
      student('s1'),
      outcome('c1', pending),
      outcome('c2', pending),
      outcome('c3', { ...pending, term: '11202' }),
    ]);
    expect(codesOf(result, 'PR6100')).toEqual([
      expect.objectContaining({
        subject: 's1@11201',
        rule: 'rules.backlog',
        source: { document: '測試補充規定', clause: '五(三)2' },
      }),
    ]);
  });

  it("evaluates rules about students over the academic year, and rules reading the audit day and the windows, in and before the pack's period", () => {
    const rules = `rules:
  - id: busy-year
    about: student
    when: { '>=': [{ var: courseOutcome.uploaded }, 3] }
    message: { zh-TW: 本學年上傳 3 件以上, en: three or more uploads this year }
    source: 五(三)1
  - id: past-deadline
    when: { '>': [{ var: asOf }, { var: windows.courseOutcomeCertification.closes }] }
    message: { zh-TW: 已過認證期限, en: past the certification deadline }
    source: 五(三)2
`;
    const { resolution } = validatePack(PACK_YAML.replace('rules:\n', rules), { file: 'pack.yaml' });
    const lines = [
      student('s1'),
      outcome('c1'),
      outcome('c2'),
      outcome('c3', { term: '11202' }),
      outcome('c0', { term: '11001' }),
      performance('d1'),
    ];
    const result = auditLines(lines, { calendar: CALENDAR_112 }, resolution);
    const found = (id: string) =>
      codesOf(result, 'PR6100')
        .filter((finding) => finding.rule === `rules.${id}`)
        .map((finding) => finding.subject);
    expect(found('busy-year')).toEqual(['s1']);
    // 11001 lies before the pack (its older national version judges it) and has no calendar: no window, and json-logic reads `asOf > null` as true.
    expect(found('past-deadline')).toEqual(['s1@11001', 's1@11201', 's1@11202']);
    expect(found('backlog')).toEqual([]);
  });

  it('reports records of a student the data never introduces', () => {
    expect(codesOf(auditLines([outcome('c1'), performance('d1')]), 'PR7803')).toEqual([
      expect.objectContaining({ subject: 's1', data: { student: 's1', records: 2 } }),
    ]);
  });
});

describe('createAudit: the result', () => {
  it('counts students, uploaders and items per school, grade and class (seed 004)', () => {
    const result = auditLines([
      student('s1'),
      student('s2', { grade: 1, class: '101' }),
      student('s3', { grade: 1, class: '101' }),
      outcome('c1', { selected: true }),
      outcome('c2', { studentId: 's2', state: 'rejected', rejectionReason: '非本人作品' }),
      performance('d1', { studentId: 's3', selected: true }),
      { type: 'consultation', studentId: 's3', term: '11201', teacher: 't5', date: '2023-09-10' },
    ]);
    expect(result.statistics?.school).toEqual({
      students: 3,
      uploaders: 2,
      uploadRate: 0.6667,
      courseOutcomes: 2,
      diversePerformances: 1,
      itemsPerStudent: 1,
      certification: { draft: 0, submitted: 0, certified: 1, rejected: 1 },
      selected: { courseOutcome: 1, diversePerformance: 1 },
      consultations: 1,
    });
    expect(Object.keys(result.statistics!.byGrade)).toEqual(['1', '2']);
    expect(result.statistics?.byClass['101']).toMatchObject({
      students: 2,
      uploaders: 1,
      uploadRate: 0.5,
      consultations: 1,
    });
  });

  it('lists errors first, then warnings, then infos', () => {
    const result = auditLines([outcome('c1', { selected: true, state: 'draft', certifiedOn: undefined })]);
    const ranks = result.findings.map((finding) => ['error', 'warning', 'info'].indexOf(finding.severity));
    expect(ranks).toEqual([...ranks].sort());
    expect(result.findings.map((finding) => finding.code)).toEqual(['PR4010', 'PR7803', 'PR7801']);
  });

  it('lets go of its memory at finish(): no record nor second finish() after it', () => {
    const audit = createAudit(RESOLUTION, { asOf: '2024-09-01' });
    expect(audit.finish().findings).toEqual([]);
    expect(() => audit.finish()).toThrow('audit already finished');
    const line = parseRecord(JSON.stringify(student('s1')), 1);
    expect(() => line.ok && audit.add(line.record)).toThrow('audit already finished');
  });
});
