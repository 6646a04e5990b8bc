import { z } from 'zod';
import { isPlainDate } from '../_lib/date';
import { formatTerm, parseTerm } from '../term';

/** A non-empty identifier as the school's systems write it (學號, item id, teacher account). */
export const Id = z.string().min(1);

/** A day, `YYYY-MM-DD`. */
export const DateField = z.string().refine(isPlainDate, { params: { format: 'date' } });

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
