import type { Language } from '@portfolio-rules/core';
import type { RuleText } from './compare';
import { type Amendment, clauseOf, DIFF_TEXT, explanationOf, factsOf, shortPath, valueLines } from './text';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:"Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;margin:2rem;color:#222}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
th,td{border:1px solid #888;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{background:#eee}.rule{font-weight:bold}.clause{color:#555}code{display:block;white-space:pre-wrap}
del{color:#a00}ins{color:#060;text-decoration:none}.none{color:#888}`;

function side(text: RuleText | undefined, language: Language, mark: 'del' | 'ins' | undefined): string {
  if (!text) return `<span class="none">${escape(DIFF_TEXT[language].none)}</span>`;
  const clause = clauseOf(text);
  const lines = valueLines(text).map((line) => {
    const code = `<code>${escape(line)}</code>`;
    return mark ? `<${mark}>${code}</${mark}>` : code;
  });
  return [`<div class="rule">${escape(shortPath(text.path))}${clause ? ` <span class="clause">(${escape(clause)})</span>` : ''}</div>`, ...lines].join('');
}

/** The amendment table as one self-contained HTML page (no network), to print or post. */
export function formatAmendmentHtml(amendment: Amendment, language: Language): string {
  const text = DIFF_TEXT[language];
  const title = `${amendment.amended.pack.name} ${text.title}`;
  const current = factsOf(amendment.current, language);
  const amended = factsOf(amendment.amended, language);
  const facts = (Object.keys(text.facts) as (keyof typeof text.facts)[])
    .filter((key) => current[key] || amended[key])
    .map((key) => `<tr><th>${escape(text.facts[key])}</th><td>${escape(amended[key] || '—')}</td><td>${escape(current[key] || '—')}</td></tr>`);
  const rows = amendment.changes.map(
    (change) =>
      `<tr><td>${side(change.amended, language, change.kind === 'added' || change.kind === 'replaced' ? 'ins' : undefined)}</td><td>${side(change.current, language, change.kind === 'removed' || change.kind === 'replaced' ? 'del' : undefined)}</td><td>${escape(explanationOf(change, language))}</td></tr>`,
  );
  const body =
    rows.length === 0
      ? `<p>${escape(text.noChanges)}</p>`
      : `<table class="changes"><thead><tr>${text.columns.map((column) => `<th>${escape(column)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escape(title)}</h1>
<table class="facts"><thead><tr><th></th><th>${escape(text.amended)}</th><th>${escape(text.current)}</th></tr></thead><tbody>
${facts.join('\n')}
</tbody></table>
${body}
</body>
</html>
`;
}
