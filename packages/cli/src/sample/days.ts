/** Days as integers (days since 1970-01-01, UTC) for fast arithmetic; written back as `YYYY-MM-DD` through a cache. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const written = new Map<Day, string>();

export function day(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function dayOf(text: string): Day {
  return day(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

export function iso(value: Day): string {
  let text = written.get(value);
  if (text === undefined) {
    text = new Date(value * MS_PER_DAY).toISOString().slice(0, 10);
    written.set(value, text);
  }
  return text;
}

/** The same day `years` later (29 February → 1 March). */
export function addYears(value: Day, years: number): Day {
  const date = new Date(value * MS_PER_DAY);
  return day(date.getUTCFullYear() + years, date.getUTCMonth() + 1, date.getUTCDate());
}
