import { didYouMean, typeNamer } from '../_lib/words';
import { defineCode } from '../findings/define';

/** Type names as a dataset's JSON shows them. */
const typeName = typeNamer({
  string: { zh: '文字', en: 'text' },
  number: { zh: '數字', en: 'a number' },
  int: { zh: '整數', en: 'a whole number' },
  boolean: { zh: '是非值 (true/false)', en: 'true or false' },
  array: { zh: '清單', en: 'a list' },
  object: { zh: '物件 ({ … })', en: 'an object ({ … })' },
  null: { zh: 'null', en: 'null' },
});

const FORMAT_HINTS: Record<string, { zh: string; en: string }> = {
  date: { zh: '日期須寫成 YYYY-MM-DD，例如 2024-04-22', en: 'write dates as YYYY-MM-DD, e.g. 2024-04-22' },
  dateRange: {
    zh: '日期須介於 1921-08-01 與 2911-07-31 之間 (民國 10 至 999 學年度)',
    en: 'a day must lie between 1921-08-01 and 2911-07-31 (ROC academic years 10 to 999)',
  },
  term: {
    zh: '學期須寫成 11201 或 112-1 (民國 10 至 999 學年度)',
    en: 'write terms as 11201 or 112-1 (ROC academic years 10 to 999)',
  },
  id: {
    zh: '代碼不可含控制字元或看不見的字元 (如 ESC、換行、BOM、零寬字元、雙向文字控制字元)，以免兩個看來相同的代碼其實不同',
    en: 'an id may not hold control or invisible characters (ESC, line breaks, a BOM, zero-width or bidi characters), which make two ids look alike',
  },
  academicYear: {
    zh: '學年度須寫成民國年 10 至 999，例如 112',
    en: 'write academic years in ROC years from 10 to 999, e.g. 112',
  },
};

const SKIPPED: Readonly<Partial<Record<SkippedEntry, { zh: string; en: string }>>> = {
  hidden: { zh: '隱藏檔 (名稱以 . 開頭)', en: 'a hidden file (its name starts with .)' },
  folder: { zh: '子資料夾 (不讀取子資料夾)', en: 'a folder (folders inside the data folder are not read)' },
  brokenLink: { zh: '符號連結，但所指的檔案不存在', en: 'a symbolic link to nothing' },
  special: {
    zh: '不是一般檔案 (而是具名管道、通訊端或裝置)',
    en: 'not a regular file (a FIFO, socket or device)',
  },
};

/** Why an entry of a data folder was not read (PR8018). */
export type SkippedEntry = 'hidden' | 'folder' | 'brokenLink' | 'special';

const where = (line: number) => ({ zh: `第 ${line} 行`, en: `line ${line}` });
const rec = (type: string) => ({ zh: type ? `${type} 紀錄` : '紀錄', en: type ? `the ${type} record` : 'the record' });

/** Dataset records (PR8xxx): what makes an input line unusable. Every rejected line is counted and listed, never dropped. */
export const DATASET_CODES = {
  badJson: defineCode({
    code: 'PR8001',
    name: 'bad-json',
    severity: 'error',
    title: { 'zh-TW': '不是有效的 JSON', en: 'Not valid JSON' },
    message: ({ line, detail }: { line: number; detail: string }) => ({
      'zh-TW': `${where(line).zh}不是有效的 JSON：${detail}`,
      en: `${where(line).en} is not valid JSON: ${detail}`,
    }),
  }),
  notAnObject: defineCode({
    code: 'PR8002',
    name: 'not-an-object',
    severity: 'error',
    title: { 'zh-TW': '紀錄不是物件', en: 'Record is not an object' },
    message: ({ line, received }: { line: number; received: string }) => ({
      'zh-TW': `${where(line).zh}應為一筆以 { } 包住、含 type 欄位的紀錄，但內容是${typeName(received, 'zh')}`,
      en: `${where(line).en} should be one record, an object with a \`type\`, but holds ${typeName(received, 'en')}`,
    }),
  }),
  unknownType: defineCode({
    code: 'PR8003',
    name: 'unknown-type',
    severity: 'error',
    title: { 'zh-TW': '未知的紀錄類型', en: 'Unknown record type' },
    message: ({
      line,
      type,
      known,
      suggestion,
    }: {
      line: number;
      type: string;
      known: readonly string[];
      suggestion?: string;
    }) => ({
      'zh-TW': `${where(line).zh}的紀錄類型「${type}」不存在${didYouMean(suggestion).zh || `；可用的類型：${known.join('、')}`}`,
      en: `${where(line).en}: unknown record type \`${type}\`${didYouMean(suggestion).en || `; use one of: ${known.join(', ')}`}`,
    }),
  }),
  missingField: defineCode({
    code: 'PR8004',
    name: 'missing-field',
    severity: 'error',
    title: { 'zh-TW': '缺少必要欄位', en: 'Missing field' },
    message: ({ line, type, field }: { line: number; type: string; field: string }) => ({
      'zh-TW': `${where(line).zh}的${rec(type).zh}缺少必要欄位「${field}」`,
      en: `${where(line).en}: ${rec(type).en} lacks the required field \`${field}\``,
    }),
  }),
  wrongType: defineCode({
    code: 'PR8005',
    name: 'wrong-field-type',
    severity: 'error',
    title: { 'zh-TW': '欄位型態錯誤', en: 'Field has the wrong type' },
    message: ({
      line,
      type,
      field,
      expected,
      received,
    }: {
      line: number;
      type: string;
      field: string;
      expected: string;
      received: string;
    }) => ({
      'zh-TW': `${where(line).zh}的${rec(type).zh}欄位「${field}」應為${typeName(expected, 'zh')}，但寫的是${typeName(received, 'zh')}`,
      en: `${where(line).en}: field \`${field}\` of ${rec(type).en} should be ${typeName(expected, 'en')}, found ${typeName(received, 'en')}`,
    }),
  }),
  invalidValue: defineCode({
    code: 'PR8006',
    name: 'invalid-field-value',
    severity: 'error',
    title: { 'zh-TW': '欄位值不允許', en: 'Field value not allowed' },
    message: ({
      line,
      type,
      field,
      value,
      allowed,
      suggestion,
    }: {
      line: number;
      type: string;
      field: string;
      value: string;
      allowed: readonly string[];
      suggestion?: string;
    }) => ({
      'zh-TW': `${where(line).zh}的 ${type} 紀錄欄位「${field}」的值「${value}」不允許${didYouMean(suggestion).zh || `；可用的值：${allowed.join('、')}`}`,
      en: `${where(line).en}: \`${value}\` is not allowed in field \`${field}\` of the ${type} record${didYouMean(suggestion).en || `; use one of: ${allowed.join(', ')}`}`,
    }),
  }),
  unknownField: defineCode({
    code: 'PR8007',
    name: 'unknown-field',
    severity: 'error',
    title: { 'zh-TW': '未知的欄位', en: 'Unknown field' },
    message: ({
      line,
      type,
      field,
      suggestion,
    }: {
      line: number;
      type: string;
      field: string;
      suggestion?: string;
    }) => ({
      'zh-TW': `${where(line).zh}的 ${type} 紀錄有未知的欄位「${field}」${didYouMean(suggestion).zh}`,
      en: `${where(line).en}: the ${type} record has an unknown field \`${field}\`${didYouMean(suggestion).en}`,
    }),
  }),
  invalidFormat: defineCode({
    code: 'PR8008',
    name: 'invalid-field-format',
    severity: 'error',
    title: { 'zh-TW': '欄位格式錯誤', en: 'Field is malformed' },
    message: ({
      line,
      type,
      field,
      value,
      format,
    }: {
      line: number;
      type: string;
      field: string;
      value: string;
      format: string;
    }) => {
      const hint = FORMAT_HINTS[format] ?? { zh: `格式應為 ${format}`, en: `expected ${format}` };
      return {
        'zh-TW': `${where(line).zh}的 ${type} 紀錄欄位「${field}」的值「${value}」格式錯誤：${hint.zh}`,
        en: `${where(line).en}: field \`${field}\` of the ${type} record is malformed (\`${value}\`): ${hint.en}`,
      };
    },
  }),
  blankLine: defineCode({
    code: 'PR8009',
    name: 'blank-line',
    severity: 'warning',
    title: { 'zh-TW': '空白行', en: 'Blank line' },
    message: ({ line }: { line: number }) => ({
      'zh-TW': `${where(line).zh}是空白行，不含任何紀錄；已計入讀取及退回行數`,
      en: `${where(line).en} is blank and holds no record; it is counted as read and rejected`,
    }),
  }),
  big5Encoding: defineCode({
    code: 'PR8010',
    name: 'big5-encoding',
    severity: 'error',
    title: { 'zh-TW': '檔案為 Big5 編碼', en: 'File is Big5-encoded' },
    message: ({ file }: { file: string }) => ({
      'zh-TW': `「${file}」看來是 Big5 編碼；請另存為 UTF-8 (例如 iconv -f BIG5 -t UTF-8)，或指定 --encoding big5 轉換讀取`,
      en: `\`${file}\` looks Big5-encoded: save it as UTF-8 (e.g. iconv -f BIG5 -t UTF-8), or pass --encoding big5 to convert it while reading`,
    }),
  }),
  notUtf8: defineCode({
    code: 'PR8011',
    name: 'not-utf8',
    severity: 'error',
    title: { 'zh-TW': '檔案不是 UTF-8 編碼', en: 'File is not UTF-8' },
    message: ({ file, offset, encoding }: { file: string; offset: number; encoding?: string }) =>
      encoding === undefined
        ? {
            'zh-TW': `「${file}」在第 ${offset} 位元組附近不是有效的 UTF-8；請另存為 UTF-8`,
            en: `\`${file}\` is not valid UTF-8 near byte ${offset}: save it as UTF-8`,
          }
        : {
            'zh-TW': `「${file}」在第 ${offset} 位元組附近不是有效的 ${encoding.toUpperCase()}；請確認 --encoding 是否正確`,
            en: `\`${file}\` is not valid ${encoding.toUpperCase()} near byte ${offset}: check the --encoding`,
          },
  }),
  csvUnterminatedQuote: defineCode({
    code: 'PR8012',
    name: 'csv-unterminated-quote',
    severity: 'error',
    title: { 'zh-TW': 'CSV 引號未結束', en: 'Unterminated quote in CSV' },
    message: ({ line }: { line: number }) => ({
      'zh-TW': `${where(line).zh}開始的 CSV 欄位以 " 開頭卻直到檔案結尾都沒有結束的 "`,
      en: `the CSV field opened with " on ${where(line).en} is never closed before the end of the file`,
    }),
  }),
  csvColumnCount: defineCode({
    code: 'PR8013',
    name: 'csv-column-count',
    severity: 'error',
    title: { 'zh-TW': 'CSV 欄位數與標題列不符', en: 'CSV row has the wrong number of fields' },
    message: ({ line, expected, received }: { line: number; expected: number; received: number }) => ({
      'zh-TW': `${where(line).zh}有 ${received} 個欄位，但標題列有 ${expected} 個`,
      en: `${where(line).en} has ${received} fields, but the header row has ${expected}`,
    }),
  }),
  csvUnknownColumn: defineCode({
    code: 'PR8014',
    name: 'csv-unknown-column',
    severity: 'error',
    title: { 'zh-TW': 'CSV 標題列有未知欄位', en: 'Unknown CSV column' },
    message: ({ type, column, suggestion }: { type: string; column: string; suggestion?: string }) => ({
      'zh-TW': `${type} 檔案的標題列有未知欄位「${column}」${didYouMean(suggestion).zh}`,
      en: `the header row of the ${type} file names an unknown column \`${column}\`${didYouMean(suggestion).en}`,
    }),
  }),
  csvMissingColumn: defineCode({
    code: 'PR8015',
    name: 'csv-missing-column',
    severity: 'error',
    title: { 'zh-TW': 'CSV 缺少必要欄位', en: 'Missing CSV column' },
    message: ({ type, column }: { type: string; column: string }) => ({
      'zh-TW': `${type} 檔案的標題列缺少必要欄位「${column}」`,
      en: `the header row of the ${type} file lacks the required column \`${column}\``,
    }),
  }),
  unknownFile: defineCode({
    code: 'PR8016',
    name: 'unknown-data-file',
    severity: 'warning',
    title: { 'zh-TW': '資料夾中有無法辨識的檔案', en: 'Unrecognised file in the data folder' },
    message: ({ file, known, suggestion }: { file: string; known: readonly string[]; suggestion?: string }) => ({
      'zh-TW': `無法辨識資料夾中的「${file}」，未讀取${didYouMean(suggestion).zh || `；可辨識的檔名：${known.join('、')}`}`,
      en: `\`${file}\` in the data folder is not a known data file and was not read${didYouMean(suggestion).en || `; known names: ${known.join(', ')}`}`,
    }),
  }),
  emptyCsv: defineCode({
    code: 'PR8017',
    name: 'csv-no-header',
    severity: 'error',
    title: { 'zh-TW': 'CSV 沒有標題列', en: 'CSV has no header row' },
    message: ({ type }: { type: string }) => ({
      'zh-TW': `${type} 檔案是空的：第一行應為標題列 (欄位名稱)`,
      en: `the ${type} file is empty: its first line should be the header row (column names)`,
    }),
  }),
  skippedEntry: defineCode({
    code: 'PR8018',
    name: 'skipped-data-entry',
    severity: 'warning',
    title: { 'zh-TW': '資料夾中有未讀取的項目', en: 'Entry of the data folder not read' },
    message: ({ file, reason }: { file: string; reason: SkippedEntry }) => {
      const why = SKIPPED[reason] ?? { zh: reason, en: reason };
      return {
        'zh-TW': `資料夾中的「${file}」未讀取：這是${why.zh}`,
        en: `\`${file}\` in the data folder was not read: it is ${why.en}`,
      };
    },
  }),
  emptyFile: defineCode({
    code: 'PR8019',
    name: 'empty-data-file',
    severity: 'warning',
    title: { 'zh-TW': '資料檔是空的', en: 'Empty data file' },
    message: ({ file }: { file: string }) => ({
      'zh-TW': `「${file}」是空的，沒有任何資料列`,
      en: `\`${file}\` is empty: it holds no line`,
    }),
  }),
  internalError: defineCode({
    code: 'PR8020',
    name: 'record-internal-error',
    severity: 'error',
    title: { 'zh-TW': '紀錄稽核時發生內部錯誤', en: 'Internal error on a record' },
    message: ({ line, detail }: { line: number; detail: string }) => ({
      'zh-TW': `${where(line).zh}的紀錄在稽核時發生內部錯誤 (${detail})；此筆紀錄已退回，其餘照常讀取。請回報此問題`,
      en: `${where(line).en}: the record could not be audited, an internal error (${detail}); it is rejected and the others are read on. Please report this`,
    }),
  }),
  repeatedRecord: defineCode({
    code: 'PR8021',
    name: 'repeated-record',
    severity: 'warning',
    title: { 'zh-TW': '重複的紀錄', en: 'Repeated record' },
    message: ({ line, type, id }: { line: number; type: string; id?: string }) => ({
      'zh-TW': `${where(line).zh}與先前讀取的 ${type} 紀錄${id === undefined ? '' : `「${id}」`}完全相同，只計一次`,
      en: `${where(line).en} repeats an earlier ${type} record${id === undefined ? '' : ` \`${id}\``} exactly: it is counted once`,
    }),
  }),
  conflictingRecords: defineCode({
    code: 'PR8022',
    name: 'conflicting-records',
    severity: 'error',
    title: { 'zh-TW': '同一代碼的紀錄內容不一致', en: 'Conflicting records with one id' },
    message: ({ line, type, id }: { line: number; type: string; id: string }) => ({
      'zh-TW': `${where(line).zh}的 ${type} 紀錄「${id}」與先前讀取的同一代碼紀錄內容不同；一個代碼只能代表一筆紀錄`,
      en: `${where(line).en}: the ${type} record \`${id}\` differs from an earlier record with the same id; an id must name one record`,
    }),
  }),
  utf16Encoding: defineCode({
    code: 'PR8023',
    name: 'utf16-encoding',
    severity: 'error',
    title: { 'zh-TW': '檔案為 UTF-16 編碼', en: 'File is UTF-16-encoded' },
    message: ({ file, encoding }: { file: string; encoding: 'utf-16le' | 'utf-16be' }) => ({
      'zh-TW': `「${file}」看來是 ${encoding.toUpperCase()} 編碼；請另存為 UTF-8，或指定 --encoding ${encoding} 轉換讀取`,
      en: `\`${file}\` looks ${encoding.toUpperCase()}-encoded: save it as UTF-8, or pass --encoding ${encoding} to convert it while reading`,
    }),
  }),
} as const;
