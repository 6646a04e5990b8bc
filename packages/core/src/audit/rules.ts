import { dayNumber, evaluateRules, type Facts, type FactValues } from '../expressions';
import { studentFactValues, type Tallies, termFactsOf, windowFacts, yearFactsOf } from '../expressions/facts';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { AuditState } from './state';
import type { TermTally } from './store/student-terms';
import { unreachable } from '../_lib/unreachable';

const NO_ITEMS: TermTally = { uploaded: 0, draft: 0, submitted: 0, certified: 0, rejected: 0, selected: 0 };
const NO_PERFORMANCES = { uploaded: 0, selected: 0, schoolEntered: 0 };

type PackFacts = readonly [EffectivePack, Facts | undefined];

/** Whose facts a walk builds: one pack's, of the kinds its rules are about, with the audit day as a day number. */
interface Wanted {
  readonly effective: EffectivePack;
  readonly abouts: ReadonlySet<Facts['about']>;
  readonly asOf: number;
}

/**
 * A student's facts with the effective pack of each, in order: terms, then academic years (so that
 * which of several equal findings is kept never depends on record order), into `out` (emptied first:
 * one list serves every student). Only the facts `wanted` are built; the others come as their pack alone.
 */
function studentFactsOf(state: AuditState, student: number, wanted: Wanted | undefined, out: PackFacts[]): void {
  out.length = 0;
  if (!state.roster.hasRecord(student)) return;
  const rows = state.studentTerms;
  const terms: [string, number][] = [];
  const performances = new Map<number, number>();
  for (let row = rows.first(student); row >= 0; row = rows.next(row)) {
    const code = state.terms.codeOf(rows.period(row));
    if (rows.hasTally(row)) terms.push([code, row]);
    if (rows.hasPerformances(row)) performances.set(Number(code.slice(0, -2)), row);
  }
  terms.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let values: FactValues['student'] | undefined;
  const years = new Set<number>(performances.keys());
  for (const [code, row] of terms) {
    const info = state.terms.get(code) ?? unreachable(`term ${code}`);
    const year = info.term.year;
    years.add(year);
    if (info.effective !== wanted?.effective || !wanted.abouts.has('studentTerm')) {
      out.push([info.effective, undefined]);
      continue;
    }
    values ??= studentFactValues(state.roster.record(student) ?? unreachable('the student record'));
    const yearly = performances.get(year);
    const tallies: Tallies = {
      student: values,
      asOf: wanted.asOf,
      courseOutcome: rows.tally(row) ?? unreachable('the term tally'),
      diversePerformance:
        yearly === undefined ? { ...NO_PERFORMANCES } : (rows.performances(yearly) ?? unreachable('the year tally')),
    };
    out.push([info.effective, termFactsOf(tallies, info.term, windowFacts(info.windows, code, values.grade))]);
  }
  for (const year of [...years].sort((a, b) => a - b)) {
    const effective = state.terms.ofYear(year).effective;
    if (effective !== wanted?.effective || !wanted.abouts.has('student')) {
      out.push([effective, undefined]);
      continue;
    }
    values ??= studentFactValues(state.roster.record(student) ?? unreachable('the student record'));
    const courseOutcome = { ...NO_ITEMS };
    for (const [code, row] of terms) {
      if (Number(code.slice(0, -2)) !== year) continue;
      const tally = rows.tally(row) ?? unreachable('the term tally');
      for (const key of Object.keys(courseOutcome) as (keyof TermTally)[]) courseOutcome[key] += tally[key];
    }
    const yearly = performances.get(year);
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
  for (let student = 0; student < state.roster.size && packs.size < possible; student++) {
    studentFactsOf(state, student, undefined, list);
    for (const [effective] of list) packs.add(effective);
  }
  const seen = new Set<string>();
  const asOf = dayNumber(state.asOf);
  for (const effective of packs) {
    const wanted: Wanted = {
      effective,
      abouts: new Set((effective.values.rules ?? []).map((rule) => rule.about ?? 'studentTerm')),
      asOf,
    };
    const facts: Iterable<Facts> = {
      *[Symbol.iterator]() {
        const facts: PackFacts[] = [];
        for (let student = 0; student < state.roster.size; student++) {
          studentFactsOf(state, student, wanted, facts);
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
