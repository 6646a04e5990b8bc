import type { Term } from '../term';
import type { Anchor, Grade } from '../windows/schema';
import type { AnchorDates, SchoolCalendar } from './schema';

export { CALENDAR_CODES } from './codes';
export { calendarJsonSchema } from './json-schema';
export { CALENDAR_LIMITS, parseCalendar, type ParsedCalendar } from './parse';
export { AnchorDatesSchema, CalendarSchema, CalendarTermSchema, type AnchorDates, type CalendarTerm, type SchoolCalendar } from './schema';
export { addWorkingDays, indexWorkingDays, isWorkingDay, type WorkingDayIndex } from './working-days';

/** The anchor dates of a term for a grade (the grade's own dates over the term's), or undefined when the calendar has no such term. */
export function anchorsFor(calendar: SchoolCalendar, term: Term, grade?: Grade): AnchorDates | undefined {
  if (calendar.academicYear !== term.year) return undefined;
  const entry = calendar.terms.find((candidate) => candidate.semester === term.semester);
  if (!entry) return undefined;
  const own = grade === undefined ? undefined : entry.grades?.[String(grade) as '1' | '2' | '3'];
  return { ...entry.anchors, ...own } as Partial<Record<Anchor, string>>;
}
