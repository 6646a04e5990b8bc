import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { createFinding } from '@portfolio-rules/core/internal';
import { readText, writeText } from '../_lib/files';
import { templateFile } from '../_lib/package';
import { CLI_CODES } from '../codes';
import { type Command, EXIT } from '../command';
import { formatProblem } from '../help';

const SCHOOL_ID = /^[a-z][a-z0-9-]*$/;
const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m;

/** The `$schema` line pointing from the new pack to core's pack.schema.json, when it can be found. */
function schemaLine(target: string): string | undefined {
  try {
    const schema = createRequire(import.meta.url).resolve('@portfolio-rules/core/pack.schema.json');
    return `# yaml-language-server: $schema=${relative(dirname(target), schema).split('\\').join('/')}`;
  } catch {
    return undefined;
  }
}

const TEXT = {
  'zh-TW': {
    created: (file: string, template: string) => `已建立 ${file} (取自範本 ${template})`,
    next: (file: string) => [
      '下一步：',
      '  1. 依貴校補充規定逐條修改數值，並以 source: 註明依據的條次',
      `  2. portfolio-rules validate ${file}`,
    ],
  },
  en: {
    created: (file: string, template: string) => `created ${file} (from the template ${template})`,
    next: (file: string) => [
      'Next:',
      "  1. go through your school's rules clause by clause: change each value and name its clause in source:",
      `  2. portfolio-rules validate ${file}`,
    ],
  },
} as const;

export const init: Command = {
  name: 'init',
  summary: {
    'zh-TW': '以範本建立新學校的規定檔',
    en: 'start a new school pack from the template',
  },
  arguments: [{ name: '<school-id>', required: true }],
  options: {
    dir: {
      type: 'string',
      placeholder: '<folder>',
      default: 'schools',
      description: { 'zh-TW': '放置學校資料夾的目錄', en: 'the folder that holds school folders' },
    },
    force: { type: 'boolean', description: { 'zh-TW': '覆寫已存在的規定檔', en: 'overwrite an existing pack' } },
  },
  async run({ io, language, options, positionals }) {
    const [id = ''] = positionals;
    const problem = (finding: Parameters<typeof formatProblem>[0]) => {
      io.stderr.write(formatProblem(finding, language, 'init'));
      return EXIT.usage;
    };
    if (!SCHOOL_ID.test(id))
      return problem(createFinding(CLI_CODES.invalidSchoolId, { id }, { rule: 'cli.init', subject: id }));
    const file = join(String(options.dir), id, 'pack.yaml');
    const target = resolve(io.cwd, file);
    if (existsSync(target) && !options.force)
      return problem(createFinding(CLI_CODES.fileExists, { file }, { rule: 'cli.init', subject: file }));

    const template = io.templateFile ?? templateFile();
    const read = await readText(io.cwd, template);
    if ('finding' in read) return problem(read.finding);
    const line = schemaLine(target);
    const text = read.text.replace(/^id: .*$/m, `id: ${id}`).replace(SCHEMA_LINE, (found) => line ?? found);

    const unwritable = await writeText(io.cwd, file, text);
    if (unwritable) return problem(unwritable);
    const shown = relative(io.cwd, template);
    io.stdout.write(
      [
        TEXT[language].created(file, shown.startsWith('..') ? template : shown),
        '',
        ...TEXT[language].next(file),
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
