import { z } from 'zod';
import { formatTerm, parseTerm } from '../term';

/** A non-empty identifier as the school's systems write it (學號, item id, teacher account). */
export const Id = z.string().min(1);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether text is a real calendar day `YYYY-MM-DD`: the same answer as `isPlainDate`, fast enough for millions of records. */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** A day, `YYYY-MM-DD`. */
export const DateField = z.string().refine(isIsoDay, { params: { format: 'date' } });

/** A term: `11201`, `"11201"` or `"112-1"`; always read back as the 5-digit code. */
export const TermField = z.union([z.string(), z.int()]).transform((value, context) => {
  const term = parseTerm(value);
  if (term) return formatTerm(term);
  context.addIssue({ code: 'custom', params: { format: 'term' }, input: value });
  return z.NEVER;
});

/** An ROC academic year, e.g. 112. */
export const AcademicYearField = z.int().refine((year) => year >= 1 && year <= 999, { params: { format: 'academicYear' } });

/** The school a record belongs to, when one file holds several schools. */
export const SchoolField = Id.optional().describe('學校代碼 / the school, when a file holds several');
