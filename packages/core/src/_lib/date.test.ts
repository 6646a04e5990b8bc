import { differenceInCalendarDays, isValid, parse } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, daysBetween, isPlainDate, plainDate } from './date';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 1000);
const local = (date: string) =>
  new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
// Real days and rolled-over ones (day 0, 31 February, month 13): daysBetween reads them as `new Date` does.
const day = fc
  .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([year, month, date]) => plainDate(year, month, date));

describe('daysBetween', () => {
  it('counts calendar days as date-fns differenceInCalendarDays does on local dates', () => {
    fc.assert(
      fc.property(day, day, (from, to) => {
        expect(daysBetween(from, to)).toBe(differenceInCalendarDays(local(to), local(from)));
      }),
      { seed: 42, numRuns },
    );
  });

  it('undoes addCalendarDays across leap days and years', () => {
    expect(daysBetween('1970-01-01', '2024-01-19')).toBe(19741);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-08-01', '2024-08-01')).toBe(-365);
    for (const days of [-400, -1, 0, 1, 59, 366, 1000])
      expect(daysBetween('2023-12-31', addCalendarDays('2023-12-31', days))).toBe(days);
  });

  it('is NaN for text that is not a day', () => {
    expect(daysBetween('1970-01-01', 'not a day')).toBeNaN();
  });
});

describe('isPlainDate', () => {
  const datefns = (text: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1)));
  const written = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([year, month, date]) => plainDate(year, month, date));

  it('accepts exactly the days date-fns parses as yyyy-MM-dd (leap years, 31 April, year 0000)', () => {
    fc.assert(
      fc.property(fc.oneof(written, fc.string({ maxLength: 12 })), (text) => {
        expect(isPlainDate(text)).toBe(datefns(text));
      }),
      { seed: 42, numRuns },
    );
    for (const text of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-04-31', '0000-01-01'])
      expect(isPlainDate(text)).toBe(datefns(text));
  });

  it('is false for what is not text', () => {
    for (const value of [undefined, null, 20240101, new Date(), ['2024-01-01']]) expect(isPlainDate(value)).toBe(false);
  });
});
