import { hasErrors } from '@portfolio-rules/core';
import { checkPack } from '../_lib/check-pack';
import { readText } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { type Command, EXIT, formatOption } from '../command';
import { formatStylish } from '../formatters/stylish';
import { formatProblem } from '../help';
import { DOCUMENTS, type DocumentKind, renderPack } from '../render/document';
import { formatRenderedHtml } from '../render/html';
import { formatRenderedMarkdown } from '../render/markdown';

export const render: Command = {
  name: 'render',
  summary: {
    'zh-TW': '由規定檔產生學校公告的文件：工作分工表、代理人名單、作業流程、件數規定 (Markdown 或 HTML)',
    en: 'the documents schools publish, generated from the pack: division of labour, deputy list, work flow, caps (Markdown or HTML)',
  },
  arguments: [{ name: '<pack.yaml>', required: true }],
  options: {
    format: formatOption(['md', 'html'], {
      'zh-TW': '輸出格式：Markdown 或獨立的 HTML 檔 (可列印)',
      en: 'output format: Markdown or a self-contained, printable HTML page',
    }),
    document: formatOption(['all', ...DOCUMENTS], { 'zh-TW': '產生哪一份文件', en: 'which document to write' }),
  },
  async run({ io, language, options, positionals }) {
    const [file = ''] = positionals;
    const read = await readText(io.cwd, file);
    if ('finding' in read) {
      io.stderr.write(formatProblem(read.finding, language, 'render'));
      return EXIT.usage;
    }
    const registry = await overlayRegistry(io);
    const checked = checkPack(file, read.text, registry);
    const report = {
      files: [{ file, findings: checked.findings }],
      sources: new Map([...registry.sources, [file, read.text]]),
    };
    // The latest rules of the pack's period, as `explain` shows them without --term.
    const effective = checked.validation.resolution?.versions.at(-1);
    const pack = checked.validation.loaded.pack;
    if (!effective || !pack || hasErrors(checked.findings)) {
      // A document that schools publish is not written from a pack with errors; the problems go to stderr.
      io.stderr.write(formatStylish(report, language));
      return EXIT.errors;
    }
    const documents: readonly DocumentKind[] =
      options.document === 'all' || typeof options.document !== 'string'
        ? DOCUMENTS
        : [options.document as DocumentKind];
    const rendered = renderPack(effective, pack, documents, language);
    io.stdout.write(
      options.format === 'html' ? formatRenderedHtml(rendered, language) : formatRenderedMarkdown(rendered, language),
    );
    if (checked.findings.length > 0) io.stderr.write(formatStylish(report, language));
    return EXIT.ok;
  },
};
