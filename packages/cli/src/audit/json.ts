import type { AuditResult, FindingBase } from '@portfolio-rules/core';
import { JSON_OUTPUT_VERSION, jsonTool } from '../formatters/json';
import { auditTally } from './text';

/**
 * `audit --format json`: the envelope of every command (version, tool, command, summary) with the
 * pack file, the input problems and the `audit` section — core's AuditResult as is (findings,
 * intake, statistics, and per school under `schools`). docs/reference/json-output.md. Written in
 * pieces by formatters/json-pieces.
 */
export function auditJson(
  result: AuditResult<FindingBase> | undefined,
  inputFindings: readonly FindingBase[],
  file: string,
  exitCode: number,
) {
  const tally = auditTally(result, inputFindings);
  return {
    version: JSON_OUTPUT_VERSION,
    tool: jsonTool(),
    command: 'audit' as const,
    file,
    inputFindings,
    ...(result && { audit: result }),
    summary: { files: 1, ...tally, exitCode },
  };
}

/** What `audit --format json` prints (docs/reference/json-output.md). */
export type AuditJson = ReturnType<typeof auditJson>;
