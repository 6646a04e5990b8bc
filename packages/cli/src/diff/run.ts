import { hasErrors, type Language } from '@portfolio-rules/core';
import { checkPack } from '../_lib/check-pack';
import type { OverlayRegistry } from '../_lib/registry';
import type { FileReport, Report } from '../formatters/report';
import { amendmentTable, type Version } from './amendment';
import { formatAmendmentHtml } from './html';
import { formatAmendmentMarkdown } from './markdown';

export interface DiffRequest {
  /** The version in force, then the amended one. */
  readonly files: readonly [
    { readonly file: string; readonly text: string },
    { readonly file: string; readonly text: string },
  ];
  readonly format: 'md' | 'html';
  readonly language: Language;
  /** List the points that did not change too (說明: 無修正). */
  readonly unchanged: boolean;
}

export interface Diffed {
  /** The amendment table; absent when either version has errors. */
  readonly output?: string;
  /** What `validate` finds wrong in each version (omissions aside), with the texts for code frames. */
  readonly report: Report;
}

/** `diff`, once both versions' texts are read: the command and the browser playground both write through it. */
export function diffTexts(request: DiffRequest, registry: OverlayRegistry): Diffed {
  const versions: Version[] = [];
  const files: FileReport[] = [];
  const sources = new Map(registry.sources);
  for (const [index, { file, text }] of request.files.entries()) {
    sources.set(file, text);
    const checked = checkPack(file, text, registry, { omissions: false });
    files.push({ file, findings: checked.findings });
    const pack = checked.validation.loaded.pack;
    const resolved = checked.validation.resolution?.versions;
    // The amendment takes effect when the new version starts: the old one's last rules against the new one's first.
    const effective = index === 0 ? resolved?.at(-1) : resolved?.[0];
    if (pack && effective) versions.push({ pack, effective });
  }
  const report = { files, sources };
  const [current, amended] = versions;
  if (!current || !amended || hasErrors(files.flatMap((entry) => entry.findings))) return { report };
  const table = amendmentTable(current, amended, request.language, { unchanged: request.unchanged });
  const output =
    request.format === 'html'
      ? formatAmendmentHtml(table, request.language)
      : formatAmendmentMarkdown(table, request.language);
  return { output, report };
}
