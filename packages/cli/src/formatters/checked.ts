import {
  type AuditResult,
  CATALOGUE,
  type CodeSpec,
  type FindingBase,
  type IntakeSummary,
  type Rejection,
} from '@portfolio-rules/core';
import { CLI_CODES } from '../codes';
import type { FileReport } from './report';

/**
 * What the SARIF and JUnit formatters render: the audits of one run (one per school), or validate's
 * findings per file. `data` is the data file or folder the audits read (`--data`): where a finding
 * about the data without a file of its own belongs.
 */
export type CheckedInput =
  | { readonly audits: readonly AuditResult<FindingBase>[]; readonly data?: string }
  | { readonly files: readonly FileReport[] };

/** One file checked by validate, or one school's audit: a SARIF artifact group, a JUnit test suite. */
export interface CheckedGroup {
  /** The file, or the school as `name (id)`. */
  readonly name: string;
  /** Where a finding without a position of its own belongs: the file, or the audited pack's file. */
  readonly file?: string;
  /** For an audit that read data: the data file or folder, where the findings about the data belong. */
  readonly data?: string;
  /** The findings, then the rejected input lines not already among them, as findings at their line (those beyond the listing limit as one finding per code). */
  readonly findings: readonly FindingBase[];
  readonly audit?: AuditResult<FindingBase>;
}

/** The school an audit is about, as people name it: `國立馬公高級中學 (magong)`; with the data's school id when the pack's data holds several: `013301 · 臺北市 (taipei)`. */
export function auditName(audit: AuditResult<FindingBase>): string {
  const name = audit.pack.school ?? audit.pack.name;
  const pack = name && name !== audit.pack.id ? `${name} (${audit.pack.id})` : audit.pack.id;
  return audit.school !== undefined && audit.school !== audit.pack.id ? `${audit.school} · ${pack}` : pack;
}

/** The id of the school an audit is about: the data's school id, else the pack's id. */
export const schoolId = (audit: AuditResult<FindingBase>) => audit.school ?? audit.pack.id;

/** A rejected input line (bad JSON, unknown type, missing field) as a finding at its line. */
export function rejectionFinding(rejection: Rejection): FindingBase {
  const where = `${rejection.file ?? ''}:${rejection.line}`.replace(/^:/, 'line ');
  return {
    code: rejection.code,
    severity: rejection.severity,
    rule: 'dataset.intake',
    subject: where,
    message: rejection.message,
    position: {
      ...(rejection.file !== undefined && { file: rejection.file }),
      line: rejection.line,
      column: 1,
      record: rejection.line,
    },
    data: {},
  };
}

/**
 * The rejected lines beyond the listing limit, one finding per code that stands for all of them
 * (`data.unlisted` says how many): so that every report counts every rejected line.
 */
export function unlistedFindings(intake: IntakeSummary): FindingBase[] {
  if (intake.unlisted === 0) return [];
  const listed = new Map<string, number>();
  for (const rejection of intake.rejections) listed.set(rejection.code, (listed.get(rejection.code) ?? 0) + 1);
  return Object.entries(intake.byCode).flatMap(([code, count]) => {
    const unlisted = count - (listed.get(code) ?? 0);
    if (unlisted <= 0) return [];
    return [
      {
        code,
        severity: specOf(code)?.severity ?? 'error',
        rule: 'dataset.intake',
        subject: `${code} × ${unlisted}`,
        message: {
          'zh-TW': `另有 ${unlisted} 列因 ${code} 退回，未逐一列出 (只列出前 ${intake.rejections.length} 列)`,
          en: `${unlisted} more lines were rejected with ${code}, not listed one by one (the first ${intake.rejections.length} are)`,
        },
        data: { unlisted },
      },
    ];
  });
}

/** How many problems a finding stands for: one, or the rejected lines an unlisted finding counts. */
export const countOf = (finding: FindingBase): number =>
  typeof finding.data.unlisted === 'number' ? finding.data.unlisted : 1;

export interface Tally {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Errors, warnings and infos: the one tally every report gives (stylish, JSON, SARIF, JUnit, HTML). */
export function tallyOf(findings: readonly FindingBase[]): Tally {
  const tally = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    const count = countOf(finding);
    if (finding.severity === 'error') tally.errors += count;
    else if (finding.severity === 'warning') tally.warnings += count;
    else tally.infos += count;
  }
  return tally;
}

const placeOf = (finding: FindingBase) =>
  `${finding.code} ${finding.position?.file ?? ''}:${finding.position?.record ?? finding.position?.line ?? ''}`;

/** An audit's findings, then its rejected input lines not already among them (each a finding at its line), then those not listed. */
export function auditFindings(audit: AuditResult<FindingBase>): FindingBase[] {
  const reported = new Set(audit.findings.map(placeOf));
  const rejected = (audit.intake?.rejections ?? [])
    .map(rejectionFinding)
    .filter((finding) => !reported.has(placeOf(finding)));
  return [...audit.findings, ...rejected, ...(audit.intake ? unlistedFindings(audit.intake) : [])];
}

export function checkedGroups(input: CheckedInput): CheckedGroup[] {
  if ('files' in input) return input.files.map(({ file, findings }) => ({ name: file, file, findings }));
  return input.audits.map((audit) => {
    const data = readData(audit) ? dataFileOf(audit, input.data) : undefined;
    return {
      name: auditName(audit),
      ...(audit.pack.file !== undefined && { file: audit.pack.file }),
      ...(data !== undefined && { data }),
      findings: auditFindings(audit),
      audit,
    };
  });
}

/** Whether an audit read data (it has an intake or statistics); the findings of one that did not are about the pack. */
export const readData = (audit: AuditResult<FindingBase>) =>
  audit.intake !== undefined || audit.statistics !== undefined;

/** The data an audit read: as given, else the file of its first rejected line or of its first finding placed outside the pack. */
function dataFileOf(audit: AuditResult<FindingBase>, data: string | undefined): string | undefined {
  return (
    data ??
    audit.intake?.rejections.find((rejection) => rejection.file !== undefined)?.file ??
    audit.findings.find((finding) => finding.position?.file !== undefined && finding.position.file !== audit.pack.file)
      ?.position?.file
  );
}

/** The line a finding points at: a dataset record's line, else its position's line. */
export function lineOf(finding: FindingBase): number | undefined {
  return finding.position?.record ?? finding.position?.line;
}

/** The catalogue entry of any code, the core's or the CLI's: its name, default severity and title. */
export function specOf(code: string): Omit<CodeSpec<never>, 'message'> | undefined {
  return CATALOGUE[code] ?? Object.values(CLI_CODES).find((spec) => spec.code === code);
}
