import { addCalendarDays, daysBetween } from '../_lib/date';
import { anchorsFor, termOfEntry } from '../calendar';
import type { SchoolCalendar } from '../calendar/schema';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import { valueAtPath } from '../layering/merge';
import { formatTerm, parseTerm, type Term } from '../term';
import { WINDOW_CODES } from './codes';
import { boundsByDates, boundsWithoutCalendar, daysOpen, offsetFrom } from './bounds';
import { NATIONAL_WINDOW_MINIMUMS, type WindowMinimum } from './minimums';
import { placeWindowFindings, type WindowPlaces } from './place';
import { GRADES, type ResolvedWindow, resolveWindows, selectWindow, windowProvenance } from './resolve';
import type { Grade, Window } from './schema';
import { unreachable } from '../_lib/unreachable';

type Minimum<K extends WindowMinimum['kind']> = Extract<WindowMinimum, { kind: K }>;

/** The days a minOpenDays minimum requires: the national bound, or the pack's tighter value at the same path. */
function requiredDays(effective: EffectivePack, minimum: Minimum<'minOpenDays'>): number {
  const bound = effective.bounds.find((candidate) => candidate.kind === 'min' && candidate.path === minimum.boundPath);
  const own = valueAtPath(effective.values, minimum.boundPath);
  return Math.max(bound?.kind === 'min' ? bound.min : 0, typeof own === 'number' ? own : 0);
}

function context(effective: EffectivePack, index: number, nationalSource: Source) {
  const own = windowProvenance(effective, index);
  return {
    rule: 'windows.national',
    subject: `windows.${index}`,
    source: nationalSource,
    layer: effective.national.layer,
    ...(own.layer && { related: [{ layer: own.layer, ...(own.source && { source: own.source }) }] }),
  };
}

const cited = (source: Source | undefined) => (source ? { source } : {});

/** The (semester, grade) pairs a window governs once more specific windows have taken theirs. */
function governed(windows: readonly Window[], index: number): { semester: 1 | 2; grade: Grade }[] {
  const window = windows[index] ?? unreachable(`window ${index}`);
  return ([1, 2] as const).flatMap((semester) =>
    GRADES.filter((grade) => selectWindow(windows, window.activity, semester, grade) === index).map((grade) => ({
      semester,
      grade,
    })),
  );
}

/** A window whose `terms` are all outside its `semesters` (PR6013). */
function neverApplies(effective: EffectivePack, window: Window, index: number): Finding | undefined {
  if (!window.terms || !window.semesters) return undefined;
  const semesters = window.semesters;
  const terms = window.terms.map((input) => parseTerm(input)).filter((term) => term !== undefined);
  if (terms.some((term) => semesters.includes(term.semester))) return undefined;
  const own = windowProvenance(effective, index);
  return createFinding(
    WINDOW_CODES.neverApplies,
    { activity: window.activity, terms: terms.map(formatTerm), semesters, ...cited(own.source) },
    { rule: `windows.${window.activity}`, subject: `windows.${index}`, ...own },
  );
}

/** Lengths and deadlines that can be told from the pack alone, e.g. `closes: {anchor: closingCeremony, weeks: 1}` for the upload. */
function symbolic(effective: EffectivePack, withCalendar: boolean): Finding[] {
  const windows = effective.values.windows ?? [];
  const findings: Finding[] = [];
  windows.forEach((window, index) => {
    const own = windowProvenance(effective, index).source;
    const never = neverApplies(effective, window, index);
    if (never) findings.push(never);
    for (const minimum of NATIONAL_WINDOW_MINIMUMS) {
      if (minimum.kind === 'minOpenDays' && window.activity === minimum.activity) {
        const required = requiredDays(effective, minimum);
        const declared = window.minDays;
        const days = [declared, withCalendar ? undefined : daysOpen(window)].filter(
          (d): d is number => d !== undefined && d < required,
        );
        if (days.length > 0)
          findings.push(
            createFinding(
              WINDOW_CODES.tooShort,
              {
                activity: window.activity,
                days: Math.min(...days),
                required,
                nationalSource: minimum.source,
                ...cited(own),
              },
              context(effective, index, minimum.source),
            ),
          );
      }
      if (withCalendar) continue;
      if (minimum.kind === 'closesNoEarlierThan' && window.activity === minimum.activity) {
        const offset = offsetFrom(window.closes, minimum.anchor);
        const grades = [
          ...new Set(
            governed(windows, index)
              .filter((pair) => !minimum.except.some((e) => e.grade === pair.grade && e.semester === pair.semester))
              .map((pair) => pair.grade),
          ),
        ];
        if (offset !== undefined && offset < minimum.weeks * 7 && grades.length > 0) {
          findings.push(
            createFinding(
              WINDOW_CODES.closesTooEarly,
              {
                activity: window.activity,
                closes: window.closes,
                anchor: minimum.anchor,
                weeks: minimum.weeks,
                grades,
                nationalSource: minimum.source,
                ...cited(own),
              },
              context(effective, index, minimum.source),
            ),
          );
        }
      }
      if (minimum.kind === 'closesNoLaterThan' && minimum.activities.includes(window.activity)) {
        const rule = window.closes;
        const after =
          typeof rule === 'object' &&
          'anchor' in rule &&
          minimum.anchors.includes(rule.anchor) &&
          ((rule.weeks ?? 0) * 7 + (rule.days ?? 0) > 0 || (rule.workingDays ?? 0) > 0);
        if (after)
          findings.push(
            createFinding(
              WINDOW_CODES.afterNationalDeadline,
              {
                activity: window.activity,
                closes: rule,
                anchor: rule.anchor,
                nationalSource: minimum.source,
                ...cited(own),
              },
              context(effective, index, minimum.source),
            ),
          );
      }
    }
  });
  return findings;
}

/** The date checks for one resolved window of one term. */
function byDates(effective: EffectivePack, calendar: SchoolCalendar, term: Term, window: ResolvedWindow): Finding[] {
  const findings: Finding[] = [];
  const own = cited(window.source);
  const length = window.opens === undefined ? undefined : daysBetween(window.opens, window.closes) + 1;
  if (length !== undefined && window.minDays !== undefined && length < window.minDays) {
    findings.push(
      createFinding(
        WINDOW_CODES.tooShort,
        { activity: window.activity, days: length, required: window.minDays, term: window.term, ...own },
        {
          rule: `windows.${window.activity}`,
          subject: `windows.${window.index}`,
          ...windowProvenance(effective, window.index),
        },
      ),
    );
  }
  for (const minimum of NATIONAL_WINDOW_MINIMUMS) {
    if (minimum.kind === 'minOpenDays' && window.activity === minimum.activity && length !== undefined) {
      const required = requiredDays(effective, minimum);
      if (length < required)
        findings.push(
          createFinding(
            WINDOW_CODES.tooShort,
            {
              activity: window.activity,
              days: length,
              required,
              term: window.term,
              nationalSource: minimum.source,
              ...own,
            },
            context(effective, window.index, minimum.source),
          ),
        );
    }
    if (minimum.kind === 'closesNoEarlierThan' && window.activity === minimum.activity) {
      const late = new Map<string, Grade[]>();
      for (const grade of window.grades) {
        if (minimum.except.some((e) => e.grade === grade && e.semester === term.semester)) continue;
        const anchor = anchorsFor(calendar, term, grade)?.[minimum.anchor];
        if (anchor === undefined) continue;
        const earliest = addCalendarDays(anchor, minimum.weeks * 7);
        if (window.closes < earliest) late.set(earliest, [...(late.get(earliest) ?? []), grade]);
      }
      for (const [earliest, grades] of late) {
        findings.push(
          createFinding(
            WINDOW_CODES.closesTooEarly,
            {
              activity: window.activity,
              closes: window.closes,
              earliest,
              anchor: minimum.anchor,
              weeks: minimum.weeks,
              term: window.term,
              grades,
              nationalSource: minimum.source,
              ...own,
            },
            context(effective, window.index, minimum.source),
          ),
        );
      }
    }
    if (minimum.kind === 'closesNoLaterThan' && minimum.activities.includes(window.activity)) {
      const missed = new Map<string, { anchor: string; deadline: string }>();
      for (const grade of window.grades) {
        const anchors = anchorsFor(calendar, term, grade) ?? {};
        const anchor = minimum.anchors.find((candidate) => anchors[candidate] !== undefined);
        const deadline = anchor && anchors[anchor];
        if (anchor && deadline && window.closes > deadline) missed.set(`${anchor}|${deadline}`, { anchor, deadline });
      }
      for (const { anchor, deadline } of missed.values()) {
        findings.push(
          createFinding(
            WINDOW_CODES.afterNationalDeadline,
            {
              activity: window.activity,
              closes: window.closes,
              deadline,
              anchor,
              term: window.term,
              nationalSource: minimum.source,
              ...own,
            },
            context(effective, window.index, minimum.source),
          ),
        );
      }
    }
  }
  return findings;
}

/**
 * Checks a pack's windows against the national minimums ({@link NATIONAL_WINDOW_MINIMUMS}) and the
 * `windowBounds` of every layer (PR6014; PR6015 where no window answers a bound). Without a
 * calendar it compares what the pack alone tells (anchor offsets, absolute dates, declared minDays);
 * with a calendar it resolves the windows of every data term the calendar gives anchors for (the
 * national deadline of 11201's data is in March 2024) and compares dates, reporting missing anchors too.
 * Given the pack's own windows and positions (`places`), a finding about a window or bound the pack
 * wrote carries its line and column.
 */
export function checkWindows(effective: EffectivePack, calendar?: SchoolCalendar, places?: WindowPlaces): Finding[] {
  const findings = [
    ...symbolic(effective, calendar !== undefined),
    ...boundsWithoutCalendar(effective, calendar !== undefined),
  ];
  if (!calendar) return placeWindowFindings(effective, findings, places);
  for (const entry of calendar.terms) {
    const term = termOfEntry(calendar, entry);
    const resolution = resolveWindows(effective, calendar, term);
    findings.push(...resolution.findings);
    for (const window of resolution.windows)
      findings.push(...byDates(effective, calendar, term, window), ...boundsByDates(effective, calendar, term, window));
  }
  return placeWindowFindings(effective, findings, places);
}
