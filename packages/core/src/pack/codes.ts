import type { ErrorCode } from 'yaml';
import { defineCode } from '../findings/define';
import { didYouMean, typeNamer } from '../_lib/words';

/**
 * What a YAML parser's complaint means, in Chinese, by its code: a school's staff reads this, not
 * the parser's English (which the English message keeps).
 */
const YAML_PROBLEMS: Readonly<Partial<Record<ErrorCode, string>>> = {
  ALIAS_PROPS: '別名 (*) 不能加上錨點 (&) 或標籤 (!)',
  BAD_ALIAS: '別名 (*) 沒有寫在其前面的錨點 (&) 可指，或寫法不正確',
  BAD_DIRECTIVE: '不正確的 % 指令',
  BAD_DQ_ESCAPE: '雙引號字串中的跳脫字元 (\\) 不正確',
  BAD_INDENT: '縮排不正確',
  BAD_PROP_ORDER: '錨點 (&) 或標籤 (!) 的位置不正確',
  BAD_SCALAR_START: '值不能以此符號開頭 (如 @、`、%)，請以引號括起',
  BLOCK_AS_IMPLICIT_KEY: '同一行不能再寫一層「鍵: 值」：值中含有「: 」時請加引號，下一層的設定請換行並縮排',
  BLOCK_IN_FLOW: '[ ] 或 { } 之中不能換行寫多行的內容',
  DUPLICATE_KEY: '設定鍵重複',
  KEY_OVER_1024_CHARS: '設定鍵超過 1024 個字元',
  MISSING_CHAR: '缺少必要的符號 (如結尾的引號、] 或 }、項目間的逗號、設定鍵後的冒號，或 # 之前的空白)',
  MULTILINE_IMPLICIT_KEY: '設定鍵與其冒號須在同一行；可能是縮排有誤，或值中含有「: 」而未加引號',
  MULTIPLE_ANCHORS: '同一個值有兩個以上的錨點 (&)',
  MULTIPLE_DOCS: '檔案只能有一份文件 (不可再出現 ---)',
  MULTIPLE_TAGS: '同一個值有兩個以上的標籤 (!)',
  NON_STRING_KEY: '設定鍵必須是文字',
  TAB_AS_INDENT: '不能以 Tab 縮排，請改用空白',
  TAG_RESOLVE_FAILED: '無法解讀的標籤 (!)',
  UNEXPECTED_TOKEN: '此處出現不該有的符號 (如多餘的 ]、}、- 或 :)',
  BAD_COLLECTION_TYPE: '清單或對應表的寫法與標籤不符',
};

/** Type names as a pack's YAML shows them. */
const typeName = typeNamer({
  string: { zh: '文字', en: 'text' },
  number: { zh: '數字', en: 'a number' },
  int: { zh: '整數', en: 'a whole number' },
  boolean: { zh: '是非值 (true/false)', en: 'true or false' },
  array: { zh: '清單 (- 開頭的項目)', en: 'a list' },
  object: { zh: '對應表 (鍵: 值)', en: 'a mapping (key: value)' },
  null: { zh: '空值', en: 'nothing' },
  undefined: { zh: '空值', en: 'nothing' },
  decimal: { zh: '小數', en: 'a decimal number' },
  infinite: { zh: '超出範圍的數字 (無限大)', en: 'a number too large to hold (infinite)' },
  nan: { zh: '非數字 (.nan)', en: 'not-a-number (.nan)' },
});

export const PACK_CODES = {
  yamlSyntax: defineCode({
    code: 'PR1001',
    name: 'yaml-syntax',
    severity: 'error',
    title: { 'zh-TW': 'YAML 語法錯誤', en: 'YAML syntax error' },
    /** `detail`: the parser's explanation (English); `problem`: its code, e.g. `MISSING_CHAR`, said in Chinese. */
    message: ({ detail, problem }: { detail: string; problem?: string }) => ({
      'zh-TW': `YAML 語法錯誤：${(problem && YAML_PROBLEMS[problem as ErrorCode]) ?? '無法解讀此處的內容'}`,
      en: `YAML syntax error: ${detail}`,
    }),
  }),
  duplicateKey: defineCode({
    code: 'PR1002',
    name: 'duplicate-key',
    severity: 'error',
    title: { 'zh-TW': '重複的設定鍵', en: 'Duplicate key' },
    message: ({ key }: { key: string }) => ({
      'zh-TW': `設定鍵「${key}」重複出現；每個鍵只能寫一次`,
      en: `duplicate key \`${key}\`: each key may appear once`,
    }),
  }),
  unknownKey: defineCode({
    code: 'PR1003',
    name: 'unknown-key',
    severity: 'error',
    title: { 'zh-TW': '未知的設定鍵', en: 'Unknown key' },
    message: ({ key, suggestion }: { key: string; suggestion?: string; allowed: readonly string[] }) => ({
      'zh-TW': `未知的設定鍵「${key}」${didYouMean(suggestion).zh}`,
      en: `unknown key \`${key}\`${didYouMean(suggestion).en}`,
    }),
  }),
  wrongType: defineCode({
    code: 'PR1004',
    name: 'wrong-type',
    severity: 'error',
    title: { 'zh-TW': '資料型態錯誤', en: 'Wrong type' },
    message: ({ expected, received }: { expected: string; received: string }) => ({
      'zh-TW': `此處應為${typeName(expected, 'zh')}，但寫的是${typeName(received, 'zh')}`,
      en: `expected ${typeName(expected, 'en')}, found ${typeName(received, 'en')}`,
    }),
  }),
  invalidValue: defineCode({
    code: 'PR1005',
    name: 'invalid-value',
    severity: 'error',
    title: { 'zh-TW': '不允許的值', en: 'Value not allowed' },
    message: ({ value, allowed, suggestion }: { value: string; allowed: readonly string[]; suggestion?: string }) => ({
      'zh-TW': `「${value}」不是允許的值${didYouMean(suggestion).zh || `；可用的值：${allowed.join('、')}`}`,
      en: `\`${value}\` is not allowed${didYouMean(suggestion).en || `; use one of: ${allowed.join(', ')}`}`,
    }),
  }),
  missingKey: defineCode({
    code: 'PR1006',
    name: 'missing-key',
    severity: 'error',
    title: { 'zh-TW': '缺少必要的設定鍵', en: 'Missing key' },
    message: ({ key }: { key: string }) => ({
      'zh-TW': `缺少必要的設定鍵「${key}」`,
      en: `missing required key \`${key}\``,
    }),
  }),
  outOfRange: defineCode({
    code: 'PR1007',
    name: 'out-of-range',
    severity: 'error',
    title: { 'zh-TW': '超出允許範圍', en: 'Out of range' },
    message: ({
      bound,
      limit,
      what,
      inclusive,
    }: {
      bound: 'min' | 'max';
      limit: number;
      what: 'value' | 'length' | 'items';
      /** `false` when the limit itself is out of range (`> 0`): absent for an inclusive bound (`>= 1`). */
      inclusive?: false;
    }) => {
      const zhWhat = what === 'value' ? '數值' : what === 'length' ? '長度' : '項目數';
      const enWhat = what === 'value' ? 'value' : what === 'length' ? 'length' : 'number of items';
      const strict = inclusive === false;
      const zhBound = bound === 'min' ? (strict ? '大於' : '至少為') : strict ? '小於' : '至多為';
      const enBound = bound === 'min' ? (strict ? 'more than' : 'at least') : strict ? 'less than' : 'at most';
      return { 'zh-TW': `${zhWhat}應${zhBound} ${limit}`, en: `the ${enWhat} must be ${enBound} ${limit}` };
    },
  }),
  invalidFormat: defineCode({
    code: 'PR1008',
    name: 'invalid-format',
    severity: 'error',
    title: { 'zh-TW': '格式錯誤', en: 'Invalid format' },
    message: ({ value, format }: { value: string; format: string }) => {
      const hint: Record<string, { zh: string; en: string }> = {
        date: { zh: '日期須寫成 YYYY-MM-DD，例如 2024-04-22', en: 'write dates as YYYY-MM-DD, e.g. 2024-04-22' },
        term: { zh: '學期須寫成 11201 或 112-1', en: 'write terms as 11201 or 112-1' },
        identifier: {
          zh: '代號只能用英文字母、數字和 -，並以字母開頭',
          en: 'identifiers use letters, digits and -, starting with a letter',
        },
        packId: { zh: '代號只能用小寫英文字母、數字和 -', en: 'pack ids use lower-case letters, digits and -' },
        monthDay: { zh: '月日須寫成 MM-DD，例如 09-10', en: 'write month-days as MM-DD, e.g. 09-10' },
      };
      const h = hint[format] ?? { zh: `格式應為 ${format}`, en: `expected format ${format}` };
      return { 'zh-TW': `「${value}」格式錯誤：${h.zh}`, en: `\`${value}\` is malformed: ${h.en}` };
    },
  }),
  forbiddenKey: defineCode({
    code: 'PR1010',
    name: 'forbidden-key',
    severity: 'error',
    title: { 'zh-TW': '禁止使用的設定鍵', en: 'Forbidden key' },
    message: ({ key }: { key: string }) => ({
      'zh-TW': `不得使用設定鍵「${key}」(為保護系統安全而禁止)`,
      en: `the key \`${key}\` is forbidden (it could alter how programs read the pack)`,
    }),
  }),
  tooManyAliases: defineCode({
    code: 'PR1011',
    name: 'too-many-aliases',
    severity: 'error',
    title: { 'zh-TW': 'YAML 別名過多', en: 'Too many YAML aliases' },
    message: ({ limit }: { limit: number }) => ({
      'zh-TW': `YAML 別名 (*) 展開過多，超過 ${limit} 個上限`,
      en: `YAML aliases (*) expand too much: more than ${limit}`,
    }),
  }),
  fileTooLarge: defineCode({
    code: 'PR1012',
    name: 'file-too-large',
    severity: 'error',
    title: { 'zh-TW': '檔案過大', en: 'File too large' },
    message: ({ bytes, limit }: { bytes: number; limit: number }) => ({
      'zh-TW': `規定檔大小 ${bytes} 位元組，超過上限 ${limit} 位元組`,
      en: `the pack is ${bytes} bytes, over the limit of ${limit}`,
    }),
  }),
  tooDeep: defineCode({
    code: 'PR1013',
    name: 'too-deep',
    severity: 'error',
    title: { 'zh-TW': '巢狀層次過深', en: 'Nested too deeply' },
    message: ({ limit }: { depth: number; limit: number }) => ({
      'zh-TW': `巢狀層次超過 ${limit} 層`,
      en: `nesting goes deeper than ${limit} levels`,
    }),
  }),
  notAMapping: defineCode({
    code: 'PR1014',
    name: 'not-a-mapping',
    severity: 'error',
    title: { 'zh-TW': '規定檔內容不是對應表', en: 'The pack is not a mapping' },
    message: ({ received }: { received: string }) => ({
      'zh-TW': `規定檔應以「鍵: 值」的對應表撰寫，但內容是${typeName(received, 'zh')}`,
      en: `a pack is a mapping of keys to values, but this file holds ${typeName(received, 'en')}`,
    }),
  }),
  tagNotAllowed: defineCode({
    code: 'PR1015',
    name: 'tag-not-allowed',
    severity: 'error',
    title: { 'zh-TW': '不允許的 YAML 標記', en: 'YAML tag not allowed' },
    message: ({ tag }: { tag: string }) => ({
      'zh-TW': `不得使用 YAML 標記「${tag}」；規定檔只用文字、數字、是非值、清單與對應表 (可用 !!str 等標明型態)`,
      en: `the YAML tag \`${tag}\` is not allowed: a pack holds only text, numbers, true/false, lists and mappings (!!str and the like may name the type)`,
    }),
  }),
  moreProblems: defineCode({
    code: 'PR1017',
    name: 'more-problems',
    severity: 'error',
    title: { 'zh-TW': '問題過多，其餘未列出', en: 'More problems, not listed' },
    message: ({ more, listed }: { more: number; listed: number }) => ({
      'zh-TW': `另有 ${more} 個同類問題未列出 (每個檔案最多列出 ${listed} 個)；請先修正上列問題後再檢查一次`,
      en: `${more} more problems of this kind are not listed (at most ${listed} a file); fix the ones above and check again`,
    }),
  }),
  notUtf8: defineCode({
    code: 'PR1016',
    name: 'not-utf-8',
    severity: 'error',
    title: { 'zh-TW': '檔案不是 UTF-8 編碼', en: 'Not UTF-8 text' },
    message: ({ encoding }: { encoding: string }) =>
      encoding === 'unknown'
        ? {
            'zh-TW': '檔案不是有效的 UTF-8 文字；請另存為 UTF-8 (記事本：另存新檔 → 編碼選 UTF-8)',
            en: 'the file is not valid UTF-8 text; save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)',
          }
        : {
            'zh-TW': `檔案看來是以 ${encoding.toUpperCase()} 編碼儲存；請另存為 UTF-8 (記事本：另存新檔 → 編碼選 UTF-8)`,
            en: `the file looks like ${encoding.toUpperCase()} text; save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)`,
          },
  }),
  expressionOperator: defineCode({
    code: 'PR1020',
    name: 'expression-operator',
    severity: 'error',
    title: { 'zh-TW': '自訂規則使用了不允許的運算子', en: 'Operator not allowed in a custom rule' },
    message: ({ operator }: { operator: string; allowed: readonly string[] }) => ({
      'zh-TW': `自訂規則不得使用運算子「${operator}」`,
      en: `custom rules may not use the operator \`${operator}\``,
    }),
  }),
  expressionPath: defineCode({
    code: 'PR1021',
    name: 'expression-forbidden-path',
    severity: 'error',
    title: { 'zh-TW': '自訂規則讀取了禁止的路徑', en: 'Forbidden path in a custom rule' },
    message: ({ path }: { path: string }) => ({
      'zh-TW': `自訂規則的 var 不得讀取「${path}」`,
      en: `custom rules may not read \`${path}\` with var`,
    }),
  }),
  expressionDepth: defineCode({
    code: 'PR1022',
    name: 'expression-too-deep',
    severity: 'error',
    title: { 'zh-TW': '自訂規則巢狀過深', en: 'Custom rule nested too deeply' },
    message: ({ limit }: { limit: number }) => ({
      'zh-TW': `自訂規則的巢狀層次超過 ${limit} 層`,
      en: `the custom rule nests deeper than ${limit} levels`,
    }),
  }),
  expressionSize: defineCode({
    code: 'PR1023',
    name: 'expression-too-large',
    severity: 'error',
    title: { 'zh-TW': '自訂規則過大', en: 'Custom rule too large' },
    message: ({ limit }: { limit: number }) => ({
      'zh-TW': `自訂規則超過 ${limit} 個節點`,
      en: `the custom rule has more than ${limit} nodes`,
    }),
  }),
  expressionMalformed: defineCode({
    code: 'PR1024',
    name: 'expression-malformed',
    severity: 'error',
    title: { 'zh-TW': '自訂規則格式錯誤', en: 'Malformed custom rule' },
    message: ({ detail }: { detail: string }) => ({
      'zh-TW': `自訂規則格式錯誤：${detail}`,
      en: `malformed custom rule: ${detail}`,
    }),
  }),
  duplicateRuleId: defineCode({
    code: 'PR1025',
    name: 'duplicate-rule-id',
    severity: 'error',
    title: { 'zh-TW': '自訂規則代號重複', en: 'Duplicate custom rule id' },
    message: ({ id }: { id: string }) => ({
      'zh-TW': `自訂規則代號「${id}」重複`,
      en: `the custom rule id \`${id}\` is used twice`,
    }),
  }),
  expressionCost: defineCode({
    code: 'PR1027',
    name: 'expression-too-costly',
    severity: 'error',
    title: { 'zh-TW': '自訂規則運算量過大', en: 'Custom rule too costly' },
    message: ({ steps, limit }: { steps: number; limit: number }) => ({
      'zh-TW': `自訂規則每次檢核最多可能執行 ${steps} 步運算，超過 ${limit} 步的上限 (all、some、none 對清單的每一項都再執行一次條件)`,
      en: `the custom rule may take up to ${steps} steps per evaluation, over the limit of ${limit} (all, some and none apply their condition once per element)`,
    }),
  }),
  rulesCost: defineCode({
    code: 'PR1028',
    name: 'rules-too-costly',
    severity: 'error',
    title: { 'zh-TW': '自訂規則總運算量過大', en: "The pack's custom rules are too costly together" },
    message: ({ steps, limit, rules }: { steps: number; limit: number; rules: number }) => ({
      'zh-TW': `${rules} 條自訂規則合計每位學生 (學期) 最多可能執行 ${steps} 步運算，超過 ${limit} 步的上限`,
      en: `the ${rules} custom rules together may take up to ${steps} steps per student (term), over the limit of ${limit}`,
    }),
  }),
  invertedPeriod: defineCode({
    code: 'PR1026',
    name: 'inverted-period',
    severity: 'error',
    title: { 'zh-TW': '適用期間起訖顛倒', en: 'Period ends before it starts' },
    message: ({ from, until }: { from: string; until: string }) => ({
      'zh-TW': `適用終止學期 ${until} 早於起始學期 ${from}`,
      en: `appliesUntil ${until} comes before appliesFrom ${from}`,
    }),
  }),
  placeholder: defineCode({
    code: 'PR1040',
    name: 'placeholder-text',
    severity: 'warning',
    title: { 'zh-TW': '範本佔位文字未取代', en: 'Template placeholder left in' },
    message: ({ text }: { text: string }) => ({
      'zh-TW': `「${text}」仍是範本的佔位文字 (○○)：請改為貴校的名稱或文件簡稱`,
      en: `\`${text}\` is still the template's placeholder (○○): write your school's name or your document's short name`,
    }),
  }),
} as const;
