import type { PlainDate } from '../_lib/date';
import { nextTerm, type Term, termEnd, termStart } from '../term';
import type { CalendarTerm, SchoolCalendar } from './schema';

/** The data term a calendar entry gives anchors for: its `year` (else the calendar's) and semester. */
export function termOfEntry(calendar: SchoolCalendar, entry: CalendarTerm): Term {
  return { year: entry.year ?? calendar.academicYear, semester: entry.semester };
}

/**
 * The span in which a date about a term's data is plausible: from the term's start to the end of the
 * following term (11201's data is uploaded until February and submitted in March 2024).
 */
export function dataTermSpan(term: Term): { readonly first: PlainDate; readonly last: PlainDate } {
  return { first: termStart(term), last: termEnd(nextTerm(term)) };
}
