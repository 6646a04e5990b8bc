import type { FindingBase } from '../findings/types';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../calendar';
import { checkWindows, NATIONAL_WINDOW_MINIMUMS } from '.';
import { deepFreeze, effectiveOf } from './windows.fixture';

const example = readFileSync(
  fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url)),
  'utf8',
);
const CALENDAR_112 = deepFreeze(parseCalendar(example).calendar!);
const summary = (findings: ReturnType<typeof checkWindows>) =>
  findings.map((f: FindingBase) => [
    f.code,
    f.subject,
    f.source?.clause,
    f.data.grades ?? f.data.days ?? f.data.deadline ?? f.data.anchor,
  ]);

describe('the national minimums as data', () => {
  it('cite their clauses', () => {
    expect(NATIONAL_WINDOW_MINIMUMS.map((m) => `${m.kind} ${m.source.document} ${m.source.clause}`)).toEqual([
      'closesNoEarlierThan 學習歷程檔案QA 一(九)',
      'minOpenDays 學習歷程檔案QA 一(十)',
      'closesNoLaterThan 學習歷程檔案QA 一(七)',
    ]);
  });
});

describe('checkWindows without a calendar (what the pack alone tells)', () => {
  it('closing ceremony + 1 week is already too early for the upload (PR6010); + 2 weeks is enough', () => {
    const early = effectiveOf(
      'windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 1 }, source: 五(三)1 }\n',
    );
    const findings = checkWindows(early);
    expect(summary(findings)).toEqual([['PR6010', 'windows.0', '一(九)', [1, 2, 3]]]);
    // The rules in words, as the school's document and the national one write them: no identifiers.
    expect(findings[0]?.message).toEqual({
      'zh-TW':
        '「課程學習成果上傳」於休業式後1週截止 (測試補充規定 五(三)1)，早於全國規定之休業式後2週 (學習歷程檔案QA 一(九))；適用 1、2、3 年級',
      en: 'course outcome upload closes 1 week after the closing ceremony (測試補充規定 五(三)1); the national rules require it to close no earlier than 2 weeks after the closing ceremony (學習歷程檔案QA 一(九)); grades 1, 2, 3',
    });
    expect(findings[0]?.data).toMatchObject({
      closes: { anchor: 'closingCeremony', weeks: 1 },
      anchor: 'closingCeremony',
    });
    expect(findings[0]?.data).not.toHaveProperty('earliest');
    expect(findings[0]).toMatchObject({
      layer: 'national@2022-08-01',
      related: [{ layer: 'school:test', source: { document: '測試補充規定', clause: '五(三)1' } }],
    });
    expect(
      checkWindows(
        effectiveOf('windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, days: 14 } }\n'),
      ),
    ).toEqual([]);
    expect(
      summary(
        checkWindows(
          effectiveOf(
            'windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, days: 13 } }\n',
          ),
        ),
      ),
    ).toEqual([['PR6010', 'windows.0', '一(九)', [1, 2, 3]]]);
  });

  it('exempts grade 3 semester 2 only', () => {
    const own = effectiveOf(
      'windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 2 } }\n  - { activity: courseOutcomeUpload, grades: [3], semesters: [2], closes: { anchor: closingCeremony } }\n',
    );
    expect(checkWindows(own)).toEqual([]);
    const both = effectiveOf(
      'windows:\n  - { activity: courseOutcomeUpload, grades: [3], closes: { anchor: closingCeremony } }\n',
    );
    expect(summary(checkWindows(both))).toEqual([['PR6010', 'windows.0', '一(九)', [3]]]);
  });

  it('a receipt confirmation of exactly 3 days passes; 2 days is too short (PR6011)', () => {
    const three = effectiveOf(
      'windows:\n  - { activity: receiptConfirmation, opens: 2024-03-18, closes: 2024-03-20 }\n',
    );
    expect(checkWindows(three)).toEqual([]);
    const two = effectiveOf('windows:\n  - { activity: receiptConfirmation, opens: 2024-03-18, closes: 2024-03-19 }\n');
    expect(summary(checkWindows(two))).toEqual([['PR6011', 'windows.0', '一(十)', 2]]);
    const relative = effectiveOf(
      'windows:\n  - { activity: receiptConfirmation, opens: { anchor: nationalSubmissionOpens, days: 1 }, closes: { anchor: nationalSubmissionOpens, days: 2 } }\n',
    );
    expect(summary(checkWindows(relative))).toEqual([['PR6011', 'windows.0', '一(十)', 2]]);
    const declared = effectiveOf(
      'windows:\n  - { activity: receiptConfirmation, closes: { anchor: nationalUploadDeadline }, minDays: 2 }\n',
    );
    expect(summary(checkWindows(declared))).toEqual([['PR6011', 'windows.0', '一(十)', 2]]);
  });

  it('a school that tightens the receipt period to 5 days is held to its own 5', () => {
    const tight = effectiveOf(
      'receipts: { confirmationDays: 5, source: 六(三) }\nwindows:\n  - { activity: receiptConfirmation, opens: 2024-03-18, closes: 2024-03-21 }\n',
    );
    expect(checkWindows(tight).map((f: FindingBase) => [f.code, f.data.days, f.data.required])).toEqual([
      ['PR6011', 4, 5],
    ]);
  });

  it('the national submission close counts as the deadline too', () => {
    const late = effectiveOf(
      'windows:\n  - { activity: receiptConfirmation, opens: { anchor: nationalSubmissionCloses }, closes: { anchor: nationalSubmissionCloses, days: 2 } }\n',
    );
    expect(summary(checkWindows(late))).toEqual([['PR6012', 'windows.0', '一(七)', 'nationalSubmissionCloses']]);
  });

  it('a window whose terms are all outside its semesters never applies (PR6013)', () => {
    const never = effectiveOf(
      "windows:\n  - { activity: submission, terms: [11201, '112-1'], semesters: [2], opens: 2024-03-15, closes: 2024-03-29, source: 六(二) }\n",
    );
    const findings = checkWindows(never);
    expect(
      findings.map((f: FindingBase) => [
        f.code,
        f.severity,
        f.subject,
        f.data.terms,
        f.data.semesters,
        f.source?.clause,
      ]),
    ).toEqual([['PR6013', 'warning', 'windows.0', ['11201', '11201'], [2], '六(二)']]);
    expect(checkWindows(never, CALENDAR_112).map((f) => f.code)).toEqual(['PR6013']);
    expect(
      checkWindows(
        effectiveOf(
          'windows:\n  - { activity: submission, terms: [11201, 11202], semesters: [2], closes: 2024-03-29 }\n',
        ),
      ),
    ).toEqual([]);
  });

  it('a submission step after the national deadline is too late (PR6012)', () => {
    const late = effectiveOf(
      'windows:\n  - { activity: finalSubmission, closes: { anchor: nationalUploadDeadline, days: 1 } }\n  - { activity: submission, closes: { anchor: nationalUploadDeadline, weeks: -2 } }\n',
    );
    const findings = checkWindows(late);
    expect(summary(findings)).toEqual([['PR6012', 'windows.0', '一(七)', 'nationalUploadDeadline']]);
    expect(findings[0]?.message).toEqual({
      'zh-TW': '「確認後提交 (定稿)」於全國上傳截止後1日截止，全國規定須於全國上傳截止前截止 (學習歷程檔案QA 一(七))',
      en: 'final submission closes 1 day after the national upload deadline; the national rules require it to close by the national upload deadline (學習歷程檔案QA 一(七))',
    });
  });
});

describe('checkWindows with a calendar (by dates)', () => {
  it('holds Pingrong\'s "all content two weeks before the national upload deadline" to the deadline for the same data term, with no PR6010 (屏榮 4)', () => {
    const pingrong = effectiveOf(
      "windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: nationalUploadDeadline, weeks: -2 }, source: '4' }\n  - { activity: submission, closes: { anchor: nationalUploadDeadline }, source: '4' }\n",
    );
    expect(checkWindows(pingrong, CALENDAR_112)).toEqual([]);
  });

  it("a fixed-date window with no terms: is checked in every data term it falls in; outside a term's span it is PR6009", () => {
    // The old reading: October 2023 dates for "semester 1". For 11201's data the dates are plausible (and too early for nothing);
    // the semester-2 March dates resolved for 11102's data fall after its span and after its deadline.
    const old = effectiveOf(
      'windows:\n  - { activity: submission, semesters: [2], opens: 2024-03-15, closes: 2024-03-29 }\n',
    );
    expect(
      checkWindows(old, CALENDAR_112).map((f: FindingBase) => [f.code, f.data.term, f.data.date ?? f.data.deadline]),
    ).toEqual([
      ['PR6009', '11102', '2024-03-15'],
      ['PR6009', '11102', '2024-03-29'],
      ['PR6012', '11102', '2023-10-31'],
    ]);
    const scoped = effectiveOf(
      'windows:\n  - { activity: submission, terms: [11201], opens: 2024-03-15, closes: 2024-03-29 }\n',
    );
    expect(checkWindows(scoped, CALENDAR_112)).toEqual([]);
  });

  it('finds an absolute upload deadline before closing ceremony + 2 weeks, not for grade 3 semester 2', () => {
    const pack = effectiveOf(
      'windows:\n  - { activity: courseOutcomeUpload, terms: [11201], closes: 2024-02-01 }\n  - { activity: courseOutcomeUpload, terms: [11202], closes: 2024-07-11 }\n',
    );
    // 11201: 01-19 + 14 = 02-02; 11202: 06-28 + 14 = 07-12 for grades 1–2; grade 3 is exempt.
    expect(
      checkWindows(pack, CALENDAR_112).map((f: FindingBase) => [f.code, f.data.term, f.data.earliest, f.data.grades]),
    ).toEqual([
      ['PR6010', '11201', '2024-02-02', [1, 2, 3]],
      ['PR6010', '11202', '2024-07-12', [1, 2]],
    ]);
    const ok = effectiveOf(
      'windows:\n  - { activity: courseOutcomeUpload, terms: [11201], closes: 2024-02-02 }\n  - { activity: courseOutcomeUpload, terms: [11202], closes: 2024-07-12 }\n',
    );
    expect(checkWindows(ok, CALENDAR_112)).toEqual([]);
  });

  it("measures receipt periods in the calendar: 3 days exactly passes, 2 days is too short in every term and for grade 3's own dates", () => {
    const pack = effectiveOf(
      'windows:\n  - { activity: receiptConfirmation, opens: { anchor: nationalSubmissionOpens }, closes: { anchor: nationalSubmissionOpens, days: 2 } }\n',
    );
    expect(checkWindows(pack, CALENDAR_112)).toEqual([]);
    const short = effectiveOf(
      'windows:\n  - { activity: receiptConfirmation, opens: { anchor: nationalSubmissionOpens }, closes: { anchor: nationalSubmissionOpens, days: 1 } }\n',
    );
    expect(checkWindows(short, CALENDAR_112).map((f: FindingBase) => [f.code, f.data.term, f.data.days])).toEqual([
      ['PR6011', '11102', 2],
      ['PR6011', '11201', 2],
      ['PR6011', '11202', 2],
      ['PR6011', '11202', 2],
    ]);
  });

  it('finds a window closing after the national deadline, per grade (PR6012), its own minDays (PR6011) and missing anchors (PR6001)', () => {
    const pack = effectiveOf(
      'windows:\n  - { activity: finalSubmission, terms: [11201], closes: 2024-04-01 }\n  - { activity: precheck, terms: [11102], opens: 2023-10-02, closes: 2023-10-03, minDays: 5 }\n  - { activity: disputeResolution, semesters: [1], closes: { anchor: termStart, days: -1 } }\n',
    );
    const findings = checkWindows(pack, CALENDAR_112);
    expect(
      findings.map((f: FindingBase) => [f.code, f.subject, f.data.deadline ?? f.data.days, f.source?.clause ?? null]),
    ).toEqual([
      ['PR6011', 'windows.1', 2, null],
      ['PR6012', 'windows.0', '2024-03-29', '一(七)'],
    ]);
    // Without nationalUploadDeadline, the national submission close is the deadline.
    const noDeadline = deepFreeze({
      ...CALENDAR_112,
      terms: [{ semester: 1 as const, anchors: { nationalSubmissionCloses: '2024-03-29' } }],
    });
    const late = effectiveOf('windows:\n  - { activity: finalSubmission, semesters: [1], closes: 2024-04-01 }\n');
    expect(checkWindows(late, noDeadline).map((f: FindingBase) => [f.code, f.data.anchor, f.data.deadline])).toEqual([
      ['PR6012', 'nationalSubmissionCloses', '2024-03-29'],
    ]);
    const bare = deepFreeze({ ...CALENDAR_112, terms: [{ semester: 1 as const, anchors: {} }] });
    expect(
      checkWindows(
        effectiveOf('windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 2 } }\n'),
        bare,
      ).map((f) => f.code),
    ).toEqual(['PR6001']);
  });
});
