import type { FindingBase } from '../findings/types';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../calendar';
import { mergeLayers } from '../layering/merge';
import { checkWindows } from '.';
import { deepFreeze, effectiveOf } from './windows.fixture';

const CALENDAR_112 = deepFreeze(
  parseCalendar(
    readFileSync(fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url)), 'utf8'),
  ).calendar!,
);
const summary = (findings: ReturnType<typeof checkWindows>) =>
  findings.map((f: FindingBase) => [f.code, f.subject, f.data.requirement ?? null, f.data.grades, f.data.term ?? null]);

describe('windowBounds: what the windows a school sets must keep', () => {
  it('every layer adds bounds, none replaces them; each keeps its own clause', () => {
    const merged = mergeLayers([
      {
        name: 'overlay:city',
        document: '市規定',
        values: { windowBounds: [{ activity: 'precheck', minDays: 3, source: '二' }] },
      },
      {
        name: 'school:s',
        document: '校規定',
        values: { windowBounds: [{ activity: 'precheck', minDays: 1, source: '五' }] },
      },
    ]);
    expect(merged.values.windowBounds).toEqual([
      { activity: 'precheck', minDays: 3, source: '二' },
      { activity: 'precheck', minDays: 1, source: '五' },
    ]);
    expect([merged.provenance['windowBounds.0.minDays'], merged.provenance['windowBounds.1.minDays']]).toEqual([
      { layer: 'overlay:city', source: { document: '市規定', clause: '二' } },
      { layer: 'school:s', source: { document: '校規定', clause: '五' } },
    ]);
  });

  it('a window no later than closesAfter, or shorter than minDays, breaks its bound (PR6014), with and without a calendar', () => {
    const pack = effectiveOf(
      [
        'windowBounds:',
        '  - { activity: courseOutcomeUpload, terms: [11202], grades: [3], closesAfter: 2024-04-01, source: 推估(三) }',
        '  - { activity: precheck, minDays: 5, source: 二 }',
        'windows:',
        '  - { activity: courseOutcomeUpload, terms: [11202], grades: [3], closes: 2024-04-01, source: 六 }',
        '  - { activity: precheck, opens: { anchor: nationalPrecheckOpens }, closes: { anchor: nationalPrecheckOpens, days: 3 }, source: 七 }',
        '',
      ].join('\n'),
    );
    const without = checkWindows(pack);
    expect(summary(without)).toEqual([
      ['PR6014', 'windows.0', 'closesAfter', [3], null],
      ['PR6014', 'windows.1', 'minDays', [1, 2, 3], null],
    ]);
    expect(without[0]).toMatchObject({
      rule: 'windowBounds.0',
      severity: 'error',
      source: { document: '測試補充規定', clause: '推估(三)' },
      related: [{ layer: 'school:test', source: { clause: '六' } }],
      data: { closes: '2024-04-01', after: '2024-04-01' },
    });
    // With the calendar, per data term: the pre-check lasts 4 days in each, grade 3's upload closes on 04-01.
    expect(summary(checkWindows(pack, CALENDAR_112)).filter(([code]) => code === 'PR6014')).toEqual([
      ['PR6014', 'windows.1', 'minDays', [1, 2, 3], '11102'],
      ['PR6014', 'windows.1', 'minDays', [1, 2, 3], '11201'],
      ['PR6014', 'windows.0', 'closesAfter', [3], '11202'],
      ['PR6014', 'windows.1', 'minDays', [1, 2, 3], '11202'],
    ]);
  });

  it('closesAfter may be an anchor: resolved per grade on the calendar', () => {
    const pack = effectiveOf(
      [
        'windowBounds:',
        '  - { activity: gradeEntry, terms: [11201], closesAfter: { anchor: closingCeremony, weeks: 1 }, source: 三 }',
        'windows:',
        '  - { activity: gradeEntry, terms: [11201], closes: 2024-01-24, source: 六 }',
        '',
      ].join('\n'),
    );
    // 11201's closing ceremony is 2024-01-19: the window must close after 01-26.
    expect(summary(checkWindows(pack, CALENDAR_112))).toEqual([
      ['PR6014', 'windows.0', 'closesAfter', [1, 2, 3], '11201'],
    ]);
    const [first]: readonly FindingBase[] = checkWindows(pack, CALENDAR_112);
    expect(first?.data.after).toBe('2024-01-26');
  });

  it('without a calendar, names both rules in words (PR6014, PR6015)', () => {
    const pack = effectiveOf(
      [
        'windowBounds:',
        '  - { activity: gradeEntry, closesAfter: { anchor: closingCeremony, weeks: 1 }, source: 三 }',
        '  - { activity: precheck, closesAfter: { monthDay: 09-10, from: termEnd }, source: 四 }',
        'windows:',
        '  - { activity: gradeEntry, closes: { anchor: closingCeremony, days: 3 }, source: 六 }',
        '',
      ].join('\n'),
    );
    const findings = checkWindows(pack);
    expect(findings.map((f: FindingBase) => [f.code, f.data.closesAfter ?? f.data.after])).toEqual([
      ['PR6014', { anchor: 'closingCeremony', weeks: 1 }],
      ['PR6015', { monthDay: '09-10', from: 'termEnd' }],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      {
        'zh-TW':
          '「學業成績登錄」的期程 (1、2、3 年級) 於休業式後3日截止 (測試補充規定 六)，期程原則要求截止日晚於休業式後1週 (測試補充規定 三)',
        en: 'the grade entry window (grades 1, 2, 3) closes 3 days after the closing ceremony (測試補充規定 六); it must close later than 1 week after the closing ceremony (測試補充規定 三)',
      },
      {
        'zh-TW':
          '期程原則 (測試補充規定 四)要求學校訂定 1、2、3 年級之「資料預檢」期程 (截止日晚於學期結束後之9月10日)，本規定未訂',
        en: 'a pre-check window (grades 1, 2, 3) closing after 10 September after the end of the term is left to the school (測試補充規定 四), and the pack sets none',
      },
    ]);
  });

  it('a bound no window answers is PR6015, for the grades left without one', () => {
    const pack = effectiveOf(
      [
        'windowBounds:',
        '  - { activity: courseOutcomeSelection, terms: [11202], minDays: 3, source: 推估(三) }',
        'windows:',
        '  - { activity: courseOutcomeSelection, terms: [11202], grades: [1, 2], opens: 2024-06-01, closes: 2024-09-10, source: 六 }',
        '',
      ].join('\n'),
    );
    const findings = checkWindows(pack);
    expect(summary(findings)).toEqual([['PR6015', 'windowBounds.0', null, [3], null]]);
    expect(findings[0]).toMatchObject({ severity: 'warning', data: { terms: ['11202'], minDays: 3 } });
  });

  it('a window that keeps its bounds raises nothing', () => {
    const pack = effectiveOf(
      [
        'windowBounds:',
        '  - { activity: courseOutcomeSelection, terms: [11202], grades: [3], minDays: 3, source: 推估(三) }',
        'windows:',
        '  - { activity: courseOutcomeSelection, terms: [11202], grades: [3], opens: 2024-04-15, closes: 2024-04-17, source: 六 }',
        '',
      ].join('\n'),
    );
    expect(checkWindows(pack)).toEqual([]);
    expect(checkWindows(pack, CALENDAR_112)).toEqual([]);
  });
});
