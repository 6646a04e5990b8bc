import { compareDates, dateParts, plainDate, type PlainDate } from '../_lib/date';
import type { Language } from '../findings/types';

/**
 * A term (學期): ROC academic year (學年度, starts 1 August) and semester 1 (Aug–Jan) or 2 (Feb–Jul).
 * The central database writes it as a 5-digit code: `11201` = 112學年度第1學期.
 */
export interface Term {
  readonly year: number;
  readonly semester: 1 | 2;
}

/** The 5-digit term code, e.g. `11201`. */
export type TermCode = string;

const ROC_OFFSET = 1911;
const CODE = /^(\d{2,3})0([12])$/;
const DASHED = /^(\d{2,3})\s*-\s*([12])$/;

/** Reads `11201`, `112-1` or the number 11201 (YAML reads an unquoted 11201 as a number). */
export function parseTerm(input: unknown): Term | undefined {
  const text =
    typeof input === 'number' && Number.isInteger(input)
      ? String(input)
      : typeof input === 'string'
        ? input.trim()
        : undefined;
  if (text === undefined) return undefined;
  const match = CODE.exec(text) ?? DASHED.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  // The code writes the year in two or three digits: a year below 10 (`00101`) could not be written back.
  if (year < 10) return undefined;
  return { year, semester: match[2] === '1' ? 1 : 2 };
}

export function formatTerm(term: Term): TermCode {
  return `${term.year}0${term.semester}`;
}

function rocToGregorian(rocYear: number): number {
  return rocYear + ROC_OFFSET;
}

function gregorianToRoc(year: number): number {
  return year - ROC_OFFSET;
}

/** The academic year (ROC) a day falls in: 1 August starts a new one. */
export function academicYearOfDate(date: PlainDate): number {
  const { year, month } = dateParts(date);
  return gregorianToRoc(month >= 8 ? year : year - 1);
}

export function termOfDate(date: PlainDate): Term {
  const { month } = dateParts(date);
  return { year: academicYearOfDate(date), semester: month >= 8 || month === 1 ? 1 : 2 };
}

/** First day of the term: 1 August (semester 1) or 1 February (semester 2). */
export function termStart(term: Term): PlainDate {
  const gregorian = rocToGregorian(term.year);
  return term.semester === 1 ? plainDate(gregorian, 8, 1) : plainDate(gregorian + 1, 2, 1);
}

/** Last day of the term: 31 January (semester 1) or 31 July (semester 2). */
export function termEnd(term: Term): PlainDate {
  const gregorian = rocToGregorian(term.year) + 1;
  return term.semester === 1 ? plainDate(gregorian, 1, 31) : plainDate(gregorian, 7, 31);
}

export function nextTerm(term: Term): Term {
  return term.semester === 1 ? { year: term.year, semester: 2 } : { year: term.year + 1, semester: 1 };
}

export function previousTerm(term: Term): Term {
  return term.semester === 2 ? { year: term.year, semester: 1 } : { year: term.year - 1, semester: 2 };
}

export function compareTerms(a: Term, b: Term): number {
  return a.year !== b.year ? a.year - b.year : a.semester - b.semester;
}

export function isDateInTerm(date: PlainDate, term: Term): boolean {
  return compareDates(termStart(term), date) <= 0 && compareDates(date, termEnd(term)) <= 0;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An academic year in words: `112學年度`; `academic year 112 (2023–24)`. */
export function academicYearWords(year: number, language: Language): string {
  if (language === 'zh-TW') return `${year}學年度`;
  const first = rocToGregorian(year);
  return `academic year ${year} (${first}–${String(first + 1).slice(-2)})`;
}

/** A term in words, as schools write it: `112學年度第1學期`; `semester 1 of academic year 112 (2023–24)`. */
export function termWords(term: Term, language: Language): string {
  return language === 'zh-TW'
    ? `${academicYearWords(term.year, language)}第${term.semester}學期`
    : `semester ${term.semester} of ${academicYearWords(term.year, language)}`;
}

/** A day of a month in words: `8月31日`; `31 August`. */
export function monthDayWords(month: number, day: number, language: Language): string {
  return language === 'zh-TW' ? `${month}月${day}日` : `${day} ${MONTH_NAMES[month - 1] ?? String(month)}`;
}

/**
 * A day in words: in zh-TW the ROC date schools write, `113年1月19日` (with `era`, the formal
 * `中華民國113年1月19日`); in English `19 January 2024`.
 */
export function dateWords(date: PlainDate, language: Language, options: { readonly era?: boolean } = {}): string {
  const { year, month, day } = dateParts(date);
  if (language === 'en') return `${monthDayWords(month, day, language)} ${year}`;
  return `${options.era ? '中華民國' : ''}${gregorianToRoc(year)}年${monthDayWords(month, day, language)}`;
}
