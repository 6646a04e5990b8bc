import { cite, defineCode } from '../findings/define';
import type { Source } from '../findings/types';

const KIND = {
  courseOutcome: { zh: '課程學習成果', en: 'course outcomes' },
  diversePerformance: { zh: '多元表現', en: 'diverse performances' },
} as const;
const PERIOD = {
  semester: { zh: '每學期', en: 'per semester' },
  academicYear: { zh: '每學年', en: 'per academic year' },
} as const;

type CapParams = {
  kind: keyof typeof KIND;
  max: number;
  per: keyof typeof PERIOD;
  count: number;
  period: string;
  source?: Source;
};

export const CAP_CODES = {
  uploadCapReached: defineCode({
    code: 'PR3001',
    name: 'upload-cap-reached',
    severity: 'error',
    title: { 'zh-TW': '已達上傳件數上限', en: 'Upload cap reached' },
    message: (p: CapParams) => ({
      'zh-TW': `${KIND[p.kind].zh}${PERIOD[p.per].zh}至多上傳 ${p.max} 件${cite(p.source)}；${p.period} 已有 ${p.count} 件，不能再上傳`,
      en: `at most ${p.max} ${KIND[p.kind].en} may be uploaded ${PERIOD[p.per].en}${cite(p.source)}; ${p.period} already has ${p.count}`,
    }),
  }),
  selectCapReached: defineCode({
    code: 'PR3002',
    name: 'select-cap-reached',
    severity: 'error',
    title: { 'zh-TW': '已達勾選件數上限', en: 'Selection cap reached' },
    message: (p: CapParams) => ({
      'zh-TW': `${KIND[p.kind].zh}${PERIOD[p.per].zh}至多勾選 ${p.max} 件${cite(p.source)}；${p.period} 已勾選 ${p.count} 件`,
      en: `at most ${p.max} ${KIND[p.kind].en} may be selected ${PERIOD[p.per].en}${cite(p.source)}; ${p.period} already has ${p.count} selected`,
    }),
  }),
  lastSlot: defineCode({
    code: 'PR3003',
    name: 'last-slot',
    severity: 'info',
    title: { 'zh-TW': '此件為上限內最後一件', en: 'This uses the last slot' },
    message: (p: CapParams & { action: 'upload' | 'select' }) => ({
      'zh-TW': `此件為${p.period}${p.action === 'upload' ? '上傳' : '勾選'}上限 ${p.max} 件中的最後一件${cite(p.source)}`,
      en: `this is the last of the ${p.max} ${KIND[p.kind].en} ${p.action === 'upload' ? 'uploads' : 'selections'} allowed for ${p.period}${cite(p.source)}`,
    }),
  }),
  fileTypeNotAllowed: defineCode({
    code: 'PR3010',
    name: 'file-type-not-allowed',
    severity: 'error',
    title: { 'zh-TW': '檔案類型不允許', en: 'File type not allowed' },
    message: (p: { file: string; type: string; allowed: readonly string[]; source?: Source }) => ({
      'zh-TW': `檔案「${p.file}」的類型 ${p.type} 不允許；可用：${p.allowed.join('、')}${cite(p.source)}`,
      en: `the file \`${p.file}\` is of type ${p.type}, which is not allowed; use ${p.allowed.join(', ')}${cite(p.source)}`,
    }),
  }),
  fileTooLarge: defineCode({
    code: 'PR3011',
    name: 'attachment-too-large',
    severity: 'error',
    title: { 'zh-TW': '檔案超過大小上限', en: 'File too large' },
    message: (p: { file: string; megabytes: number; maxMegabytes: number; source?: Source }) => ({
      'zh-TW': `檔案「${p.file}」為 ${p.megabytes} MB，超過上限 ${p.maxMegabytes} MB${cite(p.source)}；較大的影片可上傳至其他網站，於簡述中提供連結`,
      en: `the file \`${p.file}\` is ${p.megabytes} MB, over the limit of ${p.maxMegabytes} MB${cite(p.source)}; put a larger video elsewhere and link it in the summary`,
    }),
  }),
  summaryTooLong: defineCode({
    code: 'PR3012',
    name: 'summary-too-long',
    severity: 'error',
    title: { 'zh-TW': '簡述超過字數上限', en: 'Summary too long' },
    message: (p: { length: number; maxChars: number; source?: Source }) => ({
      'zh-TW': `簡述有 ${p.length} 字，超過上限 ${p.maxChars} 字${cite(p.source)}`,
      en: `the summary has ${p.length} characters, more than ${p.maxChars}${cite(p.source)}`,
    }),
  }),
  summaryMissing: defineCode({
    code: 'PR3013',
    name: 'summary-missing',
    severity: 'error',
    title: { 'zh-TW': '缺少簡述', en: 'Summary missing' },
    message: (p: { source?: Source }) => ({
      'zh-TW': `課程學習成果須附簡述${cite(p.source)}`,
      en: `a course outcome needs a summary${cite(p.source)}`,
    }),
  }),
  fileMissing: defineCode({
    code: 'PR3014',
    name: 'file-missing',
    severity: 'error',
    title: { 'zh-TW': '缺少成果檔案', en: 'No file attached' },
    message: (p: { source?: Source }) => ({
      'zh-TW': `課程學習成果須附文件檔、影音檔或兩者${cite(p.source)}`,
      en: `a course outcome needs a document, a video, or both${cite(p.source)}`,
    }),
  }),
} as const;
