import { readText, unreadExit } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { type Command, EXIT, formatOption } from '../command';
import { formatStylish } from '../formatters/stylish';
import { formatProblem } from '../help';
import { DOCUMENTS, type DocumentKind } from '../render/document';
import { renderText } from '../render/run';

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
    const document = typeof options.document === 'string' ? (options.document as DocumentKind) : 'all';
    const format = options.format === 'html' ? 'html' : 'md';
    const { output, report } = renderText(
      { file, text: read.text, format, document, language },
      await overlayRegistry(io),
    );
    const problems = report.files.some((entry) => entry.findings.length > 0);
    // A document that schools publish is not written from a pack with errors; the problems go to stderr.
    if (output !== undefined) io.stdout.write(output);
    if (problems) io.stderr.write(formatStylish(report, language));
    return output === undefined ? EXIT.errors : EXIT.ok;
  },
};
