import { formatProblem } from '../help';
import { SCHEMA_KINDS, type SchemaKind, schemaText, writeSchemas } from '../_lib/schemas';
import { type Command, EXIT, formatOption } from '../command';

const TEXT = {
  'zh-TW': {
    wrote: (file: string) => `已寫入 ${file}`,
    next: '檔案首行之 # yaml-language-server: $schema=… 指向這些檔案；升級 portfolio-rules 後再執行一次即可更新。',
  },
  en: {
    wrote: (file: string) => `wrote ${file}`,
    next: 'The # yaml-language-server: $schema=… line atop each file points at them; run this again after upgrading portfolio-rules.',
  },
} as const;

/**
 * Prints a JSON Schema (byte for byte the `<kind>.schema.json` core ships), or writes all three into
 * a school's folder (`--write <folder>`: `<folder>/schemas/`), where the files' `$schema` lines find them.
 */
export const schema: Command = {
  name: 'schema',
  summary: {
    'zh-TW': '輸出規定檔、情境或行事曆的 JSON Schema (供編輯器自動完成及檢查)，或寫入學校資料夾',
    en: "print the JSON Schema of packs, scenarios or calendars (for editors), or write them into a school's folder",
  },
  arguments: [],
  options: {
    kind: formatOption(SCHEMA_KINDS, {
      'zh-TW': '哪一種檔案：pack 規定檔、scenario 情境、calendar 行事曆',
      en: 'which file: pack, scenario, calendar',
    }),
    write: {
      type: 'string',
      placeholder: '<folder>',
      description: {
        'zh-TW': '將三種 Schema 寫入 <folder>/schemas/ (init 建立之學校資料夾)',
        en: "write all three into <folder>/schemas/ (a school's folder made by init)",
      },
    },
  },
  async run({ io, language, options }) {
    if (typeof options.write !== 'string') {
      io.stdout.write(schemaText(options.kind as SchemaKind));
      return EXIT.ok;
    }
    const written = await writeSchemas(io.cwd, options.write);
    if ('finding' in written) {
      io.stderr.write(formatProblem(written.finding, language, 'schema'));
      return EXIT.usage;
    }
    io.stdout.write([...written.written.map(TEXT[language].wrote), TEXT[language].next, ''].join('\n'));
    return EXIT.ok;
  },
};
