import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createFinding } from '@portfolio-rules/core/internal';
import { readText, writeText } from '../_lib/files';
import { templateFolder } from '../_lib/package';
import { kindOf, withModeline, writeSchemas } from '../_lib/schemas';
import { CLI_CODES } from '../codes';
import { type Command, EXIT } from '../command';
import { formatProblem } from '../help';

const SCHOOL_ID = /^[a-z][a-z0-9-]*$/;
/** Where the template names its id: the pack's `id:` line, the README's title. */
const TEMPLATE_ID = /^id: template-school$|\(template-school\)/gm;

/** The template's files, relative to it: pack.yaml, README.md, calendar.yaml, scenarios/*.yaml. */
async function templateFiles(folder: string, under = ''): Promise<string[]> {
  const entries = await readdir(join(folder, under), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await templateFiles(folder, path)));
    else if (entry.isFile() && /\.(ya?ml|md)$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** A template file as the school gets it: its id in place, its `$schema` line pointing into its own folder. */
function adapt(text: string, file: string, id: string): string {
  const named = text.replace(TEMPLATE_ID, (found) => found.replace('template-school', id));
  return /\.ya?ml$/.test(file) ? withModeline(named, file, kindOf(file)) : named;
}

const TEXT = {
  'zh-TW': {
    created: (folder: string, template: string) => `已建立 ${folder}/ (取自範本 ${template})：`,
    next: (folder: string) => [
      '下一步：',
      `  1. 把 ${folder}/pack.yaml 的 ○○ 改為貴校名稱，並依補充規定逐條修改數值，以 source: 註明依據的條次`,
      `  2. portfolio-rules validate ${folder}/pack.yaml`,
      `  3. portfolio-rules test ${folder}`,
      `  4. portfolio-rules timeline ${folder}/pack.yaml --calendar ${folder}/calendar.yaml`,
    ],
  },
  en: {
    created: (folder: string, template: string) => `created ${folder}/ (from the template ${template}):`,
    next: (folder: string) => [
      'Next:',
      `  1. replace the ○○ in ${folder}/pack.yaml with your school's names, then go through your rules clause by clause: change each value and name its clause in source:`,
      `  2. portfolio-rules validate ${folder}/pack.yaml`,
      `  3. portfolio-rules test ${folder}`,
      `  4. portfolio-rules timeline ${folder}/pack.yaml --calendar ${folder}/calendar.yaml`,
    ],
  },
} as const;

export const init: Command = {
  name: 'init',
  summary: {
    'zh-TW': '以範本建立新學校的資料夾：規定檔、情境測試、README、行事曆及編輯器用之 Schema',
    en: "start a new school's folder from the template: pack, scenarios, README, calendar and the editor schemas",
  },
  arguments: [{ name: '<school-id>', required: true }],
  options: {
    dir: {
      type: 'string',
      placeholder: '<folder>',
      default: 'schools',
      description: { 'zh-TW': '放置學校資料夾的目錄', en: 'the folder that holds school folders' },
    },
    force: {
      type: 'boolean',
      description: { 'zh-TW': '覆寫已存在的學校資料夾', en: "overwrite an existing school's folder" },
    },
  },
  async run({ io, language, options, positionals }) {
    const [id = ''] = positionals;
    const problem = (finding: Parameters<typeof formatProblem>[0]) => {
      io.stderr.write(formatProblem(finding, language, 'init'));
      return EXIT.usage;
    };
    if (!SCHOOL_ID.test(id))
      return problem(createFinding(CLI_CODES.invalidSchoolId, { id }, { rule: 'cli.init', subject: id }));
    const folder = join(String(options.dir), id);
    const pack = join(folder, 'pack.yaml');
    if (existsSync(resolve(io.cwd, pack)) && !options.force)
      return problem(createFinding(CLI_CODES.fileExists, { file: pack }, { rule: 'cli.init', subject: pack }));

    const template = io.templateFolder ?? templateFolder();
    const files = await templateFiles(template);
    if (!files.includes('pack.yaml')) {
      const missing = join(template, 'pack.yaml');
      return problem(
        createFinding(
          CLI_CODES.unreadableFile,
          { file: missing, reason: 'notFound' },
          { rule: 'cli.read', subject: missing },
        ),
      );
    }
    const written: string[] = [];
    for (const file of files) {
      const read = await readText(template, file);
      if ('finding' in read) return problem(read.finding);
      const unwritable = await writeText(io.cwd, join(folder, file), adapt(read.text, file, id));
      if (unwritable) return problem(unwritable);
      written.push(join(folder, file));
    }
    const schemas = await writeSchemas(io.cwd, folder);
    if ('finding' in schemas) return problem(schemas.finding);

    const shown = relative(io.cwd, template);
    io.stdout.write(
      [
        TEXT[language].created(folder, shown.startsWith('..') ? template : shown),
        ...[...written, ...schemas.written].map((file) => `  ${file}`),
        '',
        ...TEXT[language].next(folder),
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
