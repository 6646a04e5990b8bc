import type { Language } from '@portfolio-rules/core';
import { markdownText } from '../formatters/markdown';
import type { AmendmentTable, CellLine } from './amendment';
import { DIFF_TEXT, explanationLines } from './text';

/** A cell's lines: deeper lines indented with full-width spaces, changed words in `<ins>` (修正條文) or `<del>` (現行條文). */
function cell(lines: readonly CellLine[], mark: 'ins' | 'del'): string {
  return lines
    .map(
      (line) =>
        '　'.repeat(line.depth) +
        line.runs
          .map((run) => (run.marked ? `<${mark}>${markdownText(run.text)}</${mark}>` : markdownText(run.text)))
          .join(''),
    )
    .join('<br>');
}

/** The amendment table in Markdown, as schools publish it with an amended rule (seed 001). */
export function formatAmendmentMarkdown(table: AmendmentTable, language: Language): string {
  const text = DIFF_TEXT[language];
  const lines = [`# ${markdownText(table.title)}`, ''];
  const facts = [
    [text.amended, table.amendedFacts],
    [text.current, table.currentFacts],
  ] as const;
  for (const [label, values] of facts)
    if (values.length > 0)
      lines.push(`${markdownText(label)}${text.colon}${values.map(markdownText).join(text.separator)}  `);
  lines.push('');
  if (table.rows.length === 0) return [...lines, text.noChanges, ''].join('\n');
  lines.push(`| ${text.columns.join(' | ')} |`, '| --- | --- | --- |');
  for (const row of table.rows)
    lines.push(
      `| ${cell(row.amended, 'ins')} | ${cell(row.current, 'del')} | ${explanationLines(row.explanation).map(markdownText).join('<br>')} |`,
    );
  return [...lines, ''].join('\n');
}
