import type { Language } from '@portfolio-rules/core';
import { htmlHead } from '../formatters/html-head';
import { escapeMarkup } from '../formatters/markup';
import { type AnnexBlock, type ClauseBlock, spacedLabel } from './clauses';
import type { RenderedPack, Section } from './document';
import { blocksOf, type Table } from './table';

/**
 * Screen and print on A4: black on white, the clauses with hanging numbers, each annexed table and
 * the generated tables on a page of their own, tables that repeat their header and never break
 * inside a row; nothing fetched from the network.
 */
const STYLE = `body{font-family:"Noto Serif TC","Noto Serif CJK TC","PMingLiU","MingLiU",serif;margin:2rem auto;max-width:52rem;padding:0 1.5rem;color:#111;line-height:1.7}
h1{font-size:1.35rem;text-align:center;margin:0 0 .6rem}h2{font-size:1.15rem;text-align:center;margin:0 0 .8rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
.history{margin:0 0 1.2rem auto;width:max-content;max-width:100%;font-size:.9rem}.history p{margin:0}.applies{font-size:.9rem;text-align:right;margin:0 0 1.2rem}
ol.clauses{list-style:none;margin:0;padding:0}ol.clauses li{display:flex;margin:.15rem 0}ol.clauses .label{flex:none;white-space:pre}ol.clauses .body{flex:1;min-width:0}
ol.clauses p{margin:0}ol.clauses ol.clauses{margin:.1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem;line-height:1.45}caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #444;padding:.3rem .5rem;vertical-align:top;text-align:left;white-space:pre-line}th{background:#eee;white-space:pre}
.annex,.tables{margin-top:2.5rem}.annex>p{margin:.3rem 0}.note{color:#555}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none;padding:0 1px;font-size:11pt}.annex,.tables{margin-top:0;break-before:page}
h2,h3,caption{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}thead{display:table-header-group}th{background:none}}`;

const x = escapeMarkup;

function table(table: Table): string {
  const caption = table.caption ? `<caption>${x(table.caption)}</caption>` : '';
  const cell = (tag: 'th' | 'td', text: string, rows = 1, columns = 1, scope = '') =>
    `<${tag}${scope}${rows > 1 ? ` rowspan="${rows}"` : ''}${columns > 1 ? ` colspan="${columns}"` : ''}>${x(text)}</${tag}>`;
  if (!table.merged) {
    const head = `<thead><tr>${table.columns.map((column) => cell('th', column, 1, 1, ' scope="col"')).join('')}</tr></thead>`;
    const body = table.rows.map((row) => `<tr>${row.map((text) => cell('td', text)).join('')}</tr>`).join('\n');
    return `<table>${caption}${head}<tbody>\n${body}\n</tbody></table>`;
  }
  const head = blocksOf([table.columns]).blocks.map((block) =>
    cell('th', block.text, 1, block.columns, ' scope="col"'),
  );
  const { blocks } = blocksOf(table.rows);
  const body = table.rows.map(
    (_, row) =>
      `<tr>${blocks
        .filter((block) => block.row === row)
        .map((block) => cell('td', block.text, block.rows, block.columns))
        .join('')}</tr>`,
  );
  return `<table>${caption}<thead><tr>${head.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function clauses(blocks: readonly ClauseBlock[], depth: number): string {
  if (blocks.length === 0) return '';
  const items = blocks.map((block) => {
    const [first = '', ...rest] = block.paragraphs;
    const heading = block.heading !== undefined ? `${x(block.heading)}：` : '';
    const body = [
      `<p>${heading}${x(first)}</p>`,
      ...rest.map((paragraph) => `<p>${x(paragraph)}</p>`),
      ...(block.table ? [table(block.table)] : []),
      clauses(block.clauses, depth + 1),
      ...block.closing.map((paragraph) => `<p>${x(paragraph)}</p>`),
    ];
    return `<li id="clause-${x(block.key)}"><span class="label">${x(spacedLabel(block.label))}</span><div class="body">${body.join('')}</div></li>`;
  });
  return `<ol class="clauses depth-${depth}">\n${items.join('\n')}\n</ol>`;
}

function annex(annex: AnnexBlock): string {
  return [
    `<section class="annex">`,
    `<h2>${x(annex.title)}</h2>`,
    ...annex.paragraphs.map((paragraph) => `<p>${x(paragraph)}</p>`),
    table(annex.table),
    '</section>',
  ].join('\n');
}

function section(section: Section, level: 'h2' | 'h3'): string {
  return [
    `<section id="${section.kind}">`,
    `<${level}>${x(section.heading)}</${level}>`,
    ...(section.empty !== undefined ? [`<p class="note">${x(section.empty)}</p>`] : []),
    ...section.tables.map(table),
    '</section>',
  ].join('\n');
}

/**
 * The document as one self-contained HTML page (no script, no stylesheet or font from the network),
 * to post or to print on A4: title, adoption history, the clauses, each annexed table on its own
 * page, then the generated tables.
 */
export function formatRenderedHtml(rendered: RenderedPack, language: Language): string {
  const { text } = rendered;
  const parts = [`<h1>${x(text.title)}</h1>`];
  if (rendered.withText) {
    if (text.history.length > 0)
      parts.push(`<div class="history">${text.history.map((line) => `<p>${x(line)}</p>`).join('')}</div>`);
    if (text.applies) parts.push(`<p class="applies">${x(text.applies)}</p>`);
    if (rendered.noClauses) parts.push(`<p class="note">${x(rendered.noClauses)}</p>`);
    parts.push(clauses(text.clauses, 1), ...text.annexes.map(annex));
  }
  if (rendered.tablesHeading) {
    parts.push(
      `<div class="tables">\n<h2>${x(rendered.tablesHeading)}</h2>\n${rendered.sections.map((item) => section(item, 'h3')).join('\n')}\n</div>`,
    );
  } else {
    parts.push(...rendered.sections.map((item) => section(item, 'h2')));
  }
  return `<!doctype html>
<html lang="${language}">
${htmlHead(text.title, STYLE)}
<body>
${parts.filter(Boolean).join('\n')}
</body>
</html>
`;
}
