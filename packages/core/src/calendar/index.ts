import type { Term } from '../term';
import type { Grade } from '../windows/schema';
import type { AnchorDates, SchoolCalendar } from './schema';
import { termOfEntry } from './terms';

export { CALENDAR_CODES } from './codes';
export { calendarJsonSchema } from './json-schema';
export { CALENDAR_LIMITS, parseCalendar, type ParsedCalendar } from './parse';
export {
  AnchorDatesSchema,
  CalendarSchema,
  CalendarTermSchema,
  type AnchorDates,
  type CalendarTerm,
  type SchoolCalendar,
} from './schema';
export { dataTermSpan, termOfEntry } from './terms';
export { addWorkingDays, indexWorkingDays, isWorkingDay, type WorkingDayIndex } from './working-days';

/**
 * The anchor dates for a data term's data, for a grade (the grade's own dates over the term's): the
 * term's own dates and the national dates of its data, or undefined when the calendar has no such term.
 */
export function anchorsFor(calendar: SchoolCalendar, term: Term, grade?: Grade): AnchorDates | undefined {
  const entry = calendar.terms.find((candidate) => {
    const own = termOfEntry(calendar, candidate);
    return own.year === term.year && own.semester === term.semester;
  });
  if (!entry) return undefined;
  const own = grade === undefined ? undefined : entry.grades?.[String(grade) as '1' | '2' | '3'];
  return { ...entry.anchors, ...own };
}
