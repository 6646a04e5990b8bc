import type { Language } from '@portfolio-rules/core';
import { htmlHead } from '../formatters/html-head';
import { escapeMarkup } from '../formatters/markup';
import type { RenderedPack, Table } from './document';

/** Screen and print: black on white, tables that repeat their header and do not break inside a row, no network. */
const STYLE = `body{font-family:"Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;margin:2rem;color:#111;line-height:1.5}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-bottom:1.2rem}caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #555;padding:.35rem .55rem;vertical-align:top;text-align:left}th{background:#eee}
@media print{body{margin:0;font-size:11pt}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}thead{display:table-header-group}th{background:none}}`;

function table(table: Table): string {
  const head = `<thead><tr>${table.columns.map((column) => `<th scope="col">${escapeMarkup(column)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeMarkup(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>${table.caption ? `<caption>${escapeMarkup(table.caption)}</caption>` : ''}${head}<tbody>\n${body}\n</tbody></table>`;
}

/** The documents as one self-contained HTML page (no script, no stylesheet or font from the network), to post or print. */
export function formatRenderedHtml(rendered: RenderedPack, language: Language): string {
  const facts = rendered.facts
    .map(([label, value]) => `<dt>${escapeMarkup(label)}</dt><dd>${escapeMarkup(value)}</dd>`)
    .join('');
  const sections = rendered.sections.map((section) =>
    [
      `<section id="${section.kind}">`,
      `<h2>${escapeMarkup(section.heading)}</h2>`,
      ...(section.empty !== undefined ? [`<p>${escapeMarkup(section.empty)}</p>`] : []),
      ...section.tables.map(table),
      '</section>',
    ].join('\n'),
  );
  return `<!doctype html>
<html lang="${language}">
${htmlHead(rendered.title, STYLE)}
<body>
<h1>${escapeMarkup(rendered.title)}</h1>
<dl>${facts}</dl>
${sections.join('\n')}
</body>
</html>
`;
}
