import {
  describeRule,
  ACTIVITY_NAMES,
  ACTIVITIES,
  formatTerm,
  resolveWindows,
  selectWindow,
  type Activity,
  type EffectivePack,
  type FindingBase,
  type Grade,
  type Localized,
  type PlainDate,
  type SchoolCalendar,
  type Source,
  type Term,
  type TermCode,
} from '@portfolio-rules/core';
import { WINDOW_CODES, unreachable } from '@portfolio-rules/core/internal';

/** One window of the pack in one term, resolved to dates for the grades it governs, or unresolved with the reason. */
export interface TimelineEntry {
  readonly term: TermCode;
  readonly semester: 1 | 2;
  readonly activity: Activity;
  /** The activity's name in both languages. */
  readonly name: Localized;
  readonly grades: readonly Grade[];
  /** Inclusive; absent when the window only has a deadline. */
  readonly opens?: PlainDate;
  /** Inclusive; absent when the window is unresolved. */
  readonly closes?: PlainDate;
  /** The dates as the rule writes them: `休業式後2週`. */
  readonly rule: { readonly opens?: Localized; readonly closes: Localized };
  /** The window's place in the effective pack: `windows.<index>`. */
  readonly index: number;
  readonly source?: Source;
  readonly layer?: string;
  /** Set when the window could not be resolved: the finding that says why (PR6001, PR6007). */
  readonly unresolved?: FindingBase;
}

export interface Timeline {
  readonly academicYear: number;
  readonly entries: readonly TimelineEntry[];
  /** Findings about the windows and the calendar (PR60xx). */
  readonly findings: readonly FindingBase[];
}

/** The effective pack for each term of the year, or none when the pack does not apply then. */
export interface TermPack {
  readonly term: Term;
  readonly effective?: EffectivePack;
}

const UNRESOLVED: ReadonlySet<string> = new Set([WINDOW_CODES.anchorMissing.code, WINDOW_CODES.invalidMonthDay.code]);

const localized = (describe: (language: 'zh-TW' | 'en') => string): Localized => ({
  'zh-TW': describe('zh-TW'),
  en: describe('en'),
});

function ruleOf(effective: EffectivePack, index: number): TimelineEntry['rule'] {
  const window = effective.values.windows?.[index] ?? unreachable(`window ${index}`);
  const opens = window.opens;
  return {
    ...(opens !== undefined && { opens: localized((language) => describeRule(opens, language)) }),
    closes: localized((language) => describeRule(window.closes, language)),
  };
}

function termEntries(
  effective: EffectivePack,
  calendar: SchoolCalendar,
  term: Term,
): { entries: TimelineEntry[]; findings: readonly FindingBase[] } {
  const resolution = resolveWindows(effective, calendar, term);
  const windows = effective.values.windows ?? [];
  const base = (index: number, grades: readonly Grade[]) => {
    const activity = (windows[index] ?? unreachable(`window ${index}`)).activity;
    return {
      term: formatTerm(term),
      semester: term.semester,
      activity,
      name: ACTIVITY_NAMES[activity],
      grades,
      index,
      rule: ruleOf(effective, index),
    };
  };
  const resolved = resolution.windows.map((window): TimelineEntry => ({
    ...base(window.index, window.grades),
    ...(window.opens !== undefined && { opens: window.opens }),
    closes: window.closes,
    ...(window.source && { source: window.source }),
    ...(window.layer !== undefined && { layer: window.layer }),
  }));
  const unresolved = resolution.findings
    .filter((finding) => UNRESOLVED.has(finding.code) && finding.subject.startsWith('windows.'))
    .map((finding): TimelineEntry => {
      const index = Number(finding.subject.slice('windows.'.length));
      const activity = (windows[index] ?? unreachable(`window ${index}`)).activity;
      // PR6001 names the grades it failed for; PR6007 fails for every grade the window governs.
      const named = (finding.data as { grades?: readonly Grade[] }).grades;
      const grades =
        named ?? ([1, 2, 3] as const).filter((grade) => selectWindow(windows, activity, term, grade) === index);
      return {
        ...base(index, grades),
        ...(finding.source && { source: finding.source }),
        ...(finding.layer !== undefined && { layer: finding.layer }),
        unresolved: finding,
      };
    });
  return { entries: [...resolved, ...unresolved], findings: resolution.findings };
}

const order = (entry: TimelineEntry) =>
  [
    entry.unresolved ? 1 : 0,
    entry.opens ?? entry.closes ?? '',
    entry.closes ?? '',
    entry.term,
    ACTIVITIES.indexOf(entry.activity),
    entry.grades.join(''),
  ] as const;

function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  const left = order(a);
  const right = order(b);
  for (let i = 0; i < left.length; i++) {
    const a = left[i] ?? unreachable(`part ${i}`);
    const b = right[i] ?? unreachable(`part ${i}`);
    if (a < b) return -1;
    if (a > b) return 1;
  }
  return 0;
}

/**
 * Every window of the pack in both terms of an academic year, resolved on the school calendar by
 * core's `resolveWindows` (by grade where the dates differ), sorted by date. A window that cannot be
 * resolved is kept, unresolved, with its finding. With `grade`, only the windows governing that grade.
 */
export function buildTimeline(
  terms: readonly TermPack[],
  calendar: SchoolCalendar,
  options: { readonly grade?: Grade } = {},
): Timeline {
  const entries: TimelineEntry[] = [];
  const findings: FindingBase[] = [];
  for (const { term, effective } of terms) {
    if (!effective) continue;
    const result = termEntries(effective, calendar, term);
    entries.push(...result.entries);
    findings.push(...result.findings);
  }
  const { grade } = options;
  const kept = grade === undefined ? entries : entries.filter((entry) => entry.grades.includes(grade));
  return { academicYear: terms[0]?.term.year ?? calendar.academicYear, entries: kept.sort(compareEntries), findings };
}
