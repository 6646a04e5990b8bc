import {
  type AuditResult,
  type FindingBase,
  isPlainDate,
  type Language,
  nationalVersionFor,
  type Severity,
  termOfDate,
} from '@portfolio-rules/core';
import { dateWords, unreachable } from '@portfolio-rules/core/internal';
import type { Output } from '../command';
import { auditName, checkedGroups, tallyOf } from './checked';
import { type FindingsOptions, findingsSection, rejectionsSection, ruleCountTable, ruleGroups } from './html/findings';
import { statisticsSection } from './html/statistics';
import { REPORT_STYLE } from './html/style';
import { htmlHead } from './html-head';
import { formatCount, HTML_TEXT, type HtmlText } from './html/text';
import { type JsonTool, jsonTool } from './json';
import { escapeMarkup as x } from './markup';
import { collected } from './pieces';

export interface HtmlOptions {
  readonly lang: Language;
  /** The tool's name and version, printed in the header; default: this package's. Tests pass a fixed one. */
  readonly tool?: JsonTool;
  /** How many findings of one code each school lists; the rest are counted. Default 200. */
  readonly findingsPerRule?: number;
}

export interface HtmlInput {
  readonly audits: readonly AuditResult<FindingBase>[];
  /** The first audit holds the pack's own findings, apart from the schools whose data was read (several schools). */
  readonly packFirst?: boolean;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const nationalVersionOn = (asOf: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? nationalVersionFor(termOfDate(asOf)) : undefined;

function nationalVersion(asOf: string, language: Language): string {
  const version = nationalVersionOn(asOf);
  return version ? `${version.title[language]} (${version.layer})` : '—';
}

function header(audit: AuditResult<FindingBase>, options: HtmlOptions, text: HtmlText, tool: JsonTool): string {
  const facts: [string, string][] = [
    [text.pack, audit.pack.name === audit.pack.id ? audit.pack.id : `${audit.pack.name} (${audit.pack.id})`],
    ...(audit.pack.school ? [[text.school, audit.pack.school] as [string, string]] : []),
    ...(audit.school !== undefined ? [[text.dataSchool, audit.school] as [string, string]] : []),
    ...(audit.pack.file ? [[text.file, audit.pack.file] as [string, string]] : []),
    [text.asOf, isPlainDate(audit.asOf) ? dateWords(audit.asOf, options.lang) : audit.asOf],
    [text.national, nationalVersion(audit.asOf, options.lang)],
    [text.tool, `${tool.name} ${tool.version}`],
  ];
  return `<dl class="facts">\n${facts.map(([term, value]) => `<dt>${x(term)}</dt><dd>${x(value)}</dd>`).join('\n')}\n</dl>`;
}

/**
 * The summary: counts by severity, the accounting line (read = checked + rejected) and counts by
 * rule, linked to the rules' findings. `packPart`: the section of the pack's own findings in an
 * audit of several schools, which read data.
 */
function summary(
  audit: AuditResult<FindingBase>,
  findings: readonly FindingBase[],
  packPart: boolean,
  options: FindingsOptions,
): string {
  const { text } = options;
  const tally = tallyOf(findings);
  const counts = { error: tally.errors, warning: tally.warnings, info: tally.infos };
  const cards = SEVERITIES.map((severity) => {
    const count = counts[severity];
    return `<div class="card ${severity}"><span class="number">${formatCount(count)}</span>${x(text.severity[severity])}</div>`;
  });
  const intake = audit.intake;
  const line = intake
    ? `<p class="intake">${x(text.intake(formatCount(intake.read), formatCount(intake.checked), formatCount(intake.rejected)))}</p>`
    : `<p class="note">${x(packPart ? text.packPart : text.noData)}</p>`;
  const byRule = ruleCountTable(ruleGroups(audit.findings), options);
  return [`<div class="cards">${cards.join('')}</div>`, line, byRule && `<h4>${x(text.byRule)}</h4>\n${byRule}`]
    .filter(Boolean)
    .join('\n');
}

/** A school's part of the page, top-down: header, summary, contents, findings, rejected lines, statistics. */
function schoolSection(
  audit: AuditResult<FindingBase>,
  index: number,
  packPart: boolean,
  options: HtmlOptions,
  text: HtmlText,
  tool: JsonTool,
): string {
  const id = `school-${index + 1}`;
  const group = checkedGroups({ audits: [audit] })[0] ?? unreachable('the audit group');
  const national = nationalVersionOn(audit.asOf);
  const findingsOptions: FindingsOptions = {
    language: options.lang,
    text,
    ...(audit.pack.file !== undefined && { file: audit.pack.file }),
    limit: options.findingsPerRule ?? 200,
    id,
    ...(national && { nationalLayer: national.layer }),
  };
  const sections: [string, string, string][] = [
    ['findings', text.findings, findingsSection(audit.findings, findingsOptions)],
    ...(audit.intake
      ? [
          ['rejections', text.rejections, rejectionsSection(audit.intake, options.lang, text)] as [
            string,
            string,
            string,
          ],
        ]
      : []),
    ...(audit.statistics
      ? [['statistics', text.statistics, statisticsSection(audit.statistics, text)] as [string, string, string]]
      : []),
  ];
  const tocEntries: [string, string][] = [
    ['summary', text.summary],
    ...sections.map(([part, title]): [string, string] => [part, title]),
  ];
  const contents = `<nav class="toc"><h3>${x(text.contents)}</h3><ol>${tocEntries.map(([part, title]) => `<li><a href="#${id}-${part}">${x(title)}</a></li>`).join('')}</ol></nav>`;
  const parts = [
    `<section class="school" id="${id}">`,
    `<h2>${x(auditName(audit))}</h2>`,
    header(audit, options, text, tool),
    `<h3 id="${id}-summary">${x(text.summary)}</h3>`,
    summary(audit, group.findings, packPart, findingsOptions),
    contents,
    ...sections.flatMap(([part, title, body]) => [`<h3 id="${id}-${part}">${x(title)}</h3>`, body]),
    `</section>`,
  ];
  return parts.join('\n');
}

/**
 * The audit report as ONE self-contained HTML page (inline CSS and SVG, no script, nothing to
 * fetch), for a school's working group to read top-down or print: per school, the header, the
 * summary (counts by severity and by rule, read = checked + rejected), the contents, the findings
 * grouped by rule with their clauses, the rejected input lines, then the statistics' charts and
 * tables. Every piece of data is escaped.
 */
export function formatHtml(input: HtmlInput, options: HtmlOptions): string {
  return collected((output) => writeHtml(input, options, output));
}

/** What formatHtml returns, written a school at a time. */
export function writeHtml(input: HtmlInput, options: HtmlOptions, output: Output): void {
  const text = HTML_TEXT[options.lang];
  const tool = options.tool ?? jsonTool();
  const [only] = input.audits;
  const title = input.audits.length === 1 && only ? `${text.title}${text.colon}${auditName(only)}` : text.title;
  const contents =
    input.audits.length > 1
      ? `<nav class="contents"><h2>${x(text.contents)}</h2><ul>\n${input.audits.map((audit, index) => `<li><a href="#school-${index + 1}">${x(auditName(audit))}</a></li>`).join('\n')}\n</ul></nav>\n`
      : '';
  output.write(
    [
      '<!doctype html>',
      `<html lang="${options.lang}">`,
      htmlHead(title, REPORT_STYLE),
      '<body>',
      `<h1>${x(title)}</h1>`,
      '',
    ].join('\n') + contents,
  );
  input.audits.forEach((audit, index) =>
    output.write(`${schoolSection(audit, index, index === 0 && input.packFirst === true, options, text, tool)}\n`),
  );
  output.write('</body>\n</html>\n');
}
