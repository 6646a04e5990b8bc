import {
  type EffectivePack,
  type FindingBase,
  formatSource,
  formatTerm,
  type Language,
  type Term,
} from '@portfolio-rules/core';
import { alignColumns } from '../_lib/width';
import { jsonText, jsonTool, JSON_OUTPUT_VERSION } from '../formatters/json';
import { byPosition, type Report, summarize } from '../formatters/report';
import { oneLine, showControls } from '../formatters/safe-text';
import { formatStylish } from '../formatters/stylish';
import type { Entry } from './entries';
import { boundNote, EXPLAIN_TEXT as TEXT, showValue } from './words';
import { unreachable } from '@portfolio-rules/core/internal';

export interface Explanation {
  readonly file: string;
  readonly effective: EffectivePack;
  readonly term?: Term;
  readonly key?: string;
  readonly entries: readonly Entry[];
  /** The findings about the pack, as `validate` reports them. */
  readonly report: Report;
}

/** The effective pack as an aligned table: key, value, layer, clause; national bounds under the values they bind. */
export function formatExplanationStylish(explanation: Explanation, language: Language): string {
  const text = TEXT[language];
  const { effective } = explanation;
  const colon = language === 'zh-TW' ? '：' : ': ';
  const header = [
    `${effective.name} (${effective.id}) · ${explanation.file}`,
    `${text.term(explanation.term && formatTerm(explanation.term))} · ${text.national}${colon}${effective.national.layer} ${effective.national.title[language]}`,
    `${text.layers}${colon}${effective.layers.join(' → ')}`,
  ].map(oneLine);
  const rows = explanation.entries.map((entry) =>
    [entry.path, showValue(entry.value), entry.layer, entry.source ? formatSource(entry.source) : ''].map(oneLine),
  );
  const { lines, widths } = alignColumns([[text.key, text.value, text.layer, text.clause], ...rows]);
  const table = [lines[0] ?? unreachable('the header')];
  explanation.entries.forEach((entry, index) => {
    table.push(lines[index + 1] ?? unreachable(`line ${index + 1}`));
    const under = `${' '.repeat((widths[0] ?? 0) + 2)}↳ `;
    if (entry.bound) table.push(`${under}${oneLine(boundNote(entry.bound, language))}`);
    if (entry.words) table.push(`${under}${oneLine(entry.words[language])}`);
  });
  const findings = explanation.report.files.some((file) => file.findings.length > 0)
    ? ['', formatStylish(explanation.report, language).trimEnd()]
    : [];
  return showControls([...header, '', ...table, ...findings, ''].join('\n'));
}

export function formatExplanationJson(explanation: Explanation, exitCode: number): string {
  const { effective } = explanation;
  const findings: FindingBase[] = byPosition(explanation.report.files.flatMap((file) => file.findings));
  const output = {
    version: JSON_OUTPUT_VERSION,
    tool: jsonTool(),
    command: 'explain',
    file: explanation.file,
    pack: { id: effective.id, name: effective.name, document: effective.document },
    term: explanation.term ? formatTerm(explanation.term) : null,
    key: explanation.key ?? null,
    national: effective.national.layer,
    layers: effective.layers,
    entries: explanation.entries,
    findings,
    summary: { ...summarize(explanation.report), exitCode },
  };
  return jsonText(output);
}
