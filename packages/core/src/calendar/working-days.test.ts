import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareDates } from '../_lib/date';
import { addWorkingDays, indexWorkingDays, isWorkingDay } from './working-days';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 200);
const BASE = '2023-08-01';

/** A calendar of random days off and make-up Saturdays in academic year 112. */
const calendars = fc
  .record({
    off: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }),
    made: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 6 }),
  })
  .map(({ off, made }) => {
    const holidays = off.map((n) => ({ date: addCalendarDays(BASE, n) }));
    const offDays = new Set(holidays.map((h) => h.date));
    const workingDays = made.map((n) => ({ date: addCalendarDays(BASE, n) })).filter((d) => !offDays.has(d.date));
    return Object.freeze({ holidays: Object.freeze(holidays), workingDays: Object.freeze(workingDays) });
  });
const days = fc.integer({ min: 0, max: 364 }).map((n) => addCalendarDays(BASE, n));
const counts = fc.integer({ min: -40, max: 40 });

/** The working days passed on the way: after `from` up to `to` going forward, from `to` up to before `from` going back. */
function workingDaysPassed(index: ReturnType<typeof indexWorkingDays>, from: string, to: string): number {
  const [first, last] = compareDates(from, to) <= 0 ? [addCalendarDays(from, 1), to] : [to, addCalendarDays(from, -1)];
  let count = 0;
  for (let day = first; day <= last; day = addCalendarDays(day, 1)) if (isWorkingDay(index, day)) count++;
  return count;
}

describe('working-day arithmetic (properties)', () => {
  it('moves exactly n working days and lands on a working day', () => {
    fc.assert(
      fc.property(calendars, days, counts, (calendar, day, n) => {
        const index = indexWorkingDays(calendar);
        const result = addWorkingDays(index, day, n);
        if (n === 0) return result === day;
        const direction = Math.sign(compareDates(result, day));
        return (
          direction === Math.sign(n) &&
          isWorkingDay(index, result) &&
          workingDaysPassed(index, day, result) === Math.abs(n)
        );
      }),
      { seed: 42, numRuns },
    );
  });

  it('is monotonic in n', () => {
    fc.assert(
      fc.property(calendars, days, counts, counts, (calendar, day, a, b) => {
        const index = indexWorkingDays(calendar);
        const [low, high] = a <= b ? [a, b] : [b, a];
        return compareDates(addWorkingDays(index, day, low), addWorkingDays(index, day, high)) <= 0;
      }),
      { seed: 42, numRuns },
    );
  });

  it('going back n from where n forward landed returns to a working start day', () => {
    fc.assert(
      fc.property(calendars, days, fc.integer({ min: 1, max: 40 }), (calendar, day, n) => {
        const index = indexWorkingDays(calendar);
        fc.pre(isWorkingDay(index, day));
        expect(addWorkingDays(index, addWorkingDays(index, day, n), -n)).toBe(day);
      }),
      { seed: 42, numRuns },
    );
  });
});
