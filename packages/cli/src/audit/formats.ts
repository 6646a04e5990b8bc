import type { AuditResult, Language } from '@portfolio-rules/core';
import { formatHtml } from '../formatters/html';
import { formatJunit } from '../formatters/junit';
import { formatSarif } from '../formatters/sarif';

/** The report formats rendered by packages/cli/src/formatters (SARIF, self-contained HTML, JUnit XML). */
export const OTHER_FORMATS = ['sarif', 'html', 'junit'] as const;

/** The audits the formatters render: each school on its own when the data holds several, the one audit otherwise. */
export function auditsOf(result: AuditResult): readonly AuditResult[] {
  return result.schools && result.schools.length > 1 ? result.schools.map((school, index) => (index === 0 && result.intake ? { ...school, intake: result.intake } : school)) : [result];
}

export async function renderOther(format: string, result: AuditResult, lang: Language): Promise<string> {
  const input = { audits: auditsOf(result) };
  if (format === 'sarif') return formatSarif(input, { lang });
  if (format === 'junit') return formatJunit(input, { lang });
  return formatHtml(input, { lang });
}
