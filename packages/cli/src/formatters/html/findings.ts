import {
  type FindingBase,
  formatSource,
  type IntakeSummary,
  type Language,
  type Severity,
} from '@portfolio-rules/core';
import { lineOf, specOf } from '../checked';
import { escapeMarkup as x } from '../markup';
import { formatCount, type HtmlText } from './text';
import { unreachable } from '@portfolio-rules/core/internal';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** A group's severity: its findings share a code, so the first one's. */
const severityOf = (group: readonly FindingBase[]) => group[0]?.severity ?? unreachable('a finding of the group');

const unique = (values: readonly (string | undefined)[]) => [
  ...new Set(values.filter((value): value is string => Boolean(value))),
];

/** Where a finding points: its file, line and column; nothing when it has no position (its subject says what it is about). */
function where(finding: FindingBase, file: string | undefined): string {
  const position = finding.position;
  if (!position) return '';
  const line = lineOf(finding);
  return `${position.file ?? file ?? ''}:${line}${position.column > 1 ? `:${position.column}` : ''}`;
}

export const severityBadge = (severity: Severity, text: HtmlText) =>
  `<span class="badge ${severity}">${x(text.badge[severity])}</span>`;

export interface FindingsOptions {
  readonly language: Language;
  readonly text: HtmlText;
  /** Where a finding without a position of its own belongs: the audited pack's file. */
  readonly file?: string;
  /** How many findings of one code are listed; the rest are counted. */
  readonly limit: number;
  /** Prefix of the element ids, unique per school in the page. */
  readonly id: string;
}

/** The findings grouped by rule (code), most severe first, each group with its clauses and layers, then one row per finding. */
export function findingsSection(findings: readonly FindingBase[], options: FindingsOptions): string {
  const { language, text } = options;
  if (findings.length === 0) return `<p class="note">${x(text.noFindings)}</p>`;
  const byCode = new Map<string, FindingBase[]>();
  for (const finding of findings) {
    const group = byCode.get(finding.code);
    if (group) group.push(finding);
    else byCode.set(finding.code, [finding]);
  }
  const groups = [...byCode.entries()].sort(
    ([a, first], [b, second]) =>
      SEVERITY_ORDER[severityOf(first)] - SEVERITY_ORDER[severityOf(second)] || a.localeCompare(b),
  );
  return groups
    .map(([code, group]) => {
      const spec = specOf(code);
      const severity = severityOf(group);
      const clauses = unique(group.map((finding) => formatSource(finding.source)));
      const layers = unique(group.map((finding) => finding.layer));
      const cites = [
        clauses.length > 0 && `${x(text.clause)}${text.colon}${clauses.map(x).join(text.list)}`,
        layers.length > 0 && `${x(text.layer)}${text.colon}${layers.map(x).join(text.list)}`,
      ]
        .filter(Boolean)
        .join(' · ');
      const rows = group
        .slice(0, options.limit)
        .map(
          (finding) =>
            `<tr class="${finding.severity}"><td><code>${x(where(finding, options.file))}</code></td><td>${x(finding.subject)}</td><td>${x(finding.message[language])}</td><td>${x(formatSource(finding.source))}</td><td>${x(finding.layer ?? '')}</td></tr>`,
        );
      const more =
        group.length > options.limit ? `\n<p class="note">${x(text.more(group.length - options.limit))}</p>` : '';
      return [
        `<section class="rule" id="${options.id}-${x(code)}">`,
        `<h4 class="rule-head">${severityBadge(severity, text)} <code>${x(code)}</code> ${x(spec?.title[language] ?? '')} <span class="name">${x(spec?.name ?? '')} · ${x(text.count(group.length))}</span></h4>`,
        cites && `<p class="cites">${cites}</p>`,
        `<table class="findings"><thead><tr><th>${x(text.where)}</th><th>${x(text.subject)}</th><th>${x(text.message)}</th><th>${x(text.clause)}</th><th>${x(text.layer)}</th></tr></thead><tbody>`,
        ...rows,
        `</tbody></table>${more}`,
        `</section>`,
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
}

/** The rejected input lines with their line numbers and reasons, and how many more were only counted. */
export function rejectionsSection(intake: IntakeSummary, language: Language, text: HtmlText): string {
  if (intake.rejected === 0) return `<p class="note">${x(text.noRejections)}</p>`;
  const rows = intake.rejections.map(
    (rejection) =>
      `<tr class="${rejection.severity}"><td><code>${x(rejection.file ?? '')}</code></td><td class="number">${rejection.line}</td><td>${severityBadge(rejection.severity, text)} <code>${x(rejection.code)}</code> ${x(specOf(rejection.code)?.name ?? '')}</td><td>${x(rejection.message[language])}</td></tr>`,
  );
  const byCode = Object.entries(intake.byCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `<code>${x(code)}</code> ${formatCount(count)}`)
    .join(' · ');
  return [
    `<p class="note">${byCode}</p>`,
    `<table class="rejections"><thead><tr><th>${x(text.dataFile)}</th><th class="number">${x(text.line)}</th><th>${x(text.code)}</th><th>${x(text.reason)}</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
    intake.unlisted > 0 ? `<p class="note">${x(text.unlisted(intake.unlisted))}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
