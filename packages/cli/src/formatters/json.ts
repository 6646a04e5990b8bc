import type { FindingBase } from '@portfolio-rules/core';
import { TOOL_NAME, toolVersion } from '../_lib/package';
import { byPosition, type Report, type Summary, summarize } from './report';
import { jsonSafe } from './safe-text';
import { jsonOf } from '@portfolio-rules/core/internal';

/** The version of the JSON output's schema (docs/reference/json-output.md); bumped only on a breaking change. */
export const JSON_OUTPUT_VERSION = 1;

export interface JsonTool {
  readonly name: string;
  readonly version: string;
}

export interface JsonReport {
  readonly version: typeof JSON_OUTPUT_VERSION;
  readonly tool: JsonTool;
  readonly command: string;
  readonly files: readonly { readonly file: string; readonly findings: readonly FindingBase[] }[];
  readonly summary: Summary & { readonly exitCode: number };
}

export function jsonTool(): JsonTool {
  return { name: TOOL_NAME, version: toolVersion() };
}

/** `JSON.stringify(value, null, 2)` and a newline, with no raw control or override character (the same JSON value). */
export function jsonText(value: unknown): string {
  return `${jsonSafe(String(jsonOf(value, 2)))}\n`;
}

/** Machine-readable output: a versioned, documented schema. Findings carry both languages. */
export function formatJson(report: Report, command: string, exitCode: number): string {
  const output: JsonReport = {
    version: JSON_OUTPUT_VERSION,
    tool: jsonTool(),
    command,
    files: report.files.map(({ file, findings }) => ({ file, findings: byPosition(findings) })),
    summary: { ...summarize(report), exitCode },
  };
  return jsonText(output);
}
