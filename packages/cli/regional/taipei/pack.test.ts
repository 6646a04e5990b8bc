import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
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
const CALENDAR = parseCalendar(read('../../../examples/calendars/112.yaml')).calendar!;
// Data terms: each window is about the data of a term (docs/decisions/0003).
const T0: Term = { year: 111, semester: 2 };
const T1: Term = { year: 112, semester: 1 };
const T2: Term = { year: 112, semester: 2 };

const loaded = loadPack(TEXT, { file: 'schools/_regional/taipei/pack.yaml' });
const overlays = {
  taipei: { pack: loaded.pack!, file: 'schools/_regional/taipei/pack.yaml', positions: loaded.positions },
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
    const { findings, resolution } = validatePack(TEXT, { file: 'schools/_regional/taipei/pack.yaml' });
    expect(findings).toEqual([]);
    expect(resolution?.versions.map((v) => v.layers)).toEqual([['national@2022-08-01', 'overlay:taipei']]);
  });

  it('cites a clause of the deck on every window', () => {
    expect(loaded.pack?.windows?.filter((window) => window.source === undefined)).toEqual([]);
    expect(TAIPEI.provenance['windows.1']).toEqual({
      layer: 'overlay:taipei',
      source: { document: '臺北市學習歷程檔案作業時程', clause: '重要時序 1' },
    });
  });

  it('meets the national minimums, with and without the 112 calendar', () => {
    expect(checkWindows(TAIPEI)).toEqual([]);
    expect(checkWindows(TAIPEI, CALENDAR)).toEqual([]);
  });

  it('gives every fixed-date window the data term it serves (terms:)', () => {
    const fixed =
      loaded.pack?.windows?.filter((window) => typeof window.closes === 'string' || typeof window.opens === 'string') ??
      [];
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.filter((window) => window.terms === undefined)).toEqual([]);
  });

  it('111-2 data (October 2023): Taipei submits by 10-24 (重要時序 1); receipts until 10-25; diverse performances selected by 10-31', () => {
    expect(ask(TAIPEI, 'submission', T0, 2, '2023-10-20')).toEqual([true]);
    expect(ask(TAIPEI, 'submission', T0, 2, '2023-10-24')).toEqual([true, 'PR6004']);
    const refused = isOpen(TAIPEI, CALENDAR, { activity: 'submission', term: T0, grade: 2, at: '2023-10-25' });
    expect(refused.findings.map((f) => [f.code, f.data.opens, f.data.closes, f.source, f.layer])).toEqual([
      [
        'PR6003',
        '2023-10-02',
        '2023-10-24',
        { document: '臺北市學習歷程檔案作業時程', clause: '重要時序 1' },
        'overlay:taipei',
      ],
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

  it('112-1 data: pre-check, submission, receipts, disputes and final submission by the end of March 2024 (estimates)', () => {
    expect(ask(TAIPEI, 'precheck', T1, 1, '2024-03-10')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'receiptConfirmation', T1, 1, '2024-03-14')).toEqual([false, 'PR6002']);
    expect(ask(TAIPEI, 'finalSubmission', T1, 2, '2024-03-29')).toEqual([true, 'PR6004']);
    expect(ask(TAIPEI, 'finalSubmission', T1, 2, '2024-04-26')).toEqual([false, 'PR6003']);
    expect(resolveWindows(TAIPEI, CALENDAR, T1).findings).toEqual([]);
  });

  it("112-2 data: the course-record pre-check from mid-February; grade 3's April cycle — selection at least 3 days, submission 04-22, disputes 04-23…25, final 04-26", () => {
    const grade3 = resolveWindows(TAIPEI, CALENDAR, T2)
      .windows.filter((w) => w.grades.includes(3))
      .map((w) => [w.activity, w.opens ?? null, w.closes]);
    expect(grade3).toEqual([
      ['courseOutcomeUpload', null, '2024-04-12'],
      ['courseOutcomeSelection', '2024-04-15', '2024-04-19'],
      ['diversePerformanceUpload', null, '2024-04-12'],
      ['diversePerformanceSelection', '2024-04-15', '2024-04-19'],
      ['precheck', '2024-02-15', '2024-03-31'],
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
    const findings = checkWindows(own, CALENDAR);
    expect(
      findings.map((f) => [f.code, f.data.term ?? null, f.related?.[0]?.layer, f.related?.[0]?.source?.clause]),
    ).toEqual([
      ['PR6010', '11201', 'school:school', '五(三)1'],
      ['PR6011', '11201', 'school:school', '六(三)'],
    ]);
    // Without a calendar the pack alone tells both: absolute dates and anchor offsets.
    expect(checkWindows(own).map((f) => f.code)).toEqual(['PR6010', 'PR6011']);
  });
});
