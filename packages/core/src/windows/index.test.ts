import type { FindingBase } from '../findings/types';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../calendar';
import type { SchoolCalendar } from '../calendar/schema';
import type { Term } from '../term';
import { isOpen, resolveWindows } from '.';
import { deepFreeze, effectiveOf } from './windows.fixture';

const example = readFileSync(
  fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url)),
  'utf8',
);
const CALENDAR_112 = deepFreeze(parseCalendar(example).calendar!);

const T1: Term = { year: 112, semester: 1 };
const T2: Term = { year: 112, semester: 2 };
const T11102: Term = { year: 111, semester: 2 };

const PACK = effectiveOf(`windows:
  - activity: courseOutcomeUpload
    semesters: [1]
    closes: { anchor: closingCeremony, weeks: 2 }
    source: 五(三)1
  - activity: courseOutcomeCertification
    closes: { anchor: closingCeremony, weeks: 2, workingDays: 5 }
    source: 五(三)2
  - activity: courseOutcomeUpload
    semesters: [2]
    closes: { anchor: closingCeremony, weeks: 2 }
  - activity: courseOutcomeSelection
    semesters: [1]
    closes: { monthDay: 09-10 }
    source: 六(一)
  - activity: diversePerformanceSelection
    grades: [3]
    semesters: [2]
    opens: 2024-04-15
    closes: 2024-04-19
    source: { document: 臺北市學習歷程檔案作業時程, clause: 推估112第2學期(三) }
  - activity: receiptConfirmation
    opens: { anchor: nationalSubmissionOpens }
    closes: { anchor: nationalSubmissionOpens, workingDays: 2 }
`);

describe('resolveWindows', () => {
  it('resolves anchors, weeks and working days for term 11201', () => {
    const { windows, findings } = resolveWindows(PACK, CALENDAR_112, T1);
    expect(findings).toEqual([]);
    const byActivity = Object.fromEntries(windows.map((w) => [w.activity, [w.opens, w.closes, w.grades]]));
    expect(byActivity).toEqual({
      // 休業式 2024-01-19 + 2 weeks.
      courseOutcomeUpload: [undefined, '2024-02-02', [1, 2, 3]],
      // 2024-02-02 (Fri) + 5 working days, Lunar New Year 02-08…02-14 off: 02-05, 06, 07, 15, 16.
      courseOutcomeCertification: [undefined, '2024-02-16', [1, 2, 3]],
      // the first 10 September on or after the term starts.
      courseOutcomeSelection: [undefined, '2023-09-10', [1, 2, 3]],
      // 11201's data is submitted in March 2024: 2024-03-15 (Fri) + 2 working days.
      receiptConfirmation: ['2024-03-15', '2024-03-19', [1, 2, 3]],
    });
    expect(windows.find((w) => w.activity === 'courseOutcomeUpload')).toMatchObject({
      index: 0,
      term: '11201',
      source: { document: '測試補充規定', clause: '五(三)1' },
      layer: 'school:test',
    });
  });

  it('counts a month-day from the anchor `from` names: the next 10 September after the term ends', () => {
    const pack = effectiveOf(`windows:
  - { activity: courseOutcomeSelection, grades: [1, 2], closes: { monthDay: 09-10, from: termEnd } }
  - { activity: courseOutcomeSelection, grades: [3], closes: { monthDay: 04-15 } }
  - { activity: diversePerformanceSelection, closes: { monthDay: 09-10, from: closingCeremony } }
`);
    const closes = (term: Term, activity: string) =>
      resolveWindows(pack, CALENDAR_112, term)
        .windows.filter((w) => w.activity === activity)
        .map((w) => [w.grades, w.closes]);
    // 11201 ends 2024-01-31: its data is selected by 2024-09-10, not 2023-09-10 (a month into the term).
    expect(closes(T1, 'courseOutcomeSelection')).toEqual([
      [[1, 2], '2024-09-10'],
      [[3], '2024-04-15'],
    ]);
    // 11202 ends 2024-07-31: the same 10 September.
    expect(closes(T2, 'courseOutcomeSelection')).toEqual([
      [[1, 2], '2024-09-10'],
      [[3], '2024-04-15'],
    ]);
    // Any anchor may be the start; the calendar's own date for it counts (11201's closing ceremony 2024-01-19).
    expect(closes(T1, 'diversePerformanceSelection')).toEqual([[[1, 2, 3], '2024-09-10']]);
    // Without a date for the anchor, PR6001 names it; termStart and termEnd fall back to 1 Aug / 31 Jan.
    const bare = { academicYear: 112, terms: [{ semester: 1 as const, anchors: {} }] } as SchoolCalendar;
    const { windows, findings } = resolveWindows(pack, bare, T1);
    expect(windows.filter((w) => w.activity === 'courseOutcomeSelection').map((w) => w.closes)).toEqual([
      '2024-09-10',
      '2024-04-15',
    ]);
    expect(findings.map((f: FindingBase) => [f.code, f.subject, f.data.anchor])).toEqual([
      ['PR6001', 'windows.2', 'closingCeremony'],
    ]);
  });

  it("splits a window by grade where the dates differ (grade 3's own closing ceremony) and lets a grade's own window win", () => {
    const { windows } = resolveWindows(PACK, CALENDAR_112, T2);
    expect(windows.filter((w) => w.activity === 'courseOutcomeUpload').map((w) => [w.grades, w.closes])).toEqual([
      [[1, 2], '2024-07-12'],
      [[3], '2024-06-21'],
    ]);
    expect(
      windows
        .filter((w) => w.activity === 'diversePerformanceSelection')
        .map((w) => [w.index, w.grades, w.opens, w.closes]),
    ).toEqual([[4, [3], '2024-04-15', '2024-04-19']]);
    // 11202's data: grades 1–2 submit in October 2024 (Tue 10-01), grade 3 in its April cycle (04-22, a Monday).
    expect(
      windows.filter((w) => w.activity === 'receiptConfirmation').map((w) => [w.grades, w.opens, w.closes]),
    ).toEqual([
      [[1, 2], '2024-10-01', '2024-10-03'],
      [[3], '2024-04-22', '2024-04-24'],
    ]);
  });

  it('reports a missing anchor as a finding, not an exception (PR6001)', () => {
    const calendar = deepFreeze({
      academicYear: 112,
      terms: [{ semester: 1, anchors: { termStart: '2023-08-01' } }],
    }) as SchoolCalendar;
    const { windows, findings } = resolveWindows(PACK, calendar, T1);
    expect(windows.map((w) => w.activity)).toEqual(['courseOutcomeSelection']);
    expect(findings.map((f: FindingBase) => [f.code, f.subject, f.data.anchor, f.data.grades])).toEqual([
      ['PR6001', 'windows.0', 'closingCeremony', [1, 2, 3]],
      ['PR6001', 'windows.1', 'closingCeremony', [1, 2, 3]],
      ['PR6001', 'windows.5', 'nationalSubmissionOpens', [1, 2, 3]],
    ]);
  });

  it("warns about a fixed date outside the data term's span (PR6009): from its start to the end of the following term", () => {
    const fixed = effectiveOf('windows:\n  - { activity: submission, opens: 2023-10-02, closes: 2023-10-24 }\n');
    expect(resolveWindows(fixed, CALENDAR_112, T1).findings).toEqual([]);
    expect(resolveWindows(fixed, CALENDAR_112, T11102).findings).toEqual([]);
    // 11202's data runs from 2024-02-01 to 2025-01-31.
    expect(
      resolveWindows(fixed, CALENDAR_112, T2).findings.map((f: FindingBase) => [
        f.code,
        f.data.date,
        f.data.first,
        f.data.last,
      ]),
    ).toEqual([
      ['PR6009', '2023-10-02', '2024-02-01', '2025-01-31'],
      ['PR6009', '2023-10-24', '2024-02-01', '2025-01-31'],
    ]);
    const next = deepFreeze({
      ...CALENDAR_112,
      academicYear: 113,
      terms: [{ semester: 1 as const, anchors: {} }],
      holidays: [],
      workingDays: [],
    });
    expect(
      resolveWindows(fixed, next, { year: 113, semester: 1 }).findings.map((f: FindingBase) => [
        f.code,
        f.severity,
        f.data.date,
      ]),
    ).toEqual([
      ['PR6009', 'warning', '2023-10-02'],
      ['PR6009', 'warning', '2023-10-24'],
    ]);
  });

  it("resolves national anchors for the term's data: 11201's submission closes in March 2024, 11102's in October 2023", () => {
    const submission = effectiveOf(
      'windows:\n  - { activity: submission, opens: { anchor: nationalSubmissionOpens }, closes: { anchor: nationalSubmissionCloses } }\n',
    );
    const dates = (term: Term) =>
      resolveWindows(submission, CALENDAR_112, term).windows.map((w) => [w.term, w.grades, w.opens, w.closes]);
    expect(dates(T1)).toEqual([['11201', [1, 2, 3], '2024-03-15', '2024-03-29']]);
    expect(dates(T11102)).toEqual([['11102', [1, 2, 3], '2023-10-02', '2023-10-31']]);
    expect(dates(T2)).toEqual([
      ['11202', [1, 2], '2024-10-01', '2024-10-31'],
      ['11202', [3], '2024-04-22', '2024-04-26'],
    ]);
  });

  it('resolves Pingrong\'s "two weeks before the national upload deadline" for the same data term (屏榮 4)', () => {
    const pingrong = effectiveOf(
      "windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: nationalUploadDeadline, weeks: -2 }, source: '4' }\n",
    );
    const closes = (term: Term) =>
      resolveWindows(pingrong, CALENDAR_112, term).windows.map((w) => [w.grades, w.closes]);
    // 11201's data: the national deadline 2024-03-29 − 14 days, well after the closing ceremony (01-19) + 2 weeks.
    expect(closes(T1)).toEqual([[[1, 2, 3], '2024-03-15']]);
    expect(closes(T11102)).toEqual([[[1, 2, 3], '2023-10-17']]);
    expect(closes(T2)).toEqual([
      [[1, 2], '2024-10-17'],
      [[3], '2024-04-12'],
    ]);
  });

  it('resolves a window with terms: only for the data terms it lists (11102 and 111-2 alike)', () => {
    const taipei = effectiveOf(`windows:
  - { activity: submission, terms: [11102], opens: 2023-10-02, closes: 2023-10-24 }
  - { activity: submission, terms: ['112-1'], opens: 2024-03-15, closes: 2024-03-29 }
  - { activity: submission, grades: [3], terms: [11202], opens: 2024-04-22, closes: 2024-04-22 }
  - { activity: submission, opens: { anchor: nationalSubmissionOpens }, closes: { anchor: nationalSubmissionCloses } }
`);
    const dates = (term: Term) =>
      resolveWindows(taipei, CALENDAR_112, term).windows.map((w) => [w.index, w.grades, w.opens, w.closes]);
    expect(dates(T11102)).toEqual([[0, [1, 2, 3], '2023-10-02', '2023-10-24']]);
    expect(dates(T1)).toEqual([[1, [1, 2, 3], '2024-03-15', '2024-03-29']]);
    // The term-less window serves grades 1–2 of 11202; grade 3's own window for 11202 wins for grade 3.
    expect(dates(T2)).toEqual([
      [3, [1, 2], '2024-10-01', '2024-10-31'],
      [2, [3], '2024-04-22', '2024-04-22'],
    ]);
    for (const term of [T11102, T1, T2]) expect(resolveWindows(taipei, CALENDAR_112, term).findings).toEqual([]);
    expect(
      isOpen(taipei, CALENDAR_112, { activity: 'submission', term: T1, grade: 2, at: '2023-10-20' }).findings.map(
        (f: FindingBase) => [f.code, f.data.opens],
      ),
    ).toEqual([['PR6002', '2024-03-15']]);
    expect(
      isOpen(taipei, CALENDAR_112, { activity: 'submission', term: T11102, grade: 2, at: '2023-10-20' }).allowed,
    ).toBe(true);
  });

  it('reports a calendar for another year (PR6008), an impossible month-day (PR6007) and an inverted window (PR6006)', () => {
    expect(resolveWindows(PACK, CALENDAR_112, { year: 113, semester: 1 }).findings.map((f) => f.code)).toEqual([
      'PR6008',
    ]);
    const odd = effectiveOf(
      'windows:\n  - { activity: precheck, closes: { monthDay: 02-30 } }\n  - { activity: submission, opens: 2023-10-20, closes: 2023-10-10 }\n',
    );
    expect(resolveWindows(odd, CALENDAR_112, T1).findings.map((f) => [f.code, f.subject])).toEqual([
      ['PR6007', 'windows.0'],
      ['PR6006', 'windows.1'],
    ]);
  });
});

describe('isOpen', () => {
  const ask = (
    at: string,
    grade: 1 | 2 | 3 = 1,
    activity: 'courseOutcomeUpload' | 'diversePerformanceSelection' | 'gradeEntry' = 'courseOutcomeUpload',
    term = T1,
  ) => isOpen(PACK, CALENDAR_112, { activity, term, grade, at });

  it('is allowed well inside the window, with no findings', () => {
    expect(ask('2024-01-10')).toEqual({ allowed: true, findings: [] });
  });

  it('warns when 3 days or fewer are left, today included (PR6004)', () => {
    expect(ask('2024-01-30').findings).toEqual([]);
    const decision = ask('2024-01-31');
    expect(decision.allowed).toBe(true);
    expect(decision.findings.map((f: FindingBase) => [f.code, f.severity, f.data.daysLeft, f.source])).toEqual([
      ['PR6004', 'warning', 3, { document: '測試補充規定', clause: '五(三)1' }],
    ]);
    const [lastDay]: readonly FindingBase[] = ask('2024-02-02').findings;
    expect(lastDay?.data.daysLeft).toBe(1);
  });

  it('refuses after the window closes, with its dates and clause (PR6003)', () => {
    const decision = ask('2024-02-03');
    expect(decision.allowed).toBe(false);
    expect(
      decision.findings.map((f: FindingBase) => [
        f.code,
        f.severity,
        f.subject,
        f.data.closes,
        f.source?.clause,
        f.layer,
      ]),
    ).toEqual([['PR6003', 'error', 'windows.0', '2024-02-02', '五(三)1', 'school:test']]);
    expect(decision.findings[0]?.message.en).toContain('2024-02-02');
  });

  it('refuses before the window opens (PR6002), reading an instant in Taiwan time', () => {
    expect(
      ask('2024-04-14', 3, 'diversePerformanceSelection', T2).findings.map((f: FindingBase) => [f.code, f.data.opens]),
    ).toEqual([['PR6002', '2024-04-15']]);
    // 2024-04-14T16:30Z is 00:30 on 04-15 in Taipei.
    expect(
      isOpen(PACK, CALENDAR_112, {
        activity: 'diversePerformanceSelection',
        term: T2,
        grade: 3,
        at: new Date('2024-04-14T16:30:00Z'),
      }).allowed,
    ).toBe(true);
  });

  it('allows an activity the rules give no window, saying so (PR6005)', () => {
    expect(ask('2024-01-10', 2, 'gradeEntry')).toMatchObject({
      allowed: true,
      findings: [{ code: 'PR6005', severity: 'info' }],
    });
    expect(ask('2024-04-16', 2, 'diversePerformanceSelection', T2).findings.map((f) => f.code)).toEqual(['PR6005']);
  });

  it('refuses when the calendar lacks the anchor (PR6001) or the term (PR6008)', () => {
    const bare = deepFreeze({ academicYear: 112, terms: [{ semester: 1, anchors: {} }] }) as SchoolCalendar;
    expect(isOpen(PACK, bare, { activity: 'courseOutcomeUpload', term: T1, grade: 1, at: '2024-01-10' })).toMatchObject(
      { allowed: false, findings: [{ code: 'PR6001' }] },
    );
    expect(isOpen(PACK, bare, { activity: 'courseOutcomeUpload', term: T2, grade: 1, at: '2024-01-10' })).toMatchObject(
      { allowed: false, findings: [{ code: 'PR6008' }] },
    );
  });
});
