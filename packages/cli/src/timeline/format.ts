import { type EffectivePack, formatSource, type Language } from '@portfolio-rules/core';
import { alignColumns } from '../_lib/width';
import { jsonText, jsonTool, JSON_OUTPUT_VERSION } from '../formatters/json';
import { type Report, summarize } from '../formatters/report';
import { oneLine, showControls } from '../formatters/safe-text';
import { formatStylish } from '../formatters/stylish';
import type { Timeline, TimelineEntry } from './build';
import { gradesText } from './words';

/** What the command knows besides the timeline: the files and the pack, and every finding by file. */
export interface TimelineDocument {
  readonly packFile: string;
  readonly calendarFile: string;
  readonly effective: EffectivePack;
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
    tally: (resolved: number, unresolved: number) =>
      `共 ${resolved} 個期程${unresolved > 0 ? `，${unresolved} 個無法推算` : ''}`,
  },
  en: {
    title: (year: number) => `windows of academic year ${year}`,
    calendar: 'calendar',
    columns: ['opens', 'closes', 'data term', 'grades', 'activity', 'clause'],
    unresolved: 'unresolved',
    none: 'The pack sets no windows (the national schedule applies).',
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

/** The timeline as a table sorted by date, then the unresolved windows with their findings, then a tally. */
export function formatTimelineText(document: TimelineDocument, language: Language): string {
  const text = TEXT[language];
  const colon = language === 'zh-TW' ? '：' : ': ';
  const { entries } = document.timeline;
  const header = [
    `${document.effective.name} · ${text.title(document.timeline.academicYear)}`,
    `${text.calendar}${colon}${document.calendarTitle ? `${document.calendarTitle} · ` : ''}${document.calendarFile}`,
  ].map(oneLine);
  const rows = [[...text.columns], ...entries.map((entry) => row(entry, language))];
  const table = alignColumns(rows).lines;
  const body = entries.length === 0 ? [text.none] : table;
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
  const { effective, timeline } = document;
  const output = {
    version: JSON_OUTPUT_VERSION,
    tool: jsonTool(),
    command: 'timeline',
    file: document.packFile,
    pack: { id: effective.id, name: effective.name, document: effective.document },
    calendar: { file: document.calendarFile, title: document.calendarTitle ?? null },
    academicYear: timeline.academicYear,
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
  return jsonText(output);
}
