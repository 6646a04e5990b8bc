import { cite, defineCode } from '../findings/define';
import type { Source } from '../findings/types';
import { linkWords, type OwnNames, RECORD_KIND_NAMES, wordsFor } from '../names';

const kind = (category: string) => wordsFor(RECORD_KIND_NAMES, category);
const STATUS: Readonly<Record<string, string>> = {
  pending: '待確認',
  confirmed: '已確認',
  disputed: '有疑義',
  resolved: '疑義已處理',
};
const EVENT: Readonly<Record<string, string>> = { confirm: '確認', dispute: '提出疑義', resolve: '處理疑義' };

export const RECEIPT_CODES = {
  periodTooShort: defineCode({
    code: 'PR7010',
    name: 'confirmation-period-too-short',
    severity: 'error',
    title: { 'zh-TW': '收訖明細確認期間過短', en: 'Confirmation period too short' },
    message: (p: { days: number; minDays: number; opens: string; closes: string; source?: Source }) => ({
      'zh-TW': `收訖明細確認期間 ${p.opens}–${p.closes} 共 ${p.days} 日，少於至少 ${p.minDays} 日${cite(p.source)}`,
      en: `the receipt-confirmation period ${p.opens} to ${p.closes} lasts ${p.days} days, fewer than the minimum of ${p.minDays}${cite(p.source)}`,
    }),
  }),
  invalidTransition: defineCode({
    code: 'PR7011',
    name: 'receipt-invalid-transition',
    severity: 'error',
    title: { 'zh-TW': '收訖明細此狀態不能執行此動作', en: 'Not possible for this receipt now' },
    message: (p: { event: string; status: string; allowedFrom: readonly string[] }) => ({
      'zh-TW': `收訖明細「${STATUS[p.status] ?? p.status}」時不能${EVENT[p.event] ?? p.event}；僅限${p.allowedFrom.map((s) => STATUS[s] ?? s).join('、')}`,
      en: `cannot ${p.event} a receipt that is ${p.status}; only from ${p.allowedFrom.join(', ')}`,
    }),
  }),
  openDisputes: defineCode({
    code: 'PR7012',
    name: 'open-disputes',
    severity: 'error',
    title: { 'zh-TW': '尚有未處理之疑義', en: 'Disputes still open' },
    message: (p: { category: string; term: string; students: readonly string[]; source?: Source }) => ({
      'zh-TW': `「${kind(p.category)['zh-TW']}」${p.term} 尚有 ${p.students.length} 件疑義未處理 (${p.students.join('、')})，須處理後才能完成提交${cite(p.source)}`,
      en: `${p.students.length} dispute(s) on ${kind(p.category).en} for ${p.term} are still open (${p.students.join(', ')}); resolve them before the final submission${cite(p.source)}`,
    }),
  }),
  finalTooEarly: defineCode({
    code: 'PR7013',
    name: 'final-before-period-ends',
    severity: 'error',
    title: { 'zh-TW': '確認期間未滿即完成提交', en: 'Final submission before the minimum period' },
    message: (p: {
      at: string;
      opens: string;
      closes?: string;
      earliest: string;
      minDays: number;
      round?: number;
      source?: Source;
    }) => {
      const zhRound = p.round && p.round > 1 ? `第 ${p.round} 輪` : '';
      const enRound = p.round && p.round > 1 ? `round ${p.round} ` : '';
      const zhCloses = p.closes ? `，確認期間至 ${p.closes}` : '';
      const enCloses = p.closes ? ` until ${p.closes}` : '';
      return {
        'zh-TW': `${zhRound}收訖明細自 ${p.opens} 起至少須確認 ${p.minDays} 日${zhCloses}，最早 ${p.earliest} 才能完成提交 (今日 ${p.at})${cite(p.source)}`,
        en: `${enRound}receipts are open for confirmation from ${p.opens}${enCloses}, at least ${p.minDays} days; the final submission may come on ${p.earliest} at the earliest (today ${p.at})${cite(p.source)}`,
      };
    },
  }),
  finalLocked: defineCode({
    code: 'PR7014',
    name: 'final-submission-locked',
    severity: 'error',
    title: { 'zh-TW': '已完成最終提交，資料不再變動', en: 'Final submission made: nothing changes' },
    message: (p: {
      category: string;
      term: string;
      finalOn: string;
      /** The audit: the day a record changed (or a round was submitted) after the final submission. */
      changedOn?: string;
      /** The audit: the round submitted after the final submission. */
      round?: number;
      source?: Source;
    }) => ({
      'zh-TW': `「${kind(p.category)['zh-TW']}」${p.term} 已於 ${p.finalOn} 完成最終提交，資料不再變動${cite(p.source)}`,
      en: `${kind(p.category).en} for ${p.term} had its final submission on ${p.finalOn}; nothing changes after it${cite(p.source)}`,
    }),
  }),
  notConfirmer: defineCode({
    code: 'PR7019',
    name: 'receipt-not-confirmer',
    severity: 'error',
    title: { 'zh-TW': '無權確認此收訖明細', en: 'Not the one to confirm this receipt' },
    message: (p: {
      actor: string;
      event: 'confirm' | 'dispute';
      student: string;
      category: string;
      /** The unit (or deputy) that confirms receipts now, when the pack names one. */
      acting?: string;
      source?: Source;
      own?: OwnNames;
    }) => {
      const acting = p.acting === undefined ? undefined : linkWords(p.acting, p.own);
      return {
        'zh-TW': `${p.actor} 無權${EVENT[p.event] ?? p.event}學生 ${p.student}「${kind(p.category)['zh-TW']}」之收訖明細；應由學生本人${acting ? `或${acting['zh-TW']}` : ''}辦理${cite(p.source)}`,
        en: `${p.actor} may not ${p.event} student ${p.student}'s ${kind(p.category).en} receipt; the student${acting ? ` or ${acting.en}` : ''} may${cite(p.source)}`,
      };
    },
  }),
  textRequired: defineCode({
    code: 'PR7015',
    name: 'dispute-text-required',
    severity: 'error',
    title: { 'zh-TW': '疑義須說明', en: 'A dispute needs its text' },
    message: (p: { event: 'dispute' | 'resolve' }) => ({
      'zh-TW': p.event === 'dispute' ? '提出疑義時須說明疑義內容' : '處理疑義時須說明處理結果',
      en:
        p.event === 'dispute'
          ? 'a dispute needs a description of what is wrong'
          : 'resolving a dispute needs a description of how',
    }),
  }),
  superseded: defineCode({
    code: 'PR7018',
    name: 'receipt-superseded',
    severity: 'error',
    title: { 'zh-TW': '此收訖明細已由新一輪取代', en: 'A later round replaced this receipt' },
    message: (p: {
      student: string;
      category: string;
      term: string;
      round: number;
      latest: number;
      latestOn: string;
      source?: Source;
    }) => ({
      'zh-TW': `學生 ${p.student}「${kind(p.category)['zh-TW']}」${p.term} 第 ${p.round} 輪收訖明細已由 ${p.latestOn} 再次提交之第 ${p.latest} 輪取代，請就最新一輪確認或提出疑義${cite(p.source)}`,
      en: `student ${p.student}'s ${kind(p.category).en} receipt for ${p.term} is of round ${p.round}; the school submitted again on ${p.latestOn} (round ${p.latest}): confirm or dispute the latest round's receipt${cite(p.source)}`,
    }),
  }),
  leaverNotice: defineCode({
    code: 'PR7017',
    name: 'notify-leaver',
    severity: 'info',
    title: { 'zh-TW': '須以紙本或電子郵件通知已離校學生', en: 'Notify a student who left' },
    message: (p: { student: string; leftOn?: string; channels: readonly string[]; source?: Source }) => {
      const zhChannels = p.channels.map((c) => (c === 'paper' ? '紙本' : '電子郵件')).join('或');
      return {
        'zh-TW': `學生 ${p.student}${p.leftOn ? ` 已於 ${p.leftOn} ` : ' 已'}離校，須以${zhChannels || '其他方式'}通知其確認收訖明細${cite(p.source)}`,
        en: `student ${p.student} left${p.leftOn ? ` on ${p.leftOn}` : ''}: notify them by ${p.channels.join(' or ') || 'some other means'} to confirm their receipts${cite(p.source)}`,
      };
    },
  }),
} as const;
