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
import { auditWording, studentOf } from './wording';
import { unreachable } from '@portfolio-rules/core/internal';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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
  /** The layer of a finding the engine judged by the national rules without naming a layer: the national version in force. */
  readonly nationalLayer?: string;
}

/** One rule's findings: its code, severity and findings. */
export interface RuleGroup {
  readonly code: string;
  readonly severity: Severity;
  readonly findings: readonly FindingBase[];
}

/** The findings grouped by rule (code), most severe first, then by code. */
export function ruleGroups(findings: readonly FindingBase[]): RuleGroup[] {
  const byCode = new Map<string, FindingBase[]>();
  for (const finding of findings) {
    const group = byCode.get(finding.code);
    if (group) group.push(finding);
    else byCode.set(finding.code, [finding]);
  }
  return [...byCode.entries()]
    .map(([code, group]) => ({
      code,
      severity: (group[0] ?? unreachable('a finding of the group')).severity,
      findings: group,
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}

const clausesOf = (group: RuleGroup) => unique(group.findings.map((finding) => formatSource(finding.source)));

/** The summary's count by rule: one row per code, linked to its findings, with its count and clauses. */
export function ruleCountTable(groups: readonly RuleGroup[], options: FindingsOptions): string {
  const { language, text } = options;
  if (groups.length === 0) return '';
  const rows = groups.map(
    (group) =>
      `<tr class="${group.severity}"><td>${severityBadge(group.severity, text)}</td><td><a href="#${options.id}-${x(group.code)}"><code>${x(group.code)}</code> ${x(specOf(group.code)?.title[language] ?? '')}</a></td><td class="number">${formatCount(group.findings.length)}</td><td>${clausesOf(group).map(x).join(text.list)}</td></tr>`,
  );
  return [
    `<table class="by-rule"><thead><tr><th>${x(text.severityColumn)}</th><th>${x(text.rule)}</th><th class="number">${x(text.countColumn)}</th><th>${x(text.clause)}</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join('\n');
}

/**
 * The findings grouped by rule, most severe first: each group's heading (code, title, count), its
 * clauses and layers, then one row per finding naming its student, in the audit's wording. Groups of
 * info findings are collapsed (`<details>`): they say what the engine did, not what is wrong.
 */
export function findingsSection(findings: readonly FindingBase[], options: FindingsOptions): string {
  const { language, text } = options;
  if (findings.length === 0) return `<p class="note">${x(text.noFindings)}</p>`;
  const layerOf = (finding: FindingBase) =>
    finding.layer ?? (finding.source !== undefined ? options.nationalLayer : undefined);
  return ruleGroups(findings)
    .map((group) => {
      const { code, severity } = group;
      const spec = specOf(code);
      const clauses = clausesOf(group);
      const layers = unique(group.findings.map(layerOf));
      const cites = [
        clauses.length > 0 && `${x(text.clause)}${text.colon}${clauses.map(x).join(text.list)}`,
        layers.length > 0 && `${x(text.layer)}${text.colon}${layers.map(x).join(text.list)}`,
      ]
        .filter(Boolean)
        .join(' · ');
      const rows = group.findings
        .slice(0, options.limit)
        .map(
          (finding, _, __, student = studentOf(finding)) =>
            `<tr class="${finding.severity}"><td><code>${x(where(finding, options.file))}</code></td><td>${x(student ?? '—')}</td><td>${student === finding.subject ? '' : `<code>${x(finding.subject)}</code>`}</td><td>${x(auditWording(finding, language))}</td><td>${x(formatSource(finding.source))}</td><td>${x(layerOf(finding) ?? '—')}</td></tr>`,
        );
      const more =
        group.findings.length > options.limit
          ? `\n<p class="note">${x(text.more(group.findings.length - options.limit))}</p>`
          : '';
      const heading = `${severityBadge(severity, text)} <code>${x(code)}</code> ${x(spec?.title[language] ?? '')} <span class="name">${x(spec?.name ?? '')} · ${x(text.count(group.findings.length))}</span>`;
      const collapsed = severity === 'info';
      return [
        collapsed
          ? `<details class="rule" id="${options.id}-${x(code)}"><summary class="rule-head">${heading} <span class="name">${x(text.expand)}</span></summary>`
          : `<section class="rule" id="${options.id}-${x(code)}">\n<h4 class="rule-head">${heading}</h4>`,
        cites && `<p class="cites">${cites}</p>`,
        `<table class="findings"><thead><tr><th>${x(text.where)}</th><th>${x(text.student)}</th><th>${x(text.subject)}</th><th>${x(text.message)}</th><th>${x(text.clause)}</th><th>${x(text.layer)}</th></tr></thead><tbody>`,
        ...rows,
        `</tbody></table>${more}`,
        collapsed ? `</details>` : `</section>`,
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
