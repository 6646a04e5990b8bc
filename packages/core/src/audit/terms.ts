import type { SchoolCalendar } from '../calendar/schema';
import { type CapAction, type CapLimit, limitsFor } from '../caps/decide';
import { fileJudge } from '../caps/files';
import type { Finding } from '../catalogue';
import type { PortfolioItem } from '../records/items';
import { effectiveFor, type EffectivePack, type Resolution, rulesFor } from '../layering';
import type { StudentKind } from '../records';
import { parseTerm, type Term, termOfDate } from '../term';
import { resolveWindows, type ResolvedWindow } from '../windows';
import { Interner } from './store/interner';
import { unreachable } from '../_lib/unreachable';

/** What the audit needs of one term, computed once per term code (never per record). */
export interface TermInfo {
  readonly code: string;
  /** The code's number in the audit's compact state (`TermCache.indexOf`). */
  readonly index: number;
  readonly term: Term;
  readonly effective: EffectivePack;
  readonly limits: Readonly<Record<`${StudentKind}.${CapAction}`, readonly CapLimit[]>>;
  /** Per kind and action, each limit with the counter key of this term's period (built once here, not per record). */
  readonly counters: Readonly<Record<StudentKind, Readonly<Record<CapAction, readonly TermCounter[]>>>>;
  /** The judges of records' files and summaries, per kind (caps/files). */
  readonly files: Readonly<Record<StudentKind, (item: PortfolioItem) => readonly Finding[]>>;
  /** The certification window for grades 1–2 and for grade 3 (they differ in semester 2), when resolved. */
  readonly certification: { readonly other?: ResolvedWindow; readonly grade3?: ResolvedWindow };
  /** The term's windows resolved on the calendar of its academic year; undefined without one. */
  readonly windows?: readonly ResolvedWindow[];
}

/** A cap limit as counted for items of one term: its key includes the period the term falls in. */
export interface TermCounter {
  readonly action: CapAction;
  readonly limit: CapLimit;
  readonly period: string;
  readonly key: string;
}

/** The counters of a term: the period of a semester cap is the term, of a yearly cap the academic year. */
function countersOf(limits: TermInfo['limits'], code: string, year: number): TermInfo['counters'] {
  const of = (kind: StudentKind, action: CapAction): TermCounter[] =>
    limits[`${kind}.${action}`].map((limit) => {
      const period = limit.per === 'semester' ? code : String(year);
      return { action, limit, period, key: `${action}|${limit.rule}|${limit.max}|${limit.per}|${period}` };
    });
  return {
    courseOutcome: { upload: of('courseOutcome', 'upload'), select: of('courseOutcome', 'select') },
    diversePerformance: { upload: of('diversePerformance', 'upload'), select: of('diversePerformance', 'select') },
  };
}

export interface TermCache {
  /** Undefined for a code that is not a term (cannot happen for parsed records). */
  get(code: string): TermInfo | undefined;
  /** A small number for a term code, without judging the term (no calendar or pack looked up). */
  indexOf(code: string): number;
  /** The number of `<year>01`, the row of an academic year's diverse performances. */
  yearIndex(year: number): number;
  /** The info of `<year>01`, the term an academic year's rules are those of. */
  ofYear(year: number): TermInfo;
  codeOf(index: number): string;
  /** The term's info when `get` has been called for its code. */
  infoAt(index: number): TermInfo | undefined;
  /** The effective pack for the day's term. */
  forDate(date: string): EffectivePack;
  /** Academic years whose terms were looked up without a calendar for them. */
  readonly uncalendared: ReadonlySet<number>;
  /** Term codes outside the pack's period, with the layers of the rules that judged them. */
  readonly outside: ReadonlyMap<string, string>;
}

export function createTermCache(resolution: Resolution, calendars: readonly SchoolCalendar[]): TermCache {
  const cache = new Map<string, TermInfo | undefined>();
  const uncalendared = new Set<number>();
  const outside = new Map<string, string>();
  const byYear = new Map(calendars.map((calendar) => [calendar.academicYear, calendar]));
  const codes = new Interner();
  const years = new Map<number, number>();
  const byIndex: (TermInfo | undefined)[] = [];
  const yearIndex = (year: number): number => {
    let index = years.get(year);
    if (index === undefined) years.set(year, (index = codes.id(`${year}01`)));
    return index;
  };
  // Most records have the term of the record before them: that one is answered without a look-up.
  let lastCode: string | undefined;
  let lastInfo: TermInfo | undefined;
  const get = (code: string): TermInfo | undefined => {
    if (code === lastCode) return lastInfo;
    const cached = cache.get(code);
    if (cached !== undefined || cache.has(code)) {
      lastCode = code;
      lastInfo = cached;
      return cached;
    }
    const term = parseTerm(code);
    let info: TermInfo | undefined;
    if (term) {
      const effective = rulesFor(resolution, term);
      if (!effectiveFor(resolution, term)) outside.set(code, effective.layers.join(' → '));
      const calendar = byYear.get(term.year);
      if (!calendar) uncalendared.add(term.year);
      const limits: TermInfo['limits'] = {
        'courseOutcome.upload': limitsFor(effective, 'courseOutcome', 'upload'),
        'courseOutcome.select': limitsFor(effective, 'courseOutcome', 'select'),
        'diversePerformance.upload': limitsFor(effective, 'diversePerformance', 'upload'),
        'diversePerformance.select': limitsFor(effective, 'diversePerformance', 'select'),
      };
      info = {
        code,
        index: codes.id(code),
        term,
        effective,
        limits,
        counters: countersOf(limits, code, term.year),
        files: {
          courseOutcome: fileJudge(effective, 'courseOutcome'),
          diversePerformance: fileJudge(effective, 'diversePerformance'),
        },
        certification: {},
      };
      if (calendar) {
        const windows = resolveWindows(effective, calendar, term).windows;
        const find = (grade: 1 | 2 | 3) =>
          windows.find((window) => window.activity === 'courseOutcomeCertification' && window.grades.includes(grade));
        const other = find(1);
        const grade3 = find(3);
        info = { ...info, windows, certification: { ...(other && { other }), ...(grade3 && { grade3 }) } };
      }
    }
    cache.set(code, info);
    if (info) byIndex[info.index] = info;
    return info;
  };
  const ofYear = (year: number): TermInfo =>
    byIndex[yearIndex(year)] ?? get(`${year}01`) ?? unreachable(`year ${year}`);
  return {
    get,
    indexOf: (code) => codes.id(code),
    yearIndex,
    ofYear,
    codeOf: (index) => codes.value(index),
    infoAt: (index) => byIndex[index],
    forDate: (date) => rulesFor(resolution, termOfDate(date)),
    uncalendared,
    outside,
  };
}
