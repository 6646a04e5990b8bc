import { describe, expect, it } from 'vitest';
import { addCalendarDays, type PlainDate } from '../../packages/core/src';
import { addWorkingDays, indexWorkingDays, parseCalendar } from '../../packages/core/src/internal';
import { CALENDARS } from './corpus';
import { expectNoPrototypeKeys, expectWellFormedFinding, fuzz, lineCount, repeats, TARGET_TIMEOUT_MS } from './harness';
import { mutatedYaml } from './mutate';

// School calendars mutated from the bundled ones, through parseCalendar and the working-day index
// that timelines and windows are resolved with.

describe('fuzz: calendar parsing', () => {
  it(
    'answers every mutated calendar with a calendar or coded findings, the same each time, never an exception',
    async () => {
      await fuzz('calendar', mutatedYaml(CALENDARS), (text, tally, index) => {
        const parsed = parseCalendar(text, { file: 'calendar.yaml' });
        const lines = lineCount(text);
        for (const finding of parsed.findings) expectWellFormedFinding(finding, text, lines);
        for (const code of new Set(parsed.findings.map((finding) => finding.code))) tally(code);
        if (repeats(index))
          expect(JSON.stringify(parseCalendar(text, { file: 'calendar.yaml' }))).toBe(JSON.stringify(parsed));
        if (!parsed.calendar) {
          expect(parsed.findings.some((finding) => finding.severity === 'error')).toBe(true);
          return;
        }
        expect(parsed.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
        expectNoPrototypeKeys(parsed.calendar);
        tally('calendar');
        // Every anchor date moves by working days and lands on a date (holidays never trap the walk).
        const days = indexWorkingDays(parsed.calendar);
        for (const term of parsed.calendar.terms)
          for (const date of Object.values(term.anchors ?? {}) as PlainDate[]) {
            const later = addWorkingDays(days, date, 5);
            expect(later > date && later <= addCalendarDays(date, 400)).toBe(true);
            expect(addWorkingDays(days, date, -5) < date).toBe(true);
          }
      });
    },
    TARGET_TIMEOUT_MS,
  );
});
