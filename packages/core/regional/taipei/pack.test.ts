import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type FindingBase,
  checkWindows,
  isOpen,
  loadPack,
  parseCalendar,
  resolveWindows,
  validatePack,
  type Activity,
  type EffectivePack,
  type Grade,
  type Term,
} from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const TEXT = read('./pack.yaml');
const CALENDAR = parseCalendar(read('../../../../examples/calendars/112.yaml')).calendar!;
// Data terms: each window is about the data of a term (docs/decisions/0003).
const T0: Term = { year: 111, semester: 2 };
const T1: Term = { year: 112, semester: 1 };
const T2: Term = { year: 112, semester: 2 };

const loaded = loadPack(TEXT, { file: 'packages/core/regional/taipei/pack.yaml' });
const overlays = {
  taipei: { pack: loaded.pack!, file: 'packages/core/regional/taipei/pack.yaml', positions: loaded.positions },
};
const TAIPEI = validatePack(TEXT).resolution!.versions[0]!;

const ask = (effective: EffectivePack, activity: Activity, term: Term, grade: Grade, at: string) => {
  const decision = isOpen(effective, CALENDAR, { activity, term, grade, at });
  return [decision.allowed, ...decision.findings.map((f) => f.code)];
};

/** A Taipei school's pack on the overlay. */
function school(body: string): EffectivePack {
  const { resolution, findings } = validatePack(
    `id: school\nname: 範例高中補充規定\ndocument: 範例補充規定\nextends: taipei\nappliesFrom: 11201\nappliesUntil: 11202\n${body}`,
    { overlays },
  );
  expect(findings).toEqual([]);
  return resolution!.versions[0]!;
}

describe('Taipei overlay (臺北市學習歷程檔案作業時程, seed 004)', () => {
  it('validates with no findings, as an overlay on national', () => {
    const { findings, resolution } = validatePack(TEXT, { file: 'packages/core/regional/taipei/pack.yaml' });
    expect(findings).toEqual([]);
    expect(resolution?.versions.map((v) => v.layers)).toEqual([['national@2022-08-01', 'overlay:taipei']]);
  });

  it('cites a clause of the deck on every window', () => {
    expect(loaded.pack?.windows?.filter((window) => window.source === undefined)).toEqual([]);
    expect(loaded.pack?.windowBounds?.filter((bound) => bound.source === undefined)).toEqual([]);
    expect(TAIPEI.provenance['windows.1']).toEqual({
      layer: 'overlay:taipei',
      source: { document: '臺北市學習歷程檔案作業時程', clause: '11201時序 提交與收訖明細確認' },
    });
  });

  it('meets the national minimums, with and without the 112 calendar; the dates it leaves to schools are missing on its own (PR6015)', () => {
    const leftToSchools = [
      ['PR6015', 'courseOutcomeUpload'],
      ['PR6015', 'diversePerformanceUpload'],
      ['PR6015', 'courseOutcomeSelection'],
      ['PR6015', 'diversePerformanceSelection'],
    ];
    expect(checkWindows(TAIPEI).map((f: FindingBase) => [f.code, f.data.activity])).toEqual(leftToSchools);
    expect(checkWindows(TAIPEI, CALENDAR).map((f: FindingBase) => [f.code, f.data.activity])).toEqual(leftToSchools);
  });

  it('gives every fixed-date window the data term it serves (terms:)', () => {
    const fixed =
      loaded.pack?.windows?.filter((window) => typeof window.closes === 'string' || typeof window.opens === 'string') ??
      [];
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.filter((window) => window.terms === undefined)).toEqual([]);
  });

  it('111-2 data (October 2023): submission and receipts together 10-02…25 (11201時序, 重要時序 2); diverse performances selected by 10-31', () => {
    expect(ask(TAIPEI, 'submission', T0, 2, '2023-10-20')).toEqual([true]);
    expect(ask(TAIPEI, 'submission', T0, 2, '2023-10-25')).toEqual([true, 'PR6004']);
    const refused = isOpen(TAIPEI, CALENDAR, { activity: 'submission', term: T0, grade: 2, at: '2023-10-26' });
    expect(refused.findings.map((f: FindingBase) => [f.code, f.data.opens, f.data.closes, f.source, f.layer])).toEqual([
      [
        'PR6003',
        '2023-10-02',
        '2023-10-25',
        { document: '臺北市學習歷程檔案作業時程', clause: '11201時序 提交與收訖明細確認' },
        'overlay:taipei',
      ],
    ]);
    const together = resolveWindows(TAIPEI, CALENDAR, T0)
      .windows.filter((w) => w.activity === 'submission' || w.activity === 'receiptConfirmation')
      .map((w) => [w.activity, w.opens, w.closes, w.minDays ?? null]);
    expect(together).toEqual([
      ['submission', '2023-10-02', '2023-10-25', null],
      ['receiptConfirmation', '2023-10-02', '2023-10-25', null],
    ]);
    expect(ask(TAIPEI, 'receiptConfirmation', T0, 2, '2023-10-25')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'diversePerformanceSelection', T0, 2, '2023-11-01')).toEqual([false, 'PR6003']);
    // The October 2023 windows are not 112-1's: its submission opens in March 2024.
    expect(ask(TAIPEI, 'submission', T1, 2, '2023-10-20')).toEqual([false, 'PR6002']);
  });

  it('112-1 course outcomes: upload open until closing ceremony 01-19 + 2 weeks = 02-02 (推估11202時序(一))', () => {
    const upload = resolveWindows(TAIPEI, CALENDAR, T1).windows.find((w) => w.activity === 'courseOutcomeUpload');
    expect([upload?.closes, upload?.grades]).toEqual(['2024-02-02', [1, 2, 3]]);
    expect(ask(TAIPEI, 'courseOutcomeUpload', T1, 1, '2024-02-03')).toEqual([false, 'PR6003']);
  });

  it('112-1 data: pre-check, submission, receipts, disputes and final submission by the end of March 2024 (「3月底」: the last working day, 03-29)', () => {
    expect(ask(TAIPEI, 'precheck', T1, 1, '2024-03-10')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'receiptConfirmation', T1, 1, '2024-03-14')).toEqual([false, 'PR6002']);
    expect(ask(TAIPEI, 'disputeResolution', T1, 1, '2024-03-29')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'finalSubmission', T1, 2, '2024-03-29')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'finalSubmission', T1, 2, '2024-04-26')).toEqual([false, 'PR6003']);
    expect(resolveWindows(TAIPEI, CALENDAR, T1).findings).toEqual([]);
  });

  it("112-2 data: the course-record pre-check from mid-February to March (「3月止」: 03-29, as 「3月底」); grade 3's April cycle — submission 04-22, disputes 04-23…25, final 04-26", () => {
    const grade3 = resolveWindows(TAIPEI, CALENDAR, T2)
      .windows.filter((w) => w.grades.includes(3))
      .map((w) => [w.activity, w.opens ?? null, w.closes]);
    // No upload or selection dates: the deck leaves them to each school (windowBounds).
    expect(grade3).toEqual([
      ['precheck', '2024-02-15', '2024-03-29'],
      ['submission', '2024-04-22', '2024-04-22'],
      ['receiptConfirmation', '2024-04-22', '2024-04-25'],
      ['disputeResolution', '2024-04-23', '2024-04-25'],
      ['finalSubmission', null, '2024-04-26'],
    ]);
    expect(ask(TAIPEI, 'finalSubmission', T2, 3, '2024-04-26')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'finalSubmission', T2, 3, '2024-04-27')).toEqual([false, 'PR6003']);
    // Grades 1–2 submit 112-2 data in October 2024: the 113 timetable, not this overlay.
    expect(ask(TAIPEI, 'finalSubmission', T2, 2, '2024-04-26')).toEqual([true, 'PR6005']);
  });

  it('a Taipei school may set its own windows; the national minimums still hold against them', () => {
    const own = school(
      'windows:\n  - { activity: receiptConfirmation, terms: [11201], opens: 2024-03-18, closes: 2024-03-19, source: 六(三) }\n  - { activity: courseOutcomeUpload, terms: [11201], closes: { anchor: closingCeremony, weeks: 1 }, source: 五(三)1 }\n',
    );
    expect(own.layers).toEqual(['national@2022-08-01', 'overlay:taipei', 'school:school']);
    const findings = checkWindows(own, CALENDAR).filter((f) => f.code !== 'PR6015');
    expect(
      findings.map((f: FindingBase) => [
        f.code,
        f.data.term ?? null,
        f.related?.[0]?.layer,
        f.related?.[0]?.source?.clause,
      ]),
    ).toEqual([
      ['PR6010', '11201', 'school:school', '五(三)1'],
      ['PR6011', '11201', 'school:school', '六(三)'],
    ]);
    // Without a calendar the pack alone tells both: absolute dates and anchor offsets.
    expect(checkWindows(own).map((f) => f.code)).toEqual(['PR6010', 'PR6011', 'PR6015', 'PR6015', 'PR6015', 'PR6015']);
  });

  it("grade 3's upload deadline and selection window are each school's: it must close after 1 April and leave at least 3 days (推估11202時序(三))", () => {
    const bound = (clause: string) => ({ document: '臺北市學習歷程檔案作業時程', clause });
    const early = school(
      'windows:\n  - { activity: courseOutcomeUpload, terms: [11202], grades: [3], closes: 2024-04-01, source: 本校決定 }\n  - { activity: courseOutcomeSelection, terms: [11202], grades: [3], opens: 2024-04-08, closes: 2024-04-09, source: 本校決定 }\n',
    );
    const expected = [
      ['PR6014', 'closesAfter', 'courseOutcomeUpload', bound('推估11202時序(三) 高三上傳'), 'school:school'],
      ['PR6014', 'minDays', 'courseOutcomeSelection', bound('推估11202時序(三) 高三勾選'), 'school:school'],
    ];
    const show = (
      findings: readonly {
        code: string;
        data: Record<string, unknown>;
        source?: unknown;
        related?: readonly { layer: string }[];
      }[],
    ) =>
      findings
        .filter((f) => f.code === 'PR6014')
        .map((f) => [f.code, f.data.requirement, f.data.activity, f.source, f.related?.[0]?.layer]);
    expect(show(checkWindows(early))).toEqual(expected);
    expect(show(checkWindows(early, CALENDAR))).toEqual(expected);
    // The diverse-performance windows it does not set are still asked for (PR6015, the audit's).
    expect(
      checkWindows(early)
        .filter((f) => f.code === 'PR6015')
        .map((f) => f.data.activity),
    ).toEqual(['diversePerformanceUpload', 'diversePerformanceSelection']);
    const chosen = school(
      'windows:\n  - { activity: courseOutcomeUpload, terms: [11202], grades: [3], closes: 2024-04-12, source: 本校決定 }\n  - { activity: diversePerformanceUpload, terms: [11202], grades: [3], closes: 2024-04-12, source: 本校決定 }\n  - { activity: courseOutcomeSelection, terms: [11202], grades: [3], opens: 2024-04-15, closes: 2024-04-17, source: 本校決定 }\n  - { activity: diversePerformanceSelection, terms: [11202], grades: [3], opens: 2024-04-15, closes: 2024-04-17, source: 本校決定 }\n',
    );
    expect(checkWindows(chosen)).toEqual([]);
    expect(checkWindows(chosen, CALENDAR)).toEqual([]);
    expect(ask(chosen, 'courseOutcomeSelection', T2, 3, '2024-04-18')).toEqual([false, 'PR6003']);
  });

  it("a school's own bounds add to the overlay's and never remove them", () => {
    const own = school(
      'windowBounds:\n  - { activity: courseOutcomeSelection, terms: [11202], grades: [3], minDays: 1, source: 本校 }\nwindows:\n  - { activity: courseOutcomeSelection, terms: [11202], grades: [3], opens: 2024-04-15, closes: 2024-04-16, source: 本校決定 }\n',
    );
    expect(own.values.windowBounds?.map((b) => b.minDays ?? null)).toEqual([null, null, 3, 3, 1]);
    expect(
      checkWindows(own)
        .filter((f) => f.code === 'PR6014')
        .map((f) => [f.data.minDays, f.data.days]),
    ).toEqual([[3, 2]]);
  });
});
