import { packJsonSchema } from '@portfolio-rules/core';
import { type Command, EXIT } from '../command';

/** Prints the pack JSON Schema, byte for byte the packages/core/pack.schema.json that core ships. */
export const schema: Command = {
  name: 'schema',
  summary: {
    'zh-TW': '輸出規定檔的 JSON Schema (供編輯器自動完成及檢查)',
    en: 'print the pack JSON Schema (for editors to complete and check packs)',
  },
  arguments: [],
  options: {},
  run({ io }) {
    io.stdout.write(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
    return Promise.resolve(EXIT.ok);
  },
};
