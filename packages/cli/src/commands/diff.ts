import { hasErrors, loadPack, type Pack } from '@portfolio-rules/core';
import { readText } from '../_lib/files';
import { type Command, EXIT, formatOption } from '../command';
import { compareRules } from '../diff/compare';
import { formatAmendmentHtml } from '../diff/html';
import { formatAmendmentMarkdown } from '../diff/markdown';
import type { Amendment } from '../diff/text';
import type { FileReport } from '../formatters/report';
import { formatStylish } from '../formatters/stylish';
import { formatProblem } from '../help';

export const diff: Command = {
  name: 'diff',
  summary: {
    'zh-TW': '比較規定的兩個版本，產生修正對照表 (修正條文／現行條文／說明)',
    en: 'compare two versions of a pack: the amendment table (修正條文 / 現行條文 / 說明)',
  },
  arguments: [
    { name: '<old.yaml>', required: true },
    { name: '<new.yaml>', required: true },
  ],
  options: {
    format: formatOption(['md', 'html'], {
      'zh-TW': '輸出格式：Markdown 或獨立的 HTML 檔',
      en: 'output format: Markdown or a self-contained HTML page',
    }),
  },
  async run({ io, language, options, positionals }) {
    const sides: { file: string; pack: Pack }[] = [];
    const reports: FileReport[] = [];
    const sources = new Map<string, string>();
    for (const file of positionals.slice(0, 2)) {
      const read = await readText(io.cwd, file);
      if ('finding' in read) {
        io.stderr.write(formatProblem(read.finding, language, 'diff'));
        return EXIT.usage;
      }
      sources.set(file, read.text);
      const loaded = loadPack(read.text, { file });
      reports.push({ file, findings: loaded.findings });
      if (loaded.pack) sides.push({ file, pack: loaded.pack });
    }
    const [current, amended] = sides;
    if (!current || !amended || hasErrors(reports.flatMap((report) => report.findings))) {
      // The table goes to stdout, often into a file: the problems go to stderr.
      io.stderr.write(formatStylish({ files: reports, sources }, language));
      return EXIT.errors;
    }
    const amendment: Amendment = { current, amended, changes: compareRules(current.pack, amended.pack) };
    io.stdout.write(
      options.format === 'html'
        ? formatAmendmentHtml(amendment, language)
        : formatAmendmentMarkdown(amendment, language),
    );
    return EXIT.ok;
  },
};
