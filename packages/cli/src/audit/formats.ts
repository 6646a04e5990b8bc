import { type AuditResult, type FindingBase, type Language, sortFindings } from '@portfolio-rules/core';
import type { Output } from '../command';
import { writeHtml } from '../formatters/html';
import { writeJson } from '../formatters/json-pieces';
import { writeJunit } from '../formatters/junit';
import { readData } from '../formatters/checked';
import { sarifLog } from '../formatters/sarif';
import type { AuditRun } from './run';

/** The report formats rendered by packages/cli/src/formatters (SARIF, self-contained HTML, JUnit XML). */
export const OTHER_FORMATS = ['sarif', 'html', 'junit'] as const;

/** The audits the formatters render: each school on its own when the data holds several, the one audit otherwise. */
export function auditsOf(result: AuditResult<FindingBase>): readonly AuditResult<FindingBase>[] {
  return result.schools && result.schools.length > 1
    ? result.schools.map((school, index) =>
        index === 0 && result.intake ? { ...school, intake: result.intake } : school,
      )
    : [result];
}

/**
 * The audits SARIF renders: the pack's own findings as an audit without data (at the pack file),
 * then each school's audit with only the findings about its data (at the data file), so that no
 * finding about the data points at the pack and the pack's findings appear once, whatever the schools.
 * Without data, the audit as it is: all its findings are about the pack.
 */
export function sarifAudits(
  result: AuditResult<FindingBase>,
  packFindings: readonly FindingBase[],
): readonly AuditResult<FindingBase>[] {
  if (!readData(result)) return [result];
  const pack = new Set(packFindings);
  const schools = auditsOf(result).map((audit) => ({
    ...audit,
    findings: audit.findings.filter((finding) => !pack.has(finding)),
  }));
  return [{ pack: result.pack, asOf: result.asOf, findings: sortFindings(packFindings) }, ...schools];
}

/**
 * The audits JUnit and HTML render: with several schools and a pack with findings of its own, as
 * for SARIF, the pack's findings first (a suite, a section of their own; no school's audit holds
 * them), then each school with its data findings; otherwise the schools as they are (one school's
 * findings hold the pack's once).
 */
export function reportAudits(
  result: AuditResult<FindingBase>,
  packFindings: readonly FindingBase[],
): { audits: readonly AuditResult<FindingBase>[]; packFirst: boolean } {
  const schools = auditsOf(result);
  const packFirst = schools.length > 1 && packFindings.length > 0;
  return { audits: packFirst ? sarifAudits(result, packFindings) : schools, packFirst };
}

/** A report, written to stdout or a file piece by piece (a finding, a school at a time), never whole in memory. */
export type Report = (output: Output) => void;

/**
 * The audit with the problems of its inputs (data files, encodings, calendars) among its findings,
 * for the reports that render audits only: on the first school when the data holds several.
 */
function withInputs(result: AuditResult<FindingBase>, inputs: readonly FindingBase[]): AuditResult<FindingBase> {
  if (inputs.length === 0) return result;
  const findings = sortFindings([...inputs, ...result.findings]);
  if (!result.schools || result.schools.length <= 1) return { ...result, findings };
  const [first, ...rest] = result.schools;
  if (!first) return { ...result, findings };
  return {
    ...result,
    findings,
    schools: [{ ...first, findings: sortFindings([...inputs, ...first.findings]) }, ...rest],
  };
}

export function renderOther(
  format: string,
  run: AuditRun & { result: AuditResult<FindingBase> },
  lang: Language,
  data: string | undefined,
): Report {
  const result = withInputs(run.result, run.inputFindings);
  const packFindings = run.packFindings ?? [];
  if (format === 'sarif')
    return (output) =>
      writeJson(
        sarifLog({ audits: sarifAudits(result, packFindings), ...(data !== undefined && { data }) }, { lang }),
        output,
      );
  const input = reportAudits(result, packFindings);
  if (format === 'junit') return (output) => writeJunit(input, { lang }, output);
  return (output) => writeHtml(input, { lang }, output);
}
