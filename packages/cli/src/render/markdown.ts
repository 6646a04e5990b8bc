import type { Language } from '@portfolio-rules/core';
import { markdownText as markdownCell } from '../formatters/markdown';
import type { RenderedPack, Table } from './document';

function table(table: Table): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [
    ...(table.caption ? [`**${markdownCell(table.caption)}**`, ''] : []),
    row(table.columns),
    `|${table.columns.map(() => ' --- |').join('')}`,
    ...table.rows.map(row),
    '',
  ];
}

/** The documents in Markdown: a title, the pack's facts, then a section per document. */
export function formatRenderedMarkdown(rendered: RenderedPack, language: Language): string {
  const colon = language === 'zh-TW' ? '：' : ': ';
  const lines = [
    `# ${markdownCell(rendered.title)}`,
    '',
    ...rendered.facts.map(([label, value]) => `- ${markdownCell(label)}${colon}${markdownCell(value)}`),
    '',
  ];
  for (const section of rendered.sections) {
    lines.push(`## ${markdownCell(section.heading)}`, '');
    if (section.empty !== undefined) lines.push(markdownCell(section.empty), '');
    for (const item of section.tables) lines.push(...table(item));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
