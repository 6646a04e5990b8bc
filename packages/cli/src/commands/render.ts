import { hasErrors } from '@portfolio-rules/core';
import { checkPack } from '../_lib/check-pack';
import { readText, unreadExit } from '../_lib/files';
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
    'zh-TW':
      '由規定檔產生學校公告的補充規定：標題、訂定及修正沿革、條文、附表，以及工作分工表、代理人名單、作業流程、件數規定、宣告之角色 (Markdown 或 HTML)',
    en: 'the supplementary rules as the school posts them, generated from the pack: title, adoption history, clauses, annexes, then the division of labour, deputy list, work flow, caps and declared roles (Markdown or HTML)',
  },
  arguments: [{ name: '<pack.yaml>', required: true }],
  options: {
    format: formatOption(['md', 'html'], {
      'zh-TW': '輸出格式：Markdown 或獨立的 HTML 檔 (可由瀏覽器列印為 A4)',
      en: 'output format: Markdown or a self-contained HTML page that prints on A4 from a browser',
    }),
    document: formatOption(DOCUMENTS, {
      'zh-TW': '產生哪一部分：all 全部、text 條文 (含附表)，或其中一張表',
      en: 'which part to write: all, text (the clauses and annexes), or one of the tables',
    }),
  },
  async run({ io, language, options, positionals }) {
    const [file = ''] = positionals;
    const read = await readText(io.cwd, file);
    if ('finding' in read) {
      io.stderr.write(formatProblem(read.finding, language, 'render'));
      return unreadExit(read.finding);
    }
    const registry = await overlayRegistry(io);
    const checked = checkPack(file, read.text, registry, { omissions: false });
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
    const document = typeof options.document === 'string' ? (options.document as DocumentKind) : 'all';
    const rendered = renderPack(effective, pack, document, language);
    io.stdout.write(
      options.format === 'html' ? formatRenderedHtml(rendered, language) : formatRenderedMarkdown(rendered, language),
    );
    if (checked.findings.length > 0) io.stderr.write(formatStylish(report, language));
    return EXIT.ok;
  },
};
