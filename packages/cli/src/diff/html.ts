import type { Language } from '@portfolio-rules/core';
import type { RuleText } from './compare';
import { type Amendment, clauseOf, DIFF_TEXT, explanationOf, factsOf, shortPath, valueLines } from './text';
import { htmlHead } from '../formatters/html-head';
import { escapeMarkup } from '../formatters/markup';

const STYLE = `body{font-family:"Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
th,td{border:1px solid #888;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{background:#eee}.rule{font-weight:bold}.clause{color:#555}code{display:block;white-space:pre-wrap}
del{color:#a00}ins{color:#060;text-decoration:none}.none{color:#888}`;

function side(text: RuleText | undefined, language: Language, mark: 'del' | 'ins' | undefined): string {
  if (!text) return `<span class="none">${escapeMarkup(DIFF_TEXT[language].none)}</span>`;
  const clause = clauseOf(text);
  const lines = valueLines(text).map((line) => {
    const code = `<code>${escapeMarkup(line)}</code>`;
    return mark ? `<${mark}>${code}</${mark}>` : code;
  });
  return [
    `<div class="rule">${escapeMarkup(shortPath(text.path))}${clause ? ` <span class="clause">(${escapeMarkup(clause)})</span>` : ''}</div>`,
    ...lines,
  ].join('');
}

/** The amendment table as one self-contained HTML page (no network), to print or post. */
export function formatAmendmentHtml(amendment: Amendment, language: Language): string {
  const text = DIFF_TEXT[language];
  const title = `${amendment.amended.pack.name} ${text.title}`;
  const current = factsOf(amendment.current, language);
  const amended = factsOf(amendment.amended, language);
  const facts = (Object.keys(text.facts) as (keyof typeof text.facts)[])
    .filter((key) => current[key] || amended[key])
    .map(
      (key) =>
        `<tr><th>${escapeMarkup(text.facts[key])}</th><td>${escapeMarkup(amended[key] || '—')}</td><td>${escapeMarkup(current[key] || '—')}</td></tr>`,
    );
  const rows = amendment.changes.map(
    (change) =>
      `<tr><td>${side(change.amended, language, change.kind === 'added' || change.kind === 'replaced' ? 'ins' : undefined)}</td><td>${side(change.current, language, change.kind === 'removed' || change.kind === 'replaced' ? 'del' : undefined)}</td><td>${escapeMarkup(explanationOf(change, language))}</td></tr>`,
  );
  const body =
    rows.length === 0
      ? `<p>${escapeMarkup(text.noChanges)}</p>`
      : `<table class="changes"><thead><tr>${text.columns.map((column) => `<th>${escapeMarkup(column)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  return `<!doctype html>
<html lang="${language}">
${htmlHead(title, STYLE)}
<body>
<h1>${escapeMarkup(title)}</h1>
<table class="facts"><thead><tr><th></th><th>${escapeMarkup(text.amended)}</th><th>${escapeMarkup(text.current)}</th></tr></thead><tbody>
${facts.join('\n')}
</tbody></table>
${body}
</body>
</html>
`;
}
