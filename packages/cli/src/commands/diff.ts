import { hasErrors } from '@portfolio-rules/core';
import { checkPack } from '../_lib/check-pack';
import { readText, unreadExit } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { type Command, EXIT, formatOption } from '../command';
import { amendmentTable, type Version } from '../diff/amendment';
import { formatAmendmentHtml } from '../diff/html';
import { formatAmendmentMarkdown } from '../diff/markdown';
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
      'zh-TW': '輸出格式：Markdown 或獨立的 HTML 檔 (可由瀏覽器列印)',
      en: 'output format: Markdown or a self-contained, printable HTML page',
    }),
    unchanged: {
      type: 'boolean',
      description: {
        'zh-TW': '未修正之條文亦列出 (說明：無修正)，如全案對照表',
        en: 'list the points that did not change too (說明: 無修正), as a full comparison table does',
      },
    },
  },
  async run({ io, language, options, positionals }) {
    const versions: Version[] = [];
    const reports: FileReport[] = [];
    const sources = new Map<string, string>();
    const registry = await overlayRegistry(io);
    for (const [index, file] of positionals.slice(0, 2).entries()) {
      const read = await readText(io.cwd, file);
      if ('finding' in read) {
        io.stderr.write(formatProblem(read.finding, language, 'diff'));
        return unreadExit(read.finding);
      }
      sources.set(file, read.text);
      const checked = checkPack(file, read.text, registry, { omissions: false });
      reports.push({ file, findings: checked.findings });
      const pack = checked.validation.loaded.pack;
      const resolved = checked.validation.resolution?.versions;
      // The amendment takes effect when the new version starts: the old one's last rules against the new one's first.
      const effective = index === 0 ? resolved?.at(-1) : resolved?.[0];
      if (pack && effective) versions.push({ pack, effective });
    }
    for (const [file, text] of registry.sources) sources.set(file, text);
    const [current, amended] = versions;
    const report = { files: reports, sources };
    if (!current || !amended || hasErrors(reports.flatMap((entry) => entry.findings))) {
      // The table goes to stdout, often into a file: the problems go to stderr.
      io.stderr.write(formatStylish(report, language));
      return EXIT.errors;
    }
    const table = amendmentTable(current, amended, language, { unchanged: options.unchanged === true });
    io.stdout.write(
      options.format === 'html' ? formatAmendmentHtml(table, language) : formatAmendmentMarkdown(table, language),
    );
    if (reports.some((entry) => entry.findings.length > 0)) io.stderr.write(formatStylish(report, language));
    return EXIT.ok;
  },
};
