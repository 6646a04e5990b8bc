import * as z from 'zod';
import { formatTerm, parseTerm } from '../term';
import { unreachable } from '../_lib/unreachable';

/** The longest id a record may hold: real ones are far shorter, and every message that names one stays bounded. */
export const ID_LENGTH = 200;

/**
 * Characters an id may not hold: C0 and C1 controls and DEL, and the invisible ones that make two
 * ids look alike on screen (zero-width characters, the line and paragraph separators, bidi controls,
 * the word joiner, a BOM).
 */
// eslint-disable-next-line no-control-regex -- these are the characters refused
export const HIDDEN_IN_ID = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * Whether an id holds none of the characters an id may not hold: HIDDEN_IN_ID's ranges, read a
 * character at a time (every id of every line passes here; `fields.test.ts` holds the two equal).
 */
export function isVisibleId(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
    if (code < 0x200b) continue;
    if (code <= 0x200f || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069) || code === 0xfeff)
      return false;
  }
  return true;
}

/**
 * A non-empty identifier as the school's systems write it (學號, item id, teacher account), of at
 * most ID_LENGTH characters, none of them a control or invisible character (PR8008, format `id`).
 */
export const Id = z
  .string()
  .min(1)
  .max(ID_LENGTH)
  .refine(isVisibleId, { params: { format: 'id' } });

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the decimal digits of text[from, to) write, or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * The real calendar day `YYYY-MM-DD` that text writes, as the number YYYYMMDD, or -1: the same days
 * as `isPlainDate`, by character codes (millions of records).
 */
function dayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  // Year 0000 is no day (isPlainDate refuses it too); a non-digit is -1.
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (DAYS_IN_MONTH[month - 1] ?? unreachable(`month ${month}`))
  )
    return -1;
  if (month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) return -1;
  return year * 10_000 + month * 100 + day;
}

/** Whether text is a real calendar day `YYYY-MM-DD`. */
export const isIsoDay = (text: string): boolean => dayNumber(text) >= 0;

/**
 * The days a record may name: those of the terms the 5-digit code can write, ROC academic years 10
 * to 999. A day outside them could not be placed in a term (and `9999-12-31` once overflowed the stack).
 */
export const DATASET_DAYS = { first: '1921-08-01', last: '2911-07-31' } as const;

/** Whether a `YYYY-MM-DD` day lies within DATASET_DAYS (dates in this form compare as text). */
export const isWithinDays = (day: string): boolean => day >= DATASET_DAYS.first && day <= DATASET_DAYS.last;

const FIRST_DAY = dayNumber(DATASET_DAYS.first);
const LAST_DAY = dayNumber(DATASET_DAYS.last);

/** Whether text is a real day `YYYY-MM-DD` within DATASET_DAYS: every date of every line, read once as a number. */
export const isDatasetDay = (text: string): boolean => {
  const day = dayNumber(text);
  return day >= FIRST_DAY && day <= LAST_DAY;
};

/** A day, `YYYY-MM-DD`, within DATASET_DAYS (one refinement, which the fast path reads inline; issues.ts tells a day out of range from a malformed one). */
export const DateField = z.string().refine(isDatasetDay, { params: { format: 'date' } });

/** A term: `11201`, `"11201"` or `"112-1"`; always read back as the 5-digit code. */
export const TermField = z.union([z.string(), z.int()]).transform((value, context) => {
  const term = parseTerm(value);
  if (term) return formatTerm(term);
  context.addIssue({ code: 'custom', params: { format: 'term' }, input: value });
  return z.NEVER;
});

/** An ROC academic year, e.g. 112: 10 to 999, the years a term code can write. */
export const AcademicYearField = z
  .int()
  .refine((year) => year >= 10 && year <= 999, { params: { format: 'academicYear' } });

/** The school a record belongs to, when one file holds several schools. */
export const SchoolField = Id.optional().describe('學校代碼 / the school, when a file holds several');
