// The JSON Schemas editors read (yaml-language-server): zod's, with what a person needs on top — a
// sentence in both languages where a pattern would otherwise print its regular expression.
import * as z from 'zod';

type Node = Record<string, unknown>;

const patternOf = (schema: z.ZodType) => (z.toJSONSchema(schema) as { pattern?: string }).pattern ?? '';

const TERM =
  '學期寫成 11201 或 112-1 (學年度後接學期 1 或 2) / a term as 11201 or 112-1 (the academic year, then semester 1 or 2)';

/** What each pattern asks for, by the pattern itself. */
const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [patternOf(z.iso.date())]: '日期寫成 YYYY-MM-DD，例如 2024-01-19 / a date as YYYY-MM-DD, e.g. 2024-01-19',
  '^[a-z][a-z0-9-]*$':
    '代號只用小寫英文字母、數字及 -，以字母開頭，例如 magong / lower-case letters, digits and -, starting with a letter, e.g. magong',
  '^[a-zA-Z][a-zA-Z0-9-]*$':
    '代號只用英文字母、數字及 -，以字母開頭，例如 registration / letters, digits and -, starting with a letter, e.g. registration',
  '^([1-9]\\d{1,2}0[12]|[1-9]\\d{1,2}-[12])$': TERM,
  '^(\\d{2,3}0[12]|\\d{2,3}-[12])$': TERM,
  '^\\d{2}-\\d{2}$': '月日寫成 MM-DD，例如 09-10 / a month and day as MM-DD, e.g. 09-10',
  '^[a-z0-9/_-]+\\.yaml$':
    "學校資料夾中之規定檔，例如 pack.yaml、versions/111.yaml / a pack file in the school's folder, e.g. pack.yaml or versions/111.yaml",
  '^PR\\d{4}$': '檢核代碼，例如 PR2002 / a finding code, e.g. PR2002',
  '^\\d+:\\d+$': '位置寫成 行:欄，例如 21:20 / a place in the pack file as line:column, e.g. 21:20',
};

/** Said of a pattern no entry above explains; a test keeps it from ever being shown. */
export const UNEXPLAINED_PATTERN = '格式不符 / not in the expected format';

/** Every node of a JSON Schema, depth first, with `visit` free to change it. */
export function walkJsonSchema(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) node.forEach((inner) => walkJsonSchema(inner, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as Node);
    Object.values(node).forEach((inner) => walkJsonSchema(inner, visit));
  }
}

/**
 * A zod schema as editors get it (draft-07, the input side): every `pattern` explained by a
 * `patternErrorMessage` in both languages (yaml-language-server shows it instead of the expression),
 * and digit keys (`grades: { 3: … }`) accepted as YAML reads them.
 */
export function editorJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Node;
  walkJsonSchema(json, (node) => {
    if (typeof node.pattern === 'string')
      node.patternErrorMessage = PATTERN_MESSAGES[node.pattern] ?? UNEXPLAINED_PATTERN;
    // YAML reads a key `3:` as the number 3, which yaml-language-server does not match to the
    // property "3" of a closed object: a pattern over the digit keys lets it through.
    const digits = Object.keys((node.properties ?? {}) as Node).filter((key) => /^\d+$/.test(key));
    if (node.additionalProperties === false && digits.length > 0)
      node.patternProperties = { [`^(${digits.join('|')})$`]: {} };
  });
  return json;
}
