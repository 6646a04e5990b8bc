import { cite, defineCode } from '../findings/define';
import type { Source } from '../findings/types';
import { RECORD_KIND_NAMES } from '../records';

const zh = (category: string) => (RECORD_KIND_NAMES as Partial<Record<string, string>>)[category] ?? category;

export const SUBMISSION_CODES = {
  notOwner: defineCode({
    code: 'PR7001',
    name: 'not-submitting-unit',
    severity: 'error',
    title: { 'zh-TW': '非負責提交之單位', en: 'Not the submitting unit' },
    message: (p: { actor: string; category: string; acting: string; chain: readonly string[]; source?: Source }) => ({
      'zh-TW': `${p.actor} 非「${zh(p.category)}」之提交單位：目前應由 ${p.acting} 辦理 (代理順序 ${p.chain.join(' → ')})${cite(p.source)}`,
      en: `${p.actor} is not the unit that submits ${p.category}: ${p.acting} does now (chain ${p.chain.join(' → ')})${cite(p.source)}`,
    }),
  }),
  alreadySubmitted: defineCode({
    code: 'PR7002',
    name: 'already-submitted',
    severity: 'error',
    title: { 'zh-TW': '已提交', en: 'Already submitted' },
    message: (p: {
      category: string;
      term: string;
      submittedOn: string;
      submittedBy: string;
      round: number;
      source?: Source;
    }) => ({
      'zh-TW': `「${zh(p.category)}」${p.term} 學期已於 ${p.submittedOn} 由 ${p.submittedBy} 提交 (第 ${p.round} 輪)；資料有誤須更正後再次提交時，請說明更正內容${cite(p.source)}`,
      en: `${p.category} for term ${p.term} was already submitted on ${p.submittedOn} by ${p.submittedBy} (round ${p.round}); to correct the data and submit again, say what was corrected${cite(p.source)}`,
    }),
  }),
  resubmission: defineCode({
    code: 'PR7006',
    name: 'resubmission',
    severity: 'info',
    title: { 'zh-TW': '更正後再次提交', en: 'Submitted again after a correction' },
    message: (p: {
      category: string;
      term: string;
      round: number;
      previousOn: string;
      correction: string;
      source?: Source;
    }) => ({
      'zh-TW': `「${zh(p.category)}」${p.term} 更正後再次提交，為第 ${p.round} 輪 (前一輪 ${p.previousOn})：將產生新一輪收訖明細，確認期間重新起算，最終提交須待本輪確認期間結束 (更正：${p.correction})${cite(p.source)}`,
      en: `${p.category} for ${p.term} submitted again after a correction, round ${p.round} (previous round ${p.previousOn}): a new round of receipts with a new confirmation period follows, and the final submission waits for it (correction: ${p.correction})${cite(p.source)}`,
    }),
  }),
  studentSideLocked: defineCode({
    code: 'PR7004',
    name: 'student-side-locked',
    severity: 'error',
    title: { 'zh-TW': '學校已提交，學生端已鎖定', en: 'Submitted: the student side is locked' },
    message: (p: { category: string; term: string; submittedOn: string; source?: Source }) => ({
      'zh-TW': `學校已於 ${p.submittedOn} 提交 ${p.term}「${zh(p.category)}」名冊，學生端已鎖定，不可再編修${cite(p.source)}`,
      en: `the school submitted the ${p.category} roster for ${p.term} on ${p.submittedOn}; the student side is locked${cite(p.source)}`,
    }),
  }),
  actingDeputy: defineCode({
    code: 'PR7005',
    name: 'by-deputy',
    severity: 'info',
    title: { 'zh-TW': '由代理人辦理', en: 'Done by a deputy' },
    message: (p: { category: string; acting: string; owner: string; source?: Source }) => ({
      'zh-TW': `主責單位 ${p.owner} 無法執行，「${zh(p.category)}」由代理人 ${p.acting} 辦理${cite(p.source)}`,
      en: `${p.owner} is unavailable: ${p.acting} acts for ${p.category} as deputy${cite(p.source)}`,
    }),
  }),
} as const;
