import { CATALOGUE } from '@portfolio-rules/core';
import { defineCode } from '@portfolio-rules/core/internal';

const did = (suggestion: string | undefined) => ({
  zh: suggestion ? `，您是否要輸入「${suggestion}」？` : '',
  en: suggestion ? ` — did you mean \`${suggestion}\`?` : '',
});

export type ReadFailure = 'notFound' | 'isDirectory' | 'notRegular' | 'permission' | 'noSpace' | 'other';
const READ_FAILURES: Record<ReadFailure, { zh: string; en: string }> = {
  notFound: { zh: '檔案不存在', en: 'no such file' },
  isDirectory: { zh: '這是資料夾，不是檔案', en: 'it is a folder, not a file' },
  notRegular: {
    zh: '這不是一般檔案 (而是具名管道、通訊端或裝置)，不讀取',
    en: 'it is not a regular file (a FIFO, socket or device) and is not read',
  },
  permission: { zh: '沒有讀取權限', en: 'permission denied' },
  noSpace: { zh: '磁碟已滿', en: 'the disk is full' },
  other: { zh: '無法讀取', en: 'it could not be read' },
};

const WRITE_FAILURES: Record<ReadFailure, { zh: string; en: string }> = {
  notFound: { zh: '資料夾不存在', en: 'no such folder' },
  isDirectory: { zh: '這是資料夾，不是檔案', en: 'it is a folder, not a file' },
  notRegular: { zh: '這不是一般檔案', en: 'it is not a regular file' },
  permission: { zh: '沒有寫入權限', en: 'permission denied' },
  noSpace: { zh: '磁碟已滿', en: 'the disk is full' },
  other: { zh: '無法寫入', en: 'it could not be written' },
};

/** The CLI's own codes (PR9xxx): bad usage and unreadable input, reported with exit code 2. */
export const CLI_CODES = {
  unknownCommand: defineCode({
    code: 'PR9001',
    name: 'unknown-command',
    severity: 'error',
    title: { 'zh-TW': '未知的指令', en: 'Unknown command' },
    message: ({ command, known, suggestion }: { command: string; known: readonly string[]; suggestion?: string }) => ({
      'zh-TW': `未知的指令「${command}」${did(suggestion).zh || `；可用的指令：${known.join('、')}`}`,
      en: `unknown command \`${command}\`${did(suggestion).en || `; the commands are: ${known.join(', ')}`}`,
    }),
  }),
  unknownOption: defineCode({
    code: 'PR9002',
    name: 'unknown-option',
    severity: 'error',
    title: { 'zh-TW': '未知的選項', en: 'Unknown option' },
    message: ({ option, command, suggestion }: { option: string; command: string; suggestion?: string }) => ({
      'zh-TW': `指令 ${command} 沒有選項「${option}」${did(suggestion).zh}`,
      en: `${command} has no option \`${option}\`${did(suggestion).en}`,
    }),
  }),
  missingArgument: defineCode({
    code: 'PR9003',
    name: 'missing-argument',
    severity: 'error',
    title: { 'zh-TW': '缺少參數', en: 'Missing argument' },
    message: ({ argument, command }: { argument: string; command: string }) => ({
      'zh-TW': `指令 ${command} 缺少參數 ${argument}`,
      en: `${command} needs ${argument}`,
    }),
  }),
  invalidOptionValue: defineCode({
    code: 'PR9004',
    name: 'invalid-option-value',
    severity: 'error',
    title: { 'zh-TW': '選項的值不正確', en: 'Invalid option value' },
    message: ({
      option,
      value,
      allowed,
      suggestion,
    }: {
      option: string;
      value: string;
      allowed: readonly string[];
      suggestion?: string;
    }) => ({
      'zh-TW': `選項 ${option} 的值「${value}」不正確${did(suggestion).zh || `；可用的值：${allowed.join('、')}`}`,
      en: `\`${value}\` is not a valid value for ${option}${did(suggestion).en || `; use one of: ${allowed.join(', ')}`}`,
    }),
  }),
  unreadableFile: defineCode({
    code: 'PR9005',
    name: 'unreadable-file',
    severity: 'error',
    title: { 'zh-TW': '無法讀取檔案', en: 'Unreadable file' },
    message: ({ file, reason }: { file: string; reason: ReadFailure; detail?: string }) => ({
      'zh-TW': `無法讀取「${file}」：${READ_FAILURES[reason].zh}`,
      en: `cannot read \`${file}\`: ${READ_FAILURES[reason].en}`,
    }),
  }),
  tooManyArguments: defineCode({
    code: 'PR9006',
    name: 'too-many-arguments',
    severity: 'error',
    title: { 'zh-TW': '參數過多', en: 'Too many arguments' },
    message: ({ command, extra }: { command: string; extra: readonly string[] }) => ({
      'zh-TW': `指令 ${command} 不需要參數 ${extra.join(' ')}`,
      en: `${command} does not take ${extra.join(' ')}`,
    }),
  }),
  unknownPackKey: defineCode({
    code: 'PR9007',
    name: 'unknown-pack-key',
    severity: 'error',
    title: { 'zh-TW': '規定中沒有此設定鍵', en: 'No such key in the pack' },
    message: ({ key, suggestion }: { key: string; suggestion?: string }) => ({
      'zh-TW': `適用的規定中沒有設定鍵「${key}」${did(suggestion).zh}`,
      en: `the effective pack has no key \`${key}\`${did(suggestion).en}`,
    }),
  }),
  fileExists: defineCode({
    code: 'PR9008',
    name: 'file-exists',
    severity: 'error',
    title: { 'zh-TW': '檔案已存在', en: 'File exists' },
    message: ({ file }: { file: string }) => ({
      'zh-TW': `「${file}」已存在；不會覆寫 (如確定要覆寫，請加上 --force)`,
      en: `\`${file}\` already exists; it is left alone (add --force to overwrite it)`,
    }),
  }),
  invalidSchoolId: defineCode({
    code: 'PR9009',
    name: 'invalid-school-id',
    severity: 'error',
    title: { 'zh-TW': '學校代號格式錯誤', en: 'Invalid school id' },
    message: ({ id }: { id: string }) => ({
      'zh-TW': `學校代號「${id}」格式錯誤：只能用小寫英文字母、數字和 -，並以字母開頭，例如 magong`,
      en: `\`${id}\` is not a valid school id: use lower-case letters, digits and -, starting with a letter, e.g. magong`,
    }),
  }),
  overlayInvalid: defineCode({
    code: 'PR9010',
    name: 'overlay-invalid',
    severity: 'error',
    title: { 'zh-TW': '繼承的區域規定有錯誤', en: 'The extended overlay has errors' },
    message: ({ overlay, file }: { overlay: string; file: string }) => ({
      'zh-TW': `繼承的區域規定「${overlay}」(${file}) 本身有錯誤，無法套用；請先以 validate 檢查該檔`,
      en: `the overlay \`${overlay}\` (${file}) has errors of its own and cannot be applied; validate it first`,
    }),
  }),
  unwritableFile: defineCode({
    code: 'PR9011',
    name: 'unwritable-file',
    severity: 'error',
    title: { 'zh-TW': '無法寫入檔案', en: 'Unwritable file' },
    message: ({ file, reason }: { file: string; reason: ReadFailure; detail?: string }) => ({
      'zh-TW': `無法寫入「${file}」：${WRITE_FAILURES[reason].zh}`,
      en: `cannot write \`${file}\`: ${WRITE_FAILURES[reason].en}`,
    }),
  }),
  noRecordsChecked: defineCode({
    code: 'PR9012',
    name: 'no-records-checked',
    severity: 'error',
    title: { 'zh-TW': '資料未檢核任何紀錄', en: 'No record was checked' },
    message: ({ data, read, rejected }: { data: string; read: number; rejected: number }) => ({
      'zh-TW': `「${data}」沒有任何紀錄通過讀取而受檢核 (讀取 ${read} 列、退回 ${rejected} 列)；未檢核的資料不能視為合格`,
      en: `no record of \`${data}\` was checked (${read} read, ${rejected} rejected): data that was not checked cannot pass`,
    }),
  }),
  outputIsInput: defineCode({
    code: 'PR9013',
    name: 'output-is-input',
    severity: 'error',
    title: { 'zh-TW': '輸出檔即是輸入檔', en: 'The output is one of the inputs' },
    message: ({ file, input }: { file: string; input: string }) => ({
      'zh-TW': `輸出檔「${file}」就是本次讀取的「${input}」；寫入會毀損該檔，因此不寫入，請改用其他檔名`,
      en: `the output \`${file}\` is \`${input}\`, which this run reads: writing it would destroy it, so nothing is written; name another file`,
    }),
  }),
  notEvidence: defineCode({
    code: 'PR9014',
    name: 'not-evidence',
    severity: 'warning',
    title: { 'zh-TW': '不是治理佐證的紀錄', en: 'Not a governance evidence record' },
    message: ({ file, line, type, count }: { file: string; line: number; type: string; count: number }) => ({
      'zh-TW': `「${file}」第 ${line} 行${count > 1 ? `等 ${count} 行` : ''}是 ${type} 紀錄，不是治理佐證 (meeting 會議或 training 研習)：未當作佐證，稽核照常進行`,
      en: `line ${line} of \`${file}\`${count > 1 ? ` and ${count - 1} more ${count > 2 ? 'lines' : 'line'}` : ''}: ${type} records are not governance evidence (meeting or training) and were not taken as evidence; the audit goes on`,
    }),
  }),
  internalError: defineCode({
    code: 'PR9020',
    name: 'internal-error',
    severity: 'error',
    title: { 'zh-TW': '內部錯誤', en: 'Internal error' },
    message: ({ file, detail }: { file: string; detail: string }) => ({
      'zh-TW': `檢查「${file}」時發生內部錯誤 (${detail})；其他檔案照常檢查。請回報此問題並附上該檔`,
      en: `an internal error stopped the check of \`${file}\` (${detail}); the other files are still checked. Please report it with the file`,
    }),
  }),
  noScenarios: defineCode({
    code: 'PR9030',
    name: 'no-scenarios',
    severity: 'error',
    title: { 'zh-TW': '找不到情境測試', en: 'No scenarios found' },
    message: ({ path }: { path: string }) => ({
      'zh-TW': `「${path}」中找不到情境測試：學校資料夾應有 scenarios/ 資料夾，內含 *.yaml 情境檔`,
      en: `no scenarios in \`${path}\`: a school's folder holds a scenarios/ folder of *.yaml files`,
    }),
  }),
} as const;

/** The short name of any code, the core's or the CLI's (`PR2002` → `loosens-national-maximum`). */
export function codeName(code: string): string | undefined {
  return CATALOGUE[code]?.name ?? Object.values(CLI_CODES).find((spec) => spec.code === code)?.name;
}
