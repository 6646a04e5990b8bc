import { daysBetween, type PlainDate } from '../_lib/date';
import { anchorsFor } from '../calendar';
import type { SchoolCalendar } from '../calendar/schema';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { provenanceOf } from '../layering/merge';
import { formatTerm, parseTerm, type Term } from '../term';
import { WINDOW_CODES } from './codes';
import {
  GRADES,
  resolveDateRule,
  type ResolvedWindow,
  selectWindow,
  serves,
  windowContext,
  windowProvenance,
} from './resolve';
import type { DateRule, Grade, Window, WindowBound } from './schema';
import { unreachable } from '../_lib/unreachable';

/** `{anchor, days, weeks}` as calendar days from the anchor; undefined when working days make it depend on a calendar. */
export function offsetFrom(rule: DateRule | undefined, anchor: string): number | undefined {
  if (
    rule === undefined ||
    typeof rule === 'string' ||
    !('anchor' in rule) ||
    rule.anchor !== anchor ||
    rule.workingDays
  )
    return undefined;
  return (rule.weeks ?? 0) * 7 + (rule.days ?? 0);
}

/** How many days a window is open, when the pack alone tells: two fixed dates, or two offsets from the same anchor. */
export function daysOpen(window: Window): number | undefined {
  if (typeof window.opens === 'string' && typeof window.closes === 'string')
    return daysBetween(window.opens, window.closes) + 1;
  const anchor = typeof window.opens === 'object' && 'anchor' in window.opens ? window.opens.anchor : undefined;
  if (anchor === undefined) return undefined;
  const opens = offsetFrom(window.opens, anchor);
  const closes = offsetFrom(window.closes, anchor);
  return opens === undefined || closes === undefined ? undefined : closes - opens + 1;
}

/** Whether `closes` is no later than `after`, when the pack alone tells: two fixed dates, or two offsets from the same anchor. */
function closesTooEarly(closes: DateRule, after: DateRule): boolean {
  if (typeof closes === 'string' && typeof after === 'string') return closes <= after;
  if (typeof after !== 'object' || !('anchor' in after)) return false;
  const own = offsetFrom(closes, after.anchor);
  const bound = offsetFrom(after, after.anchor);
  return own !== undefined && bound !== undefined && own <= bound;
}

/** The data terms a bound is about, or the semesters when it names no term. */
function placesOf(bound: WindowBound): (Term | 1 | 2)[] {
  if (!bound.terms) return bound.semesters ?? [1, 2];
  return bound.terms
    .map((input) => parseTerm(input))
    .filter(
      (term): term is Term => term !== undefined && (!bound.semesters || bound.semesters.includes(term.semester)),
    );
}

function boundProvenance(effective: EffectivePack, index: number): { source?: Source; layer?: string } {
  const setBy = provenanceOf(effective.provenance, `windowBounds.${index}`);
  return { ...(setBy?.source && { source: setBy.source }), ...(setBy?.layer && { layer: setBy.layer }) };
}

/** The context of a finding about a window that breaks bound `index`: the bound's clause, the window's in `related`. */
function context(effective: EffectivePack, index: number, windowIndex: number) {
  const bound = boundProvenance(effective, index);
  const window = windowProvenance(effective, windowIndex);
  return {
    rule: `windowBounds.${index}`,
    subject: `windows.${windowIndex}`,
    ...bound,
    ...(window.layer && { related: [{ layer: window.layer, ...(window.source && { source: window.source }) }] }),
  };
}

type Broken = Omit<Parameters<typeof WINDOW_CODES.breaksBound.message>[0], 'boundSource' | 'source'>;

/** PR6014 for the window at `windowIndex` breaking bound `index`, citing both. */
function broken(effective: EffectivePack, index: number, windowIndex: number, params: Broken): Finding {
  const { source: boundSource } = boundProvenance(effective, index);
  const { source } = windowProvenance(effective, windowIndex);
  return createFinding(
    WINDOW_CODES.breaksBound,
    { ...params, ...(boundSource && { boundSource }), ...(source && { source }) },
    context(effective, index, windowIndex),
  );
}

/**
 * The bounds of every layer against the windows the pack sets, from the pack alone: a bound no
 * window answers (PR6015, for the grades left without one) and, without a calendar, a window whose
 * fixed dates or same-anchor offsets already break it (PR6014).
 */
export function boundsWithoutCalendar(effective: EffectivePack, withCalendar: boolean): Finding[] {
  const windows = effective.values.windows ?? [];
  const findings: Finding[] = [];
  (effective.values.windowBounds ?? []).forEach((bound, index) => {
    const missing = new Set<Grade>();
    const answered = new Map<number, Set<Grade>>();
    for (const place of placesOf(bound)) {
      for (const grade of bound.grades ?? GRADES) {
        const found = selectWindow(windows, bound.activity, place, grade);
        if (found === undefined) missing.add(grade);
        else answered.set(found, (answered.get(found) ?? new Set()).add(grade));
      }
    }
    const { source: boundSource } = boundProvenance(effective, index);
    if (missing.size > 0) {
      findings.push(
        createFinding(
          WINDOW_CODES.boundWithoutWindow,
          {
            activity: bound.activity,
            grades: [...missing].sort(),
            ...(bound.terms && { terms: placesOf(bound).map((term) => formatTerm(term as Term)) }),
            ...(bound.closesAfter !== undefined && { closesAfter: bound.closesAfter }),
            ...(bound.minDays !== undefined && { minDays: bound.minDays }),
            ...(boundSource && { boundSource }),
          },
          { rule: `windowBounds.${index}`, subject: `windowBounds.${index}`, ...boundProvenance(effective, index) },
        ),
      );
    }
    if (withCalendar) return;
    for (const [windowIndex, gradeSet] of answered) {
      const window = windows[windowIndex] ?? unreachable(`window ${windowIndex}`);
      const base = { activity: window.activity, grades: [...gradeSet].sort() };
      const days = daysOpen(window);
      if (bound.minDays !== undefined && days !== undefined && days < bound.minDays)
        findings.push(
          broken(effective, index, windowIndex, { ...base, requirement: 'minDays', days, minDays: bound.minDays }),
        );
      if (bound.closesAfter !== undefined && closesTooEarly(window.closes, bound.closesAfter))
        findings.push(
          broken(effective, index, windowIndex, {
            ...base,
            requirement: 'closesAfter',
            closes: window.closes,
            after: bound.closesAfter,
          }),
        );
    }
  });
  return findings;
}

/** The bounds against one resolved window of one data term, with the calendar's dates (PR6014). */
export function boundsByDates(
  effective: EffectivePack,
  calendar: SchoolCalendar,
  term: Term,
  window: ResolvedWindow,
): Finding[] {
  const findings: Finding[] = [];
  (effective.values.windowBounds ?? []).forEach((bound, index) => {
    if (bound.activity !== window.activity || !serves(bound, term)) return;
    const grades = window.grades.filter((grade) => !bound.grades || bound.grades.includes(grade));
    if (grades.length === 0) return;
    const base = { activity: window.activity, term: formatTerm(term) };
    const days = window.opens === undefined ? undefined : daysBetween(window.opens, window.closes) + 1;
    if (bound.minDays !== undefined && days !== undefined && days < bound.minDays)
      findings.push(
        broken(effective, index, window.index, {
          ...base,
          grades,
          requirement: 'minDays',
          days,
          minDays: bound.minDays,
        }),
      );
    const closesAfter = bound.closesAfter;
    if (closesAfter === undefined) return;
    const { workingDays } = windowContext(calendar, term);
    const early = new Map<PlainDate, Grade[]>();
    for (const grade of grades) {
      const after = resolveDateRule(closesAfter, anchorsFor(calendar, term, grade) ?? {}, term, workingDays);
      if ('date' in after && window.closes <= after.date)
        early.set(after.date, [...(early.get(after.date) ?? []), grade]);
    }
    for (const [after, late] of early)
      findings.push(
        broken(effective, index, window.index, {
          ...base,
          grades: late,
          requirement: 'closesAfter',
          closes: window.closes,
          after,
        }),
      );
  });
  return findings;
}
