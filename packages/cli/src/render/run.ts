import { hasErrors, type Language } from '@portfolio-rules/core';
import { checkPack } from '../_lib/check-pack';
import type { OverlayRegistry } from '../_lib/registry';
import type { Report } from '../formatters/report';
import { type DocumentKind, renderPack } from './document';
import { formatRenderedHtml } from './html';
import { formatRenderedMarkdown } from './markdown';

export interface RenderRequest {
  readonly file: string;
  readonly text: string;
  readonly format: 'md' | 'html';
  readonly document: DocumentKind;
  readonly language: Language;
}

export interface Rendered {
  /** The document; absent when the pack has errors (a document schools publish is not written from it). */
  readonly output?: string;
  /** What `validate` finds wrong in what the pack says (omissions aside), with the texts for code frames. */
  readonly report: Report;
}

/** `render`, once the pack's text is read: the command and the browser playground both write through it. */
export function renderText(request: RenderRequest, registry: OverlayRegistry): Rendered {
  const { file, text, language } = request;
  const checked = checkPack(file, text, registry, { omissions: false });
  const report = {
    files: [{ file, findings: checked.findings }],
    sources: new Map([...registry.sources, [file, text]]),
  };
  // The latest rules of the pack's period, as `explain` shows them without --term.
  const effective = checked.validation.resolution?.versions.at(-1);
  const pack = checked.validation.loaded.pack;
  if (!effective || !pack || hasErrors(checked.findings)) return { report };
  const rendered = renderPack(effective, pack, request.document, language);
  const output =
    request.format === 'html' ? formatRenderedHtml(rendered, language) : formatRenderedMarkdown(rendered, language);
  return { output, report };
}
