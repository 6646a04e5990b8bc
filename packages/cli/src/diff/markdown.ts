import type { Language } from '@portfolio-rules/core';
import type { RuleText } from './compare';
import { markdownCode, markdownText as cell } from '../formatters/markdown';
import { type Amendment, clauseOf, DIFF_TEXT, explanationOf, factsOf, shortPath, valueLines } from './text';

function side(text: RuleText | undefined, language: Language, deleted: boolean): string {
  if (!text) return cell(DIFF_TEXT[language].none);
  const clause = clauseOf(text);
  const lines = valueLines(text).map((line) => (deleted ? `~~${markdownCode(line)}~~` : markdownCode(line)));
  return [`**${cell(shortPath(text.path))}**${clause ? ` (${cell(clause)})` : ''}`, ...lines].join('<br>');
}

/** The amendment table in Markdown, as schools publish it with an amended rule (seed 001). */
export function formatAmendmentMarkdown(amendment: Amendment, language: Language): string {
  const text = DIFF_TEXT[language];
  const current = factsOf(amendment.current, language);
  const amended = factsOf(amendment.amended, language);
  const facts = (Object.keys(text.facts) as (keyof typeof text.facts)[])
    .filter((key) => current[key] || amended[key])
    .map((key) => `| ${text.facts[key]} | ${cell(amended[key] || '—')} | ${cell(current[key] || '—')} |`);
  const lines = [
    `# ${cell(`${amendment.amended.pack.name} ${text.title}`)}`,
    '',
    `| | ${text.amended} | ${text.current} |`,
    '| --- | --- | --- |',
    ...facts,
    '',
  ];
  if (amendment.changes.length === 0) return [...lines, text.noChanges, ''].join('\n');
  lines.push(`| ${text.columns.join(' | ')} |`, '| --- | --- | --- |');
  for (const change of amendment.changes) {
    lines.push(
      `| ${side(change.amended, language, false)} | ${side(change.current, language, change.kind === 'removed' || change.kind === 'replaced')} | ${cell(explanationOf(change, language))} |`,
    );
  }
  return [...lines, ''].join('\n');
}
