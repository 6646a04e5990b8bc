import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween } from '../_lib/date';
import { parseCalendar } from '../calendar';
import { CLOSING_SOON_DAYS, isOpen, resolveWindows } from '.';
import { deepFreeze, effectiveOf } from './windows.fixture';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);
const CALENDAR = deepFreeze(
  parseCalendar(
    readFileSync(fileURLToPath(new URL('../../../../examples/calendars/112.yaml', import.meta.url)), 'utf8'),
  ).calendar!,
);
const BASE = '2023-08-01';
const day = fc.integer({ min: 0, max: 180 }).map((n) => addCalendarDays(BASE, n));

describe('isOpen (properties)', () => {
  it('allows exactly the days from opens to closes, warns in the last 3, and refuses with an error otherwise', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), day, (opens, length, at) => {
        const closes = addCalendarDays(opens, length);
        const effective = effectiveOf(
          `windows:\n  - { activity: submission, opens: ${opens}, closes: ${closes}, source: 六(二) }\n`,
        );
        const decision = isOpen(effective, CALENDAR, {
          activity: 'submission',
          term: { year: 112, semester: 1 },
          grade: 2,
          at,
        });
        const inside = opens <= at && at <= closes;
        expect(decision.allowed).toBe(inside);
        if (!inside)
          expect(decision.findings.map((f) => [f.code, f.severity])).toEqual([
            [at < opens ? 'PR6002' : 'PR6003', 'error'],
          ]);
        else
          expect(decision.findings.map((f) => f.code)).toEqual(
            daysBetween(at, closes) + 1 <= CLOSING_SOON_DAYS ? ['PR6004'] : [],
          );
        expect(decision.findings.every((f) => f.source?.clause === '六(二)')).toBe(true);
      }),
      { seed: 42, numRuns },
    );
  });

  it('resolves a window relative to an anchor to the anchor moved by the offset, for every grade', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -3, max: 3 }), (days, weeks) => {
        const effective = effectiveOf(
          `windows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: ${weeks}, days: ${days} } }\n`,
        );
        const { windows, findings } = resolveWindows(effective, CALENDAR, { year: 112, semester: 1 });
        expect(findings).toEqual([]);
        expect(windows.map((w) => [w.grades, w.closes])).toEqual([
          [[1, 2, 3], addCalendarDays('2024-01-19', weeks * 7 + days)],
        ]);
      }),
      { seed: 42, numRuns },
    );
  });

  it('resolves a window with terms: for exactly the data terms it lists, over a window without terms', () => {
    const TERMS = [
      { year: 111, semester: 2 as const, codes: ['11102', '111-2'] },
      { year: 112, semester: 1 as const, codes: ['11201', '112-1'] },
      { year: 112, semester: 2 as const, codes: ['11202', '112-2'] },
    ];
    fc.assert(
      fc.property(fc.subarray([0, 1, 2], { minLength: 1 }), fc.boolean(), (listed, dashed) => {
        const terms = listed.map((i) => `'${TERMS[i]!.codes[dashed ? 1 : 0]}'`).join(', ');
        const effective = effectiveOf(
          `windows:\n  - { activity: precheck, terms: [${terms}], closes: { anchor: termStart, days: 9 }, source: 五 }\n  - { activity: precheck, closes: { anchor: termStart, days: 3 } }\n`,
        );
        TERMS.forEach((term, i) => {
          const resolved = resolveWindows(effective, CALENDAR, term).windows;
          expect(resolved.map((w) => w.index)).toEqual([listed.includes(i) ? 0 : 1]);
        });
      }),
      { seed: 42, numRuns },
    );
  });
});
