import { addDays, format } from 'date-fns';

/** A calendar day in Taiwan, written `YYYY-MM-DD`. Core never reads a clock: callers pass these in. */
export type PlainDate = string;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Whether a value is a `YYYY-MM-DD` day of the calendar (by arithmetic: requests check their days on every call). */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by the ASCII digits from `start` to `end`; -1 when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (leap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** The Taiwan calendar day of an instant, or the day itself when given `YYYY-MM-DD`. */
export function toPlainDate(at: PlainDate | Date): PlainDate {
  if (typeof at === 'string') return at.slice(0, 10);
  return new Date(at.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

export function plainDate(year: number, month: number, day: number): PlainDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function dateParts(date: PlainDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function toLocal(date: PlainDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(year, month - 1, day);
}

export function addCalendarDays(date: PlainDate, days: number): PlainDate {
  return format(addDays(toLocal(date), days), 'yyyy-MM-dd');
}

/** Days since 1970-01-01: plain calendar arithmetic (`Date.UTC` rolls over and reads years 0–99 as `new Date` does), no time zone to look up. */
function epochDay(date: PlainDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Days since 1970-01-01 of a day known to be `YYYY-MM-DD` (a checked record's): its digits read in place, no string made. */
export function checkedEpochDay(date: PlainDate): number {
  return Date.UTC(digits(date, 0, 4), digits(date, 5, 7) - 1, digits(date, 8, 10)) / MS_PER_DAY;
}

export function daysBetween(from: PlainDate, to: PlainDate): number {
  return epochDay(to) - epochDay(from);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
