import { addCalendarDays, isPlainDate, type PlainDate } from '../_lib/date';
import { anchorsFor, dataTermSpan } from '../calendar';
import type { SchoolCalendar } from '../calendar/schema';
import { indexWorkingDays, addWorkingDays, type WorkingDayIndex } from '../calendar/working-days';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';
import { formatTerm, parseTerm, type Term, type TermCode, termEnd, termStart } from '../term';
import { WINDOW_CODES } from './codes';
import { type Activity, ACTIVITIES, type Anchor, type DateRule, type Grade, type Window } from './schema';
import { unreachable } from '../_lib/unreachable';

export const GRADES: readonly Grade[] = [1, 2, 3];

/** A window of the effective pack resolved to dates for a term and the grades it governs there. */
export interface ResolvedWindow {
  /** Its place in the effective pack: `windows.<index>`. */
  readonly index: number;
  readonly activity: Activity;
  readonly term: TermCode;
  readonly grades: readonly Grade[];
  readonly opens?: PlainDate;
  /** Inclusive. */
  readonly closes: PlainDate;
  readonly minDays?: number;
  readonly source?: Source;
  readonly layer?: string;
}

export interface WindowResolution {
  readonly windows: readonly ResolvedWindow[];
  readonly findings: readonly Finding[];
}

type DateResult = { readonly date: PlainDate } | { readonly missing: Anchor } | { readonly invalidMonthDay: string };

/** Whether a window (or a bound on one) serves a data term: it lists the term in `terms` (or lists none) and its semester in `semesters` (or none). */
export function serves(window: Pick<Window, 'semesters' | 'terms'>, term: Term | 1 | 2): boolean {
  const semester = typeof term === 'number' ? term : term.semester;
  if (window.semesters && !window.semesters.includes(semester)) return false;
  if (!window.terms) return true;
  return window.terms.some((input) => {
    const listed = parseTerm(input);
    return (
      listed !== undefined &&
      (typeof term === 'number'
        ? listed.semester === term
        : listed.year === term.year && listed.semester === term.semester)
    );
  });
}

/**
 * Which window governs an activity for a grade, for the data of a term: a window naming the grade
 * beats one for all grades, then one naming the data term (`terms`) beats one that does not, then
 * one naming the semester beats one for both; among equals the later one wins. Given only a
 * semester (the year unknown), a window with `terms` serves every listed term of that semester.
 */
export function selectWindow(
  windows: readonly Window[],
  activity: Activity,
  term: Term | 1 | 2,
  grade: Grade,
): number | undefined {
  let best: number | undefined;
  let bestScore = -1;
  windows.forEach((window, index) => {
    if (window.activity !== activity || !serves(window, term)) return;
    if (window.grades && !window.grades.includes(grade)) return;
    const score = (window.grades ? 4 : 0) + (window.terms ? 2 : 0) + (window.semesters ? 1 : 0);
    if (score >= bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * A date rule on a term's anchors: `{anchor, weeks, days}` moves by calendar days first, then by
 * working days (weekends and the calendar's days off skipped, make-up days counted); a month-day is
 * the first such date on or after its `from` anchor — by default the term's start (the calendar's
 * termStart, else 1 Aug / 1 Feb); `from: termEnd` falls back to 31 Jan / 31 Jul likewise.
 */
export function resolveDateRule(
  rule: DateRule,
  anchors: Partial<Record<Anchor, PlainDate | undefined>>,
  term: Term,
  workingDays: WorkingDayIndex,
): DateResult {
  if (typeof rule === 'string') return { date: rule };
  if ('monthDay' in rule) {
    const from = rule.from ?? 'termStart';
    const start =
      anchors[from] ?? (from === 'termStart' ? termStart(term) : from === 'termEnd' ? termEnd(term) : undefined);
    if (start === undefined) return { missing: from };
    const year = Number(start.slice(0, 4));
    const candidates = [`${year}-${rule.monthDay}`, `${year + 1}-${rule.monthDay}`].filter(
      (date) => isPlainDate(date) && date >= start,
    );
    const date = candidates[0];
    return date ? { date } : { invalidMonthDay: rule.monthDay };
  }
  const base = anchors[rule.anchor];
  if (base === undefined) return { missing: rule.anchor };
  const moved = addCalendarDays(base, (rule.weeks ?? 0) * 7 + (rule.days ?? 0));
  return { date: rule.workingDays ? addWorkingDays(workingDays, moved, rule.workingDays) : moved };
}

export interface WindowContext {
  readonly calendar: SchoolCalendar;
  readonly term: Term;
  readonly workingDays: WorkingDayIndex;
}

export type OneResult =
  | { readonly opens?: PlainDate; readonly closes: PlainDate }
  | { readonly problem: { kind: 'missing'; anchor: Anchor } | { kind: 'invalidMonthDay'; monthDay: string } };

export function resolveOne(context: WindowContext, window: Window, grade: Grade): OneResult {
  const anchors = anchorsFor(context.calendar, context.term, grade) ?? {};
  const dates: PlainDate[] = [];
  for (const rule of [window.closes, ...(window.opens === undefined ? [] : [window.opens])]) {
    const result = resolveDateRule(rule, anchors, context.term, context.workingDays);
    if ('missing' in result) return { problem: { kind: 'missing', anchor: result.missing } };
    if ('invalidMonthDay' in result) return { problem: { kind: 'invalidMonthDay', monthDay: result.invalidMonthDay } };
    dates.push(result.date);
  }
  const [closes, opens] = dates as [PlainDate, PlainDate | undefined];
  return { closes, ...(opens !== undefined && { opens }) };
}

type Problem = Extract<OneResult, { problem: unknown }>['problem'];

/** The finding for a window that could not be resolved: a missing anchor (PR6001) or an impossible month-day (PR6007). */
export function problemFinding(
  effective: EffectivePack,
  index: number,
  problem: Problem,
  term: Term,
  grades: readonly Grade[],
): Finding {
  const activity = (effective.values.windows?.[index] ?? unreachable(`window ${index}`)).activity;
  const context = { rule: `windows.${activity}`, subject: `windows.${index}`, ...windowProvenance(effective, index) };
  return problem.kind === 'missing'
    ? createFinding(
        WINDOW_CODES.anchorMissing,
        { anchor: problem.anchor, term: formatTerm(term), activity, grades },
        context,
      )
    : createFinding(WINDOW_CODES.invalidMonthDay, { monthDay: problem.monthDay, activity }, context);
}

export function windowContext(calendar: SchoolCalendar, term: Term): WindowContext {
  return { calendar, term, workingDays: indexWorkingDays(calendar) };
}

export function windowProvenance(effective: EffectivePack, index: number): { source?: Source; layer?: string } {
  const setBy = provenanceOf(effective.provenance, `windows.${index}`);
  return { ...(setBy?.source && { source: setBy.source }), ...(setBy?.layer && { layer: setBy.layer }) };
}

export function wrongCalendar(calendar: SchoolCalendar, term: Term): Finding[] {
  if (anchorsFor(calendar, term)) return [];
  return [
    createFinding(
      WINDOW_CODES.wrongCalendar,
      { term: formatTerm(term), academicYear: calendar.academicYear },
      { rule: 'windows.calendar', subject: 'calendar' },
    ),
  ];
}

/**
 * Every window of the effective pack resolved to dates for the data of one term (`term` is the data
 * term: 11201's windows run from its start to its national submission in March 2024), against the
 * calendar's anchors for that term's data, by grade where the dates differ. A window with `terms`
 * resolves only for the terms it lists. Never throws: a missing anchor, an impossible month-day, a
 * window that closes before it opens or a fixed date outside the data term's span (PR6009) comes
 * back as a finding.
 */
export function resolveWindows(effective: EffectivePack, calendar: SchoolCalendar, term: Term): WindowResolution {
  const findings = wrongCalendar(calendar, term);
  if (findings.length > 0) return { windows: [], findings };
  const context = windowContext(calendar, term);
  const windows = effective.values.windows ?? [];
  const code = formatTerm(term);
  const groups = new Map<string, { index: number; opens?: PlainDate; closes: PlainDate; grades: Grade[] }>();
  const problems = new Map<string, { index: number; problem: Problem; grades: Grade[] }>();
  for (const activity of ACTIVITIES) {
    for (const grade of GRADES) {
      const index = selectWindow(windows, activity, term, grade);
      if (index === undefined) continue;
      const result = resolveOne(context, windows[index] ?? unreachable(`window ${index}`), grade);
      if ('problem' in result) {
        const key = `${index}|${JSON.stringify(result.problem)}`;
        const entry = problems.get(key) ?? { index, problem: result.problem, grades: [] };
        entry.grades.push(grade);
        problems.set(key, entry);
        continue;
      }
      const key = `${index}|${result.opens ?? ''}|${result.closes}`;
      const entry = groups.get(key) ?? { index, ...result, grades: [] };
      entry.grades.push(grade);
      groups.set(key, entry);
    }
  }

  const problemFindings = [...problems.values()].map(({ index, problem, grades }) =>
    problemFinding(effective, index, problem, term, grades),
  );

  const resolved = [...groups.values()].map(({ index, opens, closes, grades }): ResolvedWindow => {
    const window = windows[index] ?? unreachable(`window ${index}`);
    return {
      index,
      activity: window.activity,
      term: code,
      grades,
      ...(opens !== undefined && { opens }),
      closes,
      ...(window.minDays !== undefined && { minDays: window.minDays }),
      ...windowProvenance(effective, index),
    };
  });
  const inverted = resolved
    .filter((window) => window.opens !== undefined && window.opens > window.closes)
    .map((window) =>
      createFinding(
        WINDOW_CODES.closesBeforeOpens,
        {
          activity: window.activity,
          opens: window.opens ?? unreachable('opens'),
          closes: window.closes,
          term: code,
          ...(window.source && { source: window.source }),
        },
        {
          rule: `windows.${window.activity}`,
          subject: `windows.${window.index}`,
          ...windowProvenance(effective, window.index),
        },
      ),
    );
  const { first, last } = dataTermSpan(term);
  const outside = [...new Set(resolved.map((window) => window.index))].flatMap((index) => {
    const window = windows[index] ?? unreachable(`window ${index}`);
    return [window.opens, window.closes]
      .filter((rule): rule is string => typeof rule === 'string' && (rule < first || rule > last))
      .map((date) =>
        createFinding(
          WINDOW_CODES.dateOutsideYear,
          { activity: window.activity, date, term: code, academicYear: term.year, first, last },
          { rule: `windows.${window.activity}`, subject: `windows.${index}`, ...windowProvenance(effective, index) },
        ),
      );
  });
  return { windows: resolved, findings: [...problemFindings, ...inverted, ...outside] };
}
