import { addCalendarDays } from '../_lib/date';
import { parseMapping, readYamlMapping } from '../yaml/read';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import { formatTerm, termEnd, termStart } from '../term';
import type { Anchor } from '../windows/schema';
import { CALENDAR_CODES } from './codes';
import { type AnchorDates, CalendarSchema, type SchoolCalendar } from './schema';
import { dataTermSpan, termOfEntry } from './terms';

export const CALENDAR_LIMITS = { bytes: 256 * 1024, depth: 8, aliases: 50 } as const;

export interface ParsedCalendar {
  /** The calendar, when it has no errors. */
  readonly calendar?: SchoolCalendar;
  readonly findings: readonly Finding[];
  readonly file?: string;
  /** Position of every value, by path (`terms.0.anchors.closingCeremony`). */
  readonly positions: Readonly<Record<string, Position>>;
}

/** Anchors that must come in this order when a calendar gives them. */
const ORDERS: readonly (readonly Anchor[])[] = [
  ['termStart', 'classesStart', 'closingCeremony', 'termEnd'],
  ['nationalPrecheckOpens', 'nationalPrecheckCloses'],
  ['nationalSubmissionOpens', 'nationalSubmissionCloses'],
];

function semanticFindings(calendar: SchoolCalendar, positionAt: (path: string) => Position | undefined): Finding[] {
  const findings: Finding[] = [];
  const context = (subject: string) => {
    const position = positionAt(subject);
    return { rule: 'calendar.dates', subject, ...(position && { position }) };
  };
  const yearSpan = (year: number) => ({
    first: termStart({ year, semester: 1 }),
    last: termEnd({ year, semester: 2 }),
  });
  const { first, last } = yearSpan(calendar.academicYear);
  const within = (
    date: string,
    path: string,
    span: { first: string; last: string },
    academicYear: number,
    term?: string,
  ) => {
    if (date < span.first || date > span.last)
      findings.push(
        createFinding(
          CALENDAR_CODES.outsideYear,
          { date, academicYear, ...span, ...(term !== undefined && { term }) },
          context(path),
        ),
      );
  };
  const inYear = (date: string, path: string): void => within(date, path, { first, last }, calendar.academicYear);
  const ordered = (earlier: string, earlierDate: string, later: string, laterDate: string) => {
    if (earlierDate > laterDate)
      findings.push(
        createFinding(CALENDAR_CODES.outOfOrder, { earlier, earlierDate, later, laterDate }, context(later)),
      );
  };

  const seen = new Set<string>();
  calendar.terms.forEach((term, t) => {
    const dataTerm = termOfEntry(calendar, term);
    const code = formatTerm(dataTerm);
    if (seen.has(code))
      findings.push(
        createFinding(
          CALENDAR_CODES.duplicateSemester,
          { semester: term.semester, term: code },
          context(`terms.${t}.semester`),
        ),
      );
    seen.add(code);
    // The term's own dates fall in its academic year; the national dates for its data up to the end of the following term.
    const own = yearSpan(dataTerm.year);
    const national = dataTermSpan(dataTerm);
    const check = (anchor: string, date: string, path: string): void =>
      anchor.startsWith('national')
        ? within(date, path, national, dataTerm.year, code)
        : within(date, path, own, dataTerm.year);
    const sets: [string, AnchorDates][] = [
      [`terms.${t}.anchors`, term.anchors],
      ...Object.entries(term.grades ?? {}).map(([grade, anchors]): [string, AnchorDates] => [
        `terms.${t}.grades.${grade}`,
        { ...term.anchors, ...anchors },
      ]),
    ];
    for (const [prefix, anchors] of sets) {
      for (const [anchor, date] of Object.entries(anchors))
        if (date !== undefined && positionAt(`${prefix}.${anchor}`)) check(anchor, date, `${prefix}.${anchor}`);
      for (const order of ORDERS) {
        const own = (anchor: Anchor) => positionAt(`${prefix}.${anchor}`) !== undefined;
        const pathOf = (anchor: Anchor) => (own(anchor) ? `${prefix}.${anchor}` : `terms.${t}.anchors.${anchor}`);
        let previous: { anchor: Anchor; date: string } | undefined;
        for (const anchor of order) {
          const date = anchors[anchor];
          if (date === undefined) continue;
          // A grade's set is checked only where it brings a date of its own: the term's pairs are checked once.
          if (previous && (own(previous.anchor) || own(anchor)))
            ordered(pathOf(previous.anchor), previous.date, pathOf(anchor), date);
          previous = { anchor, date };
        }
      }
    }
  });

  const offDays = new Set<string>();
  (calendar.holidays ?? []).forEach((off, i) => {
    inYear(off.date, `holidays.${i}.date`);
    if (off.until === undefined) {
      offDays.add(off.date);
      return;
    }
    inYear(off.until, `holidays.${i}.until`);
    ordered(`holidays.${i}.date`, off.date, `holidays.${i}.until`, off.until);
    for (let day = off.date; day <= off.until && day <= last; day = addCalendarDays(day, 1)) offDays.add(day);
  });
  (calendar.workingDays ?? []).forEach((made, i) => {
    inYear(made.date, `workingDays.${i}.date`);
    if (offDays.has(made.date))
      findings.push(
        createFinding(CALENDAR_CODES.dayOffAndWorkingDay, { date: made.date }, context(`workingDays.${i}.date`)),
      );
  });
  return findings;
}

/**
 * Reads a school calendar (學校行事曆) from YAML: the dates of each term's anchors, days off and
 * make-up working days. Never throws on user input; problems come back as findings with positions
 * (PR1001–PR1014 for the file, PR6020–PR6023 for the dates).
 */
export function parseCalendar(text: string, options: { readonly file?: string } = {}): ParsedCalendar {
  const { file } = options;
  const base = { ...(file !== undefined && { file }) };
  const read = readYamlMapping(text, { ...base, limits: CALENDAR_LIMITS, rule: 'calendar.load' });
  const { positions } = read;
  if (!read.data || !read.root) return { ...base, positions, findings: read.findings };
  const parsed = parseMapping(CalendarSchema, { ...read, data: read.data, root: read.root }, 'calendar.schema');
  if (!parsed.value) return { ...base, positions, findings: parsed.findings };
  const findings = semanticFindings(parsed.value, (path) => positions[path]);
  if (findings.some((finding) => finding.severity === 'error')) return { ...base, positions, findings };
  return { ...base, calendar: parsed.value, positions, findings };
}
