import type { Language } from '@portfolio-rules/core';
import { htmlHead } from '../formatters/html-head';
import { escapeMarkup as x } from '../formatters/markup';
import type { AmendmentTable, CellLine } from './amendment';
import { DIFF_TEXT, explanationLines } from './text';

/** Printable on A4: three columns, the header on each page; a long row may go on to the next page, as the seeds' tables do, but no paragraph breaks. */
const STYLE = `body{font-family:"Noto Serif TC","Noto Serif CJK TC","PMingLiU","MingLiU",serif;margin:2rem auto;max-width:64rem;padding:0 1.5rem;color:#111;line-height:1.6}
h1{font-size:1.3rem;text-align:center;margin:0 0 .8rem}.facts{font-size:.9rem;margin:0 0 1rem}.facts p{margin:0}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid #444;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#eee;text-align:center}col.text{width:38%}col.why{width:24%}td p{margin:0}td p.d1{padding-left:1.5em}td p.d2{padding-left:3em}td p.d3{padding-left:4.5em}td p.d4{padding-left:6em}
ins{text-decoration:underline;text-decoration-thickness:1.5px}del{text-decoration:line-through;color:#444}
@page{size:A4;margin:16mm 14mm}
@media print{body{margin:0;max-width:none;padding:0 1px;font-size:10.5pt}td p{break-inside:avoid}thead{display:table-header-group}th{background:none}}`;

function cell(lines: readonly CellLine[], mark: 'ins' | 'del'): string {
  return lines
    .map(
      (line) =>
        `<p${line.depth > 0 ? ` class="d${Math.min(line.depth, 4)}"` : ''}>${line.runs
          .map((run) => (run.marked ? `<${mark}>${x(run.text)}</${mark}>` : x(run.text)))
          .join('')}</p>`,
    )
    .join('');
}

/** A row's anchor from its clause (`row-八`, `row-五(三)1`): letters, digits and brackets only, whatever the pack wrote. */
function anchorOf(key: string): string {
  return key.replace(/[^\p{L}\p{N}()（）.]+/gu, '-');
}

/** The amendment table as one self-contained HTML page (no script, nothing fetched), to post or print. */
export function formatAmendmentHtml(table: AmendmentTable, language: Language): string {
  const text = DIFF_TEXT[language];
  const facts = [
    [text.amended, table.amendedFacts],
    [text.current, table.currentFacts],
  ] as const;
  const factLines = facts
    .filter(([, values]) => values.length > 0)
    .map(([label, values]) => `<p>${x(label)}${x(text.colon)}${values.map(x).join(x(text.separator))}</p>`);
  const rows = table.rows.map(
    (row) =>
      `<tr class="${row.kind}" id="row-${anchorOf(row.key)}"><td>${cell(row.amended, 'ins')}</td><td>${cell(row.current, 'del')}</td><td>${explanationLines(
        row.explanation,
      )
        .map((line) => `<p>${x(line)}</p>`)
        .join('')}</td></tr>`,
  );
  const body =
    rows.length === 0
      ? `<p>${x(text.noChanges)}</p>`
      : `<table><colgroup><col class="text"><col class="text"><col class="why"></colgroup><thead><tr>${text.columns.map((column) => `<th scope="col">${x(column)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  return `<!doctype html>
<html lang="${language}">
${htmlHead(table.title, STYLE)}
<body>
<h1>${x(table.title)}</h1>
<div class="facts">${factLines.join('')}</div>
${body}
</body>
</html>
`;
}
