import { readText, unreadExit } from '../_lib/files';
import { overlayRegistry } from '../_lib/overlays';
import { type Command, EXIT, formatOption } from '../command';
import { diffTexts } from '../diff/run';
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
    const texts: { file: string; text: string }[] = [];
    for (const file of positionals.slice(0, 2)) {
      const read = await readText(io.cwd, file);
      if ('finding' in read) {
        io.stderr.write(formatProblem(read.finding, language, 'diff'));
        return unreadExit(read.finding);
      }
      texts.push({ file, text: read.text });
    }
    const [current, amended] = texts;
    if (!current || !amended) return EXIT.usage;
    const format = options.format === 'html' ? 'html' : 'md';
    const unchanged = options.unchanged === true;
    const registry = await overlayRegistry(io);
    const { output, report } = diffTexts({ files: [current, amended], format, language, unchanged }, registry);
    // The table goes to stdout, often into a file: the problems go to stderr.
    if (output !== undefined) io.stdout.write(output);
    if (report.files.some((entry) => entry.findings.length > 0)) io.stderr.write(formatStylish(report, language));
    return output === undefined ? EXIT.errors : EXIT.ok;
  },
};
