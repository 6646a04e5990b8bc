import type { FindingBase } from '@portfolio-rules/core';

/** The findings about one input file. */
export interface FileReport {
  readonly file: string;
  readonly findings: readonly FindingBase[];
}

/** What a checking command found, ready for a formatter. */
export interface Report {
  readonly files: readonly FileReport[];
  /** The text of every file read (packs and the overlays they extend), for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarize(report: Pick<Report, 'files'>): Summary {
  const all = report.files.flatMap((file) => file.findings);
  const count = (severity: FindingBase['severity']) => all.filter((finding) => finding.severity === severity).length;
  return { files: report.files.length, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** Findings in reading order: by line, then column; findings without a position first. */
export function byPosition(findings: readonly FindingBase[]): FindingBase[] {
  const key = (finding: FindingBase) => [finding.position?.line ?? 0, finding.position?.column ?? 0] as const;
  return [...findings].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
}
