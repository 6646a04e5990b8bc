import { type FindingBase, formatSource, type Language, type Severity } from '@portfolio-rules/core';
import { codeName } from '../codes';
import { codeFrame } from './code-frame';
import { byPosition, type Report, type Summary, summarize } from './report';
import { oneLine, showControls } from './safe-text';

const LABELS = {
  'zh-TW': { error: '錯誤', warning: '警告', info: '提示', source: '依據：', related: '相關：', value: '值為' },
  en: { error: 'error', warning: 'warning', info: 'info', source: 'clause: ', related: 'see also: ', value: 'value' },
} as const satisfies Record<Language, Record<Severity | 'source' | 'related' | 'value', string>>;

function where(finding: FindingBase, file: string): string {
  const position = finding.position;
  return oneLine(position ? `${position.file ?? file}:${position.line}:${position.column}` : file);
}

function citation(layer: string | undefined, source: FindingBase['source']): string {
  return oneLine([source && formatSource(source), layer].filter(Boolean).join(' · '));
}

/** One finding as a block: where, severity, code, message, clause and layer, related clauses, code frame. */
export function formatFinding(
  finding: FindingBase,
  file: string,
  language: Language,
  sources: ReadonlyMap<string, string>,
): string[] {
  const labels = LABELS[language];
  const name = codeName(finding.code);
  const lines = [
    `${where(finding, file)}  ${labels[finding.severity]}  ${finding.code}${name ? ` ${name}` : ''}`,
    `  ${oneLine(finding.message[language])}`,
  ];
  const own = citation(finding.layer, finding.source);
  if (own) lines.push(`  ${labels.source}${own}`);
  for (const related of finding.related ?? []) {
    const value = related.value === undefined ? '' : ` (${labels.value} ${oneLine(JSON.stringify(related.value))})`;
    lines.push(`  ${labels.related}${citation(related.layer, related.source)}${value}`);
  }
  const position = finding.position;
  const text = position && sources.get(position.file ?? file);
  if (position && text !== undefined) lines.push('', ...codeFrame(text, position.line, position.column, '  '));
  return lines;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The closing tally: `✖ 2 errors, 1 warning in 3 packs` / `✔ 5 packs, no problems`. */
export function summaryLine(summary: Summary, language: Language): string {
  const clean = summary.errors + summary.warnings + summary.infos === 0;
  const mark = summary.errors > 0 ? '✖' : clean ? '✔' : '⚠';
  if (language === 'zh-TW') {
    if (clean) return `${mark} ${summary.files} 個規定檔，沒有問題`;
    const infos = summary.infos > 0 ? `、${summary.infos} 個提示` : '';
    return `${mark} ${summary.files} 個規定檔中有 ${summary.errors} 個錯誤、${summary.warnings} 個警告${infos}`;
  }
  const packs = plural(summary.files, 'pack');
  if (clean) return `${mark} ${packs}, no problems`;
  const infos = summary.infos > 0 ? `, ${plural(summary.infos, 'info')}` : '';
  return `${mark} ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${infos} in ${packs}`;
}

/** Human-readable output: each finding with its place, both clauses and the YAML line, then a tally. */
export function formatStylish(report: Report, language: Language): string {
  const blocks: string[] = [];
  for (const { file, findings } of report.files) {
    for (const finding of byPosition(findings))
      blocks.push(formatFinding(finding, file, language, report.sources).join('\n'));
  }
  return showControls([...blocks, summaryLine(summarize(report), language)].join('\n\n') + '\n');
}
