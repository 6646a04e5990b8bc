import type { Language } from '@portfolio-rules/core';
import { markdownText } from '../formatters/markdown';
import { type ClauseBlock, spacedLabel } from './clauses';
import type { RenderedPack, Section } from './document';
import { blocksOf, type Table } from './table';
import { unreachable } from '@portfolio-rules/core/internal';

function table(table: Table, indent = ''): string[] {
  const row = (cells: readonly string[]) => `${indent}| ${cells.map(markdownText).join(' | ')} |`;
  // A merged cell is printed once, in its first row and column; the cells it covers stay empty.
  const shown = (rows: readonly (readonly string[])[]) => {
    if (!table.merged) return rows;
    const { grid } = blocksOf(rows);
    return rows.map((cells, r) =>
      cells.map((_, c) => {
        const block = grid[r]?.[c] ?? unreachable(`cell ${r}, ${c}`);
        return block.row === r && block.column === c ? block.text : '';
      }),
    );
  };
  return [
    ...(table.caption ? [`${indent}**${markdownText(table.caption)}**`, ''] : []),
    row(shown([table.columns])[0] ?? table.columns),
    `${indent}|${table.columns.map(() => ' --- |').join('')}`,
    ...shown(table.rows).map(row),
    '',
  ];
}

/** The clauses as nested list items, numbers as printed; further paragraphs and tables indented under their item. */
function clauses(blocks: readonly ClauseBlock[], indent: string): string[] {
  return blocks.flatMap((block) => {
    const inner = `${indent}  `;
    const [first = '', ...rest] = block.paragraphs;
    const heading = block.heading !== undefined ? `${markdownText(block.heading)}：` : '';
    return [
      `${indent}- ${markdownText(spacedLabel(block.label))}${heading}${markdownText(first)}`,
      ...rest.flatMap((paragraph) => ['', `${inner}${markdownText(paragraph)}`]),
      ...(block.table ? ['', ...table(block.table, inner)] : []),
      ...clauses(block.clauses, inner),
      ...block.closing.flatMap((paragraph) => ['', `${inner}${markdownText(paragraph)}`]),
    ];
  });
}

function section(section: Section, level: string): string[] {
  return [
    `${level} ${markdownText(section.heading)}`,
    '',
    ...(section.empty !== undefined ? [markdownText(section.empty), ''] : []),
    ...section.tables.flatMap((item) => table(item)),
  ];
}

/** The document in Markdown: title, adoption history, the clauses, the annexed tables, then the generated tables. */
export function formatRenderedMarkdown(rendered: RenderedPack, _language: Language): string {
  const { text } = rendered;
  const lines = [`# ${markdownText(text.title)}`, ''];
  if (rendered.withText) {
    // Two spaces at the end of a line break it without a new paragraph, as the documents print the history.
    if (text.history.length > 0) lines.push(...text.history.map((line) => `${markdownText(line)}  `), '');
    if (text.applies) lines.push(markdownText(text.applies), '');
    if (rendered.noClauses) lines.push(markdownText(rendered.noClauses), '');
    if (text.clauses.length > 0) lines.push(...clauses(text.clauses, ''), '');
    for (const annex of text.annexes) {
      lines.push(`## ${markdownText(annex.title)}`, '');
      for (const paragraph of annex.paragraphs) lines.push(markdownText(paragraph), '');
      lines.push(...table(annex.table));
    }
  }
  if (rendered.tablesHeading) {
    lines.push(`## ${markdownText(rendered.tablesHeading)}`, '');
    for (const item of rendered.sections) lines.push(...section(item, '###'));
  } else {
    for (const item of rendered.sections) lines.push(...section(item, '##'));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
