import { getISODay } from 'date-fns';
import { addCalendarDays, dateParts, type PlainDate } from '../_lib/date';

/** A calendar's days off and make-up working days, indexed once for day-by-day arithmetic. */
export interface WorkingDayIndex {
  readonly holidays: ReadonlySet<PlainDate>;
  readonly workingDays: ReadonlySet<PlainDate>;
}

/** The longest run of days off the arithmetic will walk over (a malformed calendar could otherwise loop for long). */
const MAX_RUN = 366;

export function indexWorkingDays(calendar: {
  readonly holidays?: readonly { readonly date: PlainDate; readonly until?: PlainDate | undefined }[] | undefined;
  readonly workingDays?: readonly { readonly date: PlainDate }[] | undefined;
}): WorkingDayIndex {
  const holidays = new Set<PlainDate>();
  for (const off of calendar.holidays ?? []) {
    let day = off.date;
    for (let i = 0; i < MAX_RUN && day <= (off.until ?? off.date); i++, day = addCalendarDays(day, 1))
      holidays.add(day);
  }
  return { holidays, workingDays: new Set((calendar.workingDays ?? []).map((made) => made.date)) };
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(date: PlainDate): number {
  const { year, month, day } = dateParts(date);
  return getISODay(new Date(year, month - 1, day));
}

/** A working day (工作日): Monday to Friday and not a day off, or a make-up working day (補行上班日). */
export function isWorkingDay(index: WorkingDayIndex, date: PlainDate): boolean {
  if (index.workingDays.has(date)) return true;
  return isoWeekday(date) <= 5 && !index.holidays.has(date);
}

/**
 * Moves `count` working days from a date (negative = back). The start day itself is not counted:
 * Friday + 1 working day is the next Monday, unless Monday is a day off.
 */
export function addWorkingDays(index: WorkingDayIndex, date: PlainDate, count: number): PlainDate {
  const step = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let day = date;
  let walked = 0;
  while (remaining > 0 && walked < remaining * 7 + MAX_RUN) {
    day = addCalendarDays(day, step);
    walked++;
    if (isWorkingDay(index, day)) remaining--;
  }
  return day;
}
