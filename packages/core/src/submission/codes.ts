import { cite, defineCode } from '../findings/define';
import type { Source } from '../findings/types';
import { chainIn, linkWords, type OwnNames, RECORD_KIND_NAMES, wordsFor } from '../names';

const kind = (category: string) => wordsFor(RECORD_KIND_NAMES, category);

export const SUBMISSION_CODES = {
  notOwner: defineCode({
    code: 'PR7001',
    name: 'not-submitting-unit',
    severity: 'error',
    title: { 'zh-TW': '非負責提交之單位', en: 'Not the submitting unit' },
    message: (p: {
      actor: string;
      category: string;
      acting: string;
      chain: readonly string[];
      source?: Source;
      own?: OwnNames;
    }) => {
      const [actor, acting, chain] = [linkWords(p.actor, p.own), linkWords(p.acting, p.own), chainIn(p.chain, p.own)];
      return {
        'zh-TW': `${actor['zh-TW']}非「${kind(p.category)['zh-TW']}」之提交單位：目前應由${acting['zh-TW']}辦理 (代理順序 ${chain['zh-TW']})${cite(p.source)}`,
        en: `the ${actor.en} is not the unit that submits ${kind(p.category).en}: the ${acting.en} does now (chain ${chain.en})${cite(p.source)}`,
      };
    },
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
      'zh-TW': `「${kind(p.category)['zh-TW']}」${p.term} 學期已於 ${p.submittedOn} 由 ${p.submittedBy} 提交 (第 ${p.round} 輪)；資料有誤須更正後再次提交時，請說明更正內容${cite(p.source)}`,
      en: `${kind(p.category).en} for term ${p.term} was already submitted on ${p.submittedOn} by ${p.submittedBy} (round ${p.round}); to correct the data and submit again, say what was corrected${cite(p.source)}`,
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
      'zh-TW': `「${kind(p.category)['zh-TW']}」${p.term} 更正後再次提交，為第 ${p.round} 輪 (前一輪 ${p.previousOn})：將產生新一輪收訖明細，確認期間重新起算，最終提交須待本輪確認期間結束 (更正：${p.correction})${cite(p.source)}`,
      en: `${kind(p.category).en} for ${p.term} submitted again after a correction, round ${p.round} (previous round ${p.previousOn}): a new round of receipts with a new confirmation period follows, and the final submission waits for it (correction: ${p.correction})${cite(p.source)}`,
    }),
  }),
  studentSideLocked: defineCode({
    code: 'PR7004',
    name: 'student-side-locked',
    severity: 'error',
    title: { 'zh-TW': '學校已提交，學生端已鎖定', en: 'Submitted: the student side is locked' },
    message: (p: { category: string; term: string; submittedOn: string; source?: Source }) => ({
      'zh-TW': `學校已於 ${p.submittedOn} 提交 ${p.term}「${kind(p.category)['zh-TW']}」名冊，學生端已鎖定，不可再編修${cite(p.source)}`,
      en: `the school submitted the ${kind(p.category).en} roster for ${p.term} on ${p.submittedOn}; the student side is locked${cite(p.source)}`,
    }),
  }),
  actingDeputy: defineCode({
    code: 'PR7005',
    name: 'by-deputy',
    severity: 'info',
    title: { 'zh-TW': '由代理人辦理', en: 'Done by a deputy' },
    message: (p: { category: string; acting: string; owner: string; source?: Source; own?: OwnNames }) => {
      const [owner, acting] = [linkWords(p.owner, p.own), linkWords(p.acting, p.own)];
      return {
        'zh-TW': `主責單位${owner['zh-TW']}無法執行，「${kind(p.category)['zh-TW']}」由代理人${acting['zh-TW']}辦理${cite(p.source)}`,
        en: `the ${owner.en} is unavailable: the ${acting.en} acts for ${kind(p.category).en} as deputy${cite(p.source)}`,
      };
    },
  }),
} as const;
