import type { AuditResult, AuditStatistics, FindingBase, IntakeSummary } from '@portfolio-rules/core';
import type { AuditJson } from '../src/audit/json';

/**
 * A command's JSON output, typed as the CLI writes it: `T` is the CLI's own output type (AuditJson,
 * TimelineJson, TestJson, JsonReport), so a test reads known fields; the values are what it asserts.
 */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** An audit of data: the audit section with its intake and statistics. */
export type DataAuditJson = AuditJson & {
  readonly audit: AuditResult<FindingBase> & { readonly intake: IntakeSummary; readonly statistics: AuditStatistics };
};

/** `audit --data … --format json`; a test fails here when the output is not an audit of data. */
export function parseAuditJson(text: string): DataAuditJson {
  const output = parseJson<AuditJson>(text);
  const { audit } = output;
  if (audit?.intake === undefined || audit.statistics === undefined)
    throw new Error(`not an audit of data:\n${text.slice(0, 500)}`);
  return { ...output, audit: { ...audit, intake: audit.intake, statistics: audit.statistics } };
}
