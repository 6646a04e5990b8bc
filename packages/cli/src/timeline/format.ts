import {
  gradesText,
  type EffectivePack,
  formatSource,
  formatTerm,
  type Language,
  parseTerm,
  type TermCode,
} from '@portfolio-rules/core';
import { alignColumns } from '../_lib/width';
import { jsonText, jsonTool, JSON_OUTPUT_VERSION } from '../formatters/json';
import { type Report, summarize } from '../formatters/report';
import { oneLine, showControls } from '../formatters/safe-text';
import { formatStylish } from '../formatters/stylish';
import type { Timeline, TimelineEntry } from './build';

/** What the command knows besides the timeline: the files and the pack, and every finding by file. */
export interface TimelineDocument {
  readonly packFile: string;
  readonly calendarFile: string;
  readonly effective: EffectivePack;
  /** The data terms the year covers (its two semesters), and whether the pack applies to each. */
  readonly terms: readonly { readonly term: TermCode; readonly covered: boolean }[];
  /** The data terms the calendar gives dates for (a calendar of 112 lists 111-2's data too: it is submitted in October 2023). */
  readonly calendarTerms: readonly TermCode[];
  /** The calendar's own title, `112學年度行事曆`, when it gives one. */
  readonly calendarTitle?: string;
  readonly timeline: Timeline;
  readonly report: Report;
}

const TEXT = {
  'zh-TW': {
    title: (year: number) => `${year}學年度作業期程`,
    calendar: '行事曆',
    columns: ['開始', '截止', '資料學期', '年級', '作業項目', '依據'],
    unresolved: '無法推算',
    none: '本規定未訂作業期程 (依全國期程)。',
    uncovered: '本規定不適用於這兩個資料學期。',
    terms: '資料學期',
    outside: (period: string) => `不在本規定適用期間 ${period}`,
    elsewhere: (terms: string, year: number) => `本行事曆另列 ${terms} 之資料日期 (見 --year ${year})`,
    list: '、',
    tally: (resolved: number, unresolved: number) =>
      `共 ${resolved} 個期程${unresolved > 0 ? `，${unresolved} 個無法推算` : ''}`,
  },
  en: {
    title: (year: number) => `windows of academic year ${year}`,
    calendar: 'calendar',
    columns: ['opens', 'closes', 'data term', 'grades', 'activity', 'clause'],
    unresolved: 'unresolved',
    none: 'The pack sets no windows (the national schedule applies).',
    uncovered: 'The pack applies to neither data term.',
    terms: 'data terms',
    outside: (period: string) => `outside the pack's period ${period}`,
    elsewhere: (terms: string, year: number) =>
      `the calendar also gives dates for ${terms}'s data (see --year ${year})`,
    list: ', ',
    tally: (resolved: number, unresolved: number) =>
      `${resolved} window${resolved === 1 ? '' : 's'}${unresolved > 0 ? `, ${unresolved} unresolved` : ''}`,
  },
} as const;

function row(entry: TimelineEntry, language: Language): string[] {
  const clause = entry.source ? formatSource(entry.source) : '';
  const opens = entry.unresolved ? TEXT[language].unresolved : (entry.opens ?? '—');
  return [opens, entry.closes ?? '—', entry.term, gradesText(entry.grades, language), entry.name[language], clause].map(
    oneLine,
  );
}

/** Which data terms the year covers, those the pack does not apply to, and the calendar's other data terms. */
function coverage(document: TimelineDocument, language: Language): string[] {
  const text = TEXT[language];
  const colon = language === 'zh-TW' ? '：' : ': ';
  const { appliesFrom, appliesUntil } = document.effective;
  const period = `${appliesFrom ? formatTerm(appliesFrom) : ''}–${appliesUntil ? formatTerm(appliesUntil) : ''}`;
  const terms = document.terms.map(({ term, covered }) => (covered ? term : `${term} (${text.outside(period)})`));
  const own = new Set(document.terms.map(({ term }) => term));
  const byYear = new Map<number, TermCode[]>();
  for (const term of document.calendarTerms) {
    const year = parseTerm(term)?.year;
    if (own.has(term) || year === undefined) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), term]);
  }
  return [
    `${text.terms}${colon}${terms.join(text.list)}`,
    ...[...byYear].map(([year, listed]) => text.elsewhere(listed.join(text.list), year)),
  ];
}

/** The timeline as a table sorted by date, then the unresolved windows with their findings, then a tally. */
export function formatTimelineText(document: TimelineDocument, language: Language): string {
  const text = TEXT[language];
  const colon = language === 'zh-TW' ? '：' : ': ';
  const { entries } = document.timeline;
  const header = [
    `${document.effective.name} · ${text.title(document.timeline.academicYear)}`,
    `${text.calendar}${colon}${document.calendarTitle ? `${document.calendarTitle} · ` : ''}${document.calendarFile}`,
    ...coverage(document, language),
  ].map(oneLine);
  const rows = [[...text.columns], ...entries.map((entry) => row(entry, language))];
  const table = alignColumns(rows).lines;
  const covered = document.terms.some((term) => term.covered);
  const body = entries.length > 0 ? table : [covered ? text.none : text.uncovered];
  const resolved = entries.filter((entry) => !entry.unresolved).length;
  const findings = document.report.files.some((file) => file.findings.length > 0)
    ? ['', formatStylish(document.report, language).trimEnd()]
    : [];
  return showControls(
    [...header, '', ...body, '', text.tally(resolved, entries.length - resolved), ...findings, ''].join('\n'),
  );
}

/** The timeline as JSON (docs/reference/timeline-and-render.md): versioned, both languages, dates as `YYYY-MM-DD`. */
export function formatTimelineJson(document: TimelineDocument, exitCode: number): string {
  return jsonText(timelineJson(document, exitCode));
}

/** What `timeline --format json` prints. */
export type TimelineJson = ReturnType<typeof timelineJson>;

function timelineJson(document: TimelineDocument, exitCode: number) {
  const { effective, timeline } = document;
  return {
    version: JSON_OUTPUT_VERSION,
    tool: jsonTool(),
    command: 'timeline' as const,
    file: document.packFile,
    pack: { id: effective.id, name: effective.name, document: effective.document },
    calendar: { file: document.calendarFile, title: document.calendarTitle ?? null },
    academicYear: timeline.academicYear,
    terms: document.terms,
    calendarTerms: document.calendarTerms,
    entries: timeline.entries.map((entry) => ({
      term: entry.term,
      semester: entry.semester,
      activity: entry.activity,
      name: entry.name,
      grades: entry.grades,
      opens: entry.opens ?? null,
      closes: entry.closes ?? null,
      rule: { opens: entry.rule.opens ?? null, closes: entry.rule.closes },
      window: `windows.${entry.index}`,
      source: entry.source ?? null,
      layer: entry.layer ?? null,
      unresolved: entry.unresolved ?? null,
    })),
    files: document.report.files.map(({ file, findings }) => ({ file, findings })),
    summary: { ...summarize(document.report), exitCode },
  };
}
