import { dayNumber, evaluateRules, type Facts, type FactValues } from '../expressions';
import { studentFactValues, type Tallies, termFactsOf, windowFacts, yearFactsOf } from '../expressions/facts';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { AuditState } from './state';
import type { TermTally } from './store/student-terms';
import type { TermInfo } from './terms';
import { unreachable } from '../_lib/unreachable';

const NO_ITEMS: TermTally = { uploaded: 0, draft: 0, submitted: 0, certified: 0, rejected: 0, selected: 0 };
const NO_PERFORMANCES = { uploaded: 0, selected: 0, schoolEntered: 0 };

type PackFacts = readonly [EffectivePack, Facts | undefined];

/** Whose facts a walk builds: one pack's, of the kinds its rules are about, with the audit day as a day number. */
interface Wanted {
  readonly effective: EffectivePack;
  readonly abouts: ReadonlySet<Facts['about']>;
  readonly asOf: number;
  /** The windows facts of a term for a grade, built once for every student of the grade in the term. */
  readonly windows: Map<TermInfo, Map<number, FactValues['windows']>>;
}

/** Lists one walk reuses for every student, so that a student's facts cost no list of their own. */
interface Scratch {
  /** The student's terms with course outcomes, in order of their codes, and their rows. */
  readonly codes: string[];
  readonly termRows: number[];
  /** The academic years with diverse performances, and their rows. */
  readonly performanceYears: number[];
  readonly performanceRows: number[];
  /** Every academic year of either, in order. */
  readonly years: number[];
}

const createScratch = (): Scratch => ({
  codes: [],
  termRows: [],
  performanceYears: [],
  performanceRows: [],
  years: [],
});

/** Puts `value` at `at`, moving the rest up (splice would make a list of what it removed, copyWithin is slower on a handful). */
function insertAt<T>(list: T[], at: number, value: T): void {
  list.push(value);
  for (let index = list.length - 1; index > at; index--) list[index] = list[index - 1] as T;
  list[at] = value;
}

/** Inserts `year` into the ordered `years` unless it is there. */
function addYear(years: number[], year: number): void {
  let at = years.length;
  while (at > 0 && (years[at - 1] ?? unreachable('a year')) > year) at--;
  if (at === 0 || years[at - 1] !== year) insertAt(years, at, year);
}

/** The row of the year's diverse performances, or undefined. */
function performancesOf(scratch: Scratch, year: number): number | undefined {
  const at = scratch.performanceYears.lastIndexOf(year);
  return at < 0 ? undefined : scratch.performanceRows[at];
}

const yearOfCode = (code: string): number => Number(code.slice(0, -2));

function windowsOf(wanted: Wanted, info: TermInfo, code: string, grade: number): FactValues['windows'] {
  let byGrade = wanted.windows.get(info);
  if (!byGrade) wanted.windows.set(info, (byGrade = new Map<number, FactValues['windows']>()));
  let windows = byGrade.get(grade);
  if (!windows) byGrade.set(grade, (windows = windowFacts(info.windows, code, grade)));
  return windows;
}

/**
 * A student's facts with the effective pack of each, in order: terms, then academic years (so that
 * which of several equal findings is kept never depends on record order), into `out` (emptied first:
 * one list serves every student). Only the facts `wanted` are built; the others come as their pack alone.
 */
function studentFactsOf(
  state: AuditState,
  student: number,
  wanted: Wanted | undefined,
  out: PackFacts[],
  scratch: Scratch,
): void {
  out.length = 0;
  if (!state.roster.hasRecord(student)) return;
  const rows = state.studentTerms;
  const { codes, termRows, performanceYears, performanceRows, years } = scratch;
  codes.length = termRows.length = performanceYears.length = performanceRows.length = years.length = 0;
  for (let row = rows.first(student); row >= 0; row = rows.next(row)) {
    const code = state.terms.codeOf(rows.period(row));
    if (rows.hasTally(row)) {
      // In order of the codes as text (a student has a handful of terms: no sort, no pair per term).
      let at = codes.length;
      while (at > 0 && (codes[at - 1] ?? unreachable('a code')) > code) at--;
      insertAt(codes, at, code);
      insertAt(termRows, at, row);
    }
    if (rows.hasPerformances(row)) {
      const year = yearOfCode(code);
      performanceYears.push(year);
      performanceRows.push(row);
      addYear(years, year);
    }
  }
  let values: FactValues['student'] | undefined;
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index] ?? unreachable('a code');
    const row = termRows[index] ?? unreachable('a row');
    const info = state.terms.get(code) ?? unreachable(`term ${code}`);
    const year = info.term.year;
    addYear(years, year);
    if (info.effective !== wanted?.effective || !wanted.abouts.has('studentTerm')) {
      out.push([info.effective, undefined]);
      continue;
    }
    values ??= studentFactValues(state.roster.record(student) ?? unreachable('the student record'));
    const yearly = performancesOf(scratch, year);
    const tallies: Tallies = {
      student: values,
      asOf: wanted.asOf,
      courseOutcome: rows.tally(row) ?? unreachable('the term tally'),
      diversePerformance:
        yearly === undefined ? { ...NO_PERFORMANCES } : (rows.performances(yearly) ?? unreachable('the year tally')),
    };
    out.push([info.effective, termFactsOf(tallies, info.term, windowsOf(wanted, info, code, values.grade))]);
  }
  for (const year of years) {
    const effective = state.terms.ofYear(year).effective;
    if (effective !== wanted?.effective || !wanted.abouts.has('student')) {
      out.push([effective, undefined]);
      continue;
    }
    values ??= studentFactValues(state.roster.record(student) ?? unreachable('the student record'));
    const courseOutcome = { ...NO_ITEMS };
    for (let index = 0; index < codes.length; index++) {
      if (yearOfCode(codes[index] ?? unreachable('a code')) !== year) continue;
      const tally = rows.tally(termRows[index] ?? unreachable('a row')) ?? unreachable('the term tally');
      courseOutcome.uploaded += tally.uploaded;
      courseOutcome.draft += tally.draft;
      courseOutcome.submitted += tally.submitted;
      courseOutcome.certified += tally.certified;
      courseOutcome.rejected += tally.rejected;
      courseOutcome.selected += tally.selected;
    }
    const yearly = performancesOf(scratch, year);
    const diversePerformance =
      yearly === undefined ? { ...NO_PERFORMANCES } : (rows.performances(yearly) ?? unreachable('the year tally'));
    out.push([effective, yearFactsOf({ student: values, asOf: wanted.asOf, courseOutcome, diversePerformance }, year)]);
  }
}

/**
 * The pack's custom rules (`rules:`), evaluated over the documented facts (docs/reference/custom-rules.md)
 * put together from the audit's per-student and per-student-term counters by the functions that put
 * `studentTermFacts` and `studentFacts` together from items (termFactsOf, yearFactsOf) — grouped by the effective pack of each term,
 * the packs in order of first use. The facts are built as each rule reads them, never all kept at once:
 * at Taipei's scale they would be hundreds of MiB for the heap to grow by.
 */
export function ruleFindings(state: AuditState, out: Finding[]): void {
  if (!state.resolution.versions.some((version) => (version.values.rules ?? []).length > 0)) return;
  const packs = new Set<EffectivePack>();
  // Every term's rules are one of these (rulesFor): once all are found, the rest of the students add none.
  const possible = new Set([...state.resolution.versions, ...(state.resolution.outside ?? [])]).size;
  const list: PackFacts[] = [];
  const scratch = createScratch();
  for (let student = 0; student < state.roster.size && packs.size < possible; student++) {
    studentFactsOf(state, student, undefined, list, scratch);
    for (const [effective] of list) packs.add(effective);
  }
  const seen = new Set<string>();
  const asOf = dayNumber(state.asOf);
  for (const effective of packs) {
    const wanted: Wanted = {
      effective,
      abouts: new Set((effective.values.rules ?? []).map((rule) => rule.about ?? 'studentTerm')),
      asOf,
      windows: new Map(),
    };
    const facts: Iterable<Facts> = {
      *[Symbol.iterator]() {
        const facts: PackFacts[] = [];
        const lists = createScratch();
        for (let student = 0; student < state.roster.size; student++) {
          studentFactsOf(state, student, wanted, facts, lists);
          for (const [, fact] of facts) if (fact) yield fact;
        }
      },
    };
    for (const finding of evaluateRules(effective, facts)) {
      const key = `${finding.code}|${finding.subject}|${finding.rule}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding);
    }
  }
}
