import { cite, defineCode } from '../findings/define';
import type { Source } from '../findings/types';
import { chainIn, linkWords, type OwnNames } from '../names';

const EVENT_NAMES: Readonly<Record<string, string>> = {
  edit: '編修',
  submit: '送審',
  certify: '認證',
  reject: '認證失敗',
  revoke: '取消認證',
  reassign: '更換認證教師',
  withdraw: '刪除',
  select: '勾選',
  deselect: '取消勾選',
};
const STATE_NAMES: Readonly<Record<string, string>> = {
  draft: '草稿',
  submitted: '已送審',
  certified: '認證成功',
  rejected: '認證失敗',
};
const zhEvent = (event: string) => EVENT_NAMES[event] ?? event;
const zhState = (state: string) => STATE_NAMES[state] ?? state;

export const CERTIFICATION_CODES = {
  invalidTransition: defineCode({
    code: 'PR4001',
    name: 'invalid-transition',
    severity: 'error',
    title: { 'zh-TW': '此狀態不能執行此動作', en: 'Not possible in this state' },
    message: (p: { event: string; state: string; allowedFrom: readonly string[]; source?: Source }) => ({
      'zh-TW': `「${zhState(p.state)}」狀態不能${zhEvent(p.event)}；僅限${p.allowedFrom.map(zhState).join('、')}${cite(p.source)}`,
      en: `cannot ${p.event} an item that is ${p.state}; only from ${p.allowedFrom.join(', ')}${cite(p.source)}`,
    }),
  }),
  notAuthorised: defineCode({
    code: 'PR4002',
    name: 'not-authorised',
    severity: 'error',
    title: { 'zh-TW': '無權執行此動作', en: 'Not authorised' },
    message: (p: { actor: string; event: string; authorised: string; source?: Source; own?: OwnNames }) => {
      const [actor, authorised] = [linkWords(p.actor, p.own), linkWords(p.authorised, p.own)];
      return {
        'zh-TW': `${actor['zh-TW']} 無權${zhEvent(p.event)}此件；應由 ${authorised['zh-TW']} 執行${cite(p.source)}`,
        en: `${actor.en} may not ${p.event} this item; ${authorised.en} may${cite(p.source)}`,
      };
    },
  }),
  reasonRequired: defineCode({
    code: 'PR4003',
    name: 'reason-required',
    severity: 'error',
    title: { 'zh-TW': '認證失敗須填寫說明', en: 'A rejection needs a reason' },
    /** `studentId`: whose item, so that a report can name the student. */
    message: (p: { source?: Source; studentId?: string }) => ({
      'zh-TW': `認證失敗時須同時填寫認證說明，方可存檔${cite(p.source)}`,
      en: `a rejection needs a reason before it can be saved${cite(p.source)}`,
    }),
  }),
  certifiedLocked: defineCode({
    code: 'PR4004',
    name: 'certified-locked',
    severity: 'error',
    title: { 'zh-TW': '已認證之成果學生不可修改', en: 'Certified items are locked' },
    message: (p: { certifiedBy?: string; source?: Source }) => ({
      'zh-TW': `此件已認證成功，學生端不可修改；須由認證教師${p.certifiedBy ? ` (${p.certifiedBy})` : ''}取消認證後才可修改並重新送審${cite(p.source)}`,
      en: `this item is certified and locked for the student; the certifying teacher${p.certifiedBy ? ` (${p.certifiedBy})` : ''} must revoke the certification first, then the student edits and resubmits${cite(p.source)}`,
    }),
  }),
  underReview: defineCode({
    code: 'PR4005',
    name: 'under-review',
    severity: 'error',
    title: { 'zh-TW': '送審中不可修改', en: 'Locked while under review' },
    message: (p: { certifier: string; source?: Source }) => ({
      'zh-TW': `此件已送審，等待 ${p.certifier} 認證，學生端不可修改或刪除${cite(p.source)}`,
      en: `this item is under review by ${p.certifier}; the student may not edit or withdraw it${cite(p.source)}`,
    }),
  }),
  invalidReassignment: defineCode({
    code: 'PR4006',
    name: 'invalid-reassignment',
    severity: 'error',
    title: { 'zh-TW': '更換認證教師無效', en: 'Invalid reassignment' },
    message: (p: { certifier: string; requested: string }) => ({
      'zh-TW': `更換認證教師須指定另一位教師 (目前為 ${p.certifier}，指定為「${p.requested}」)`,
      en: `a reassignment needs another teacher (currently ${p.certifier}, requested \`${p.requested}\`)`,
    }),
  }),
  withdrawn: defineCode({
    code: 'PR4007',
    name: 'item-withdrawn',
    severity: 'error',
    title: { 'zh-TW': '此件已刪除', en: 'The item was withdrawn' },
    message: (p: { event: string }) => ({
      'zh-TW': `此件已刪除，不能再${zhEvent(p.event)}`,
      en: `the item was withdrawn; it cannot be ${p.event === 'edit' ? 'edited' : `the subject of ${p.event}`}`,
    }),
  }),
  byDeputy: defineCode({
    code: 'PR4009',
    name: 'certified-by-deputy',
    severity: 'info',
    title: { 'zh-TW': '由代理人認證', en: 'Certified by a deputy' },
    message: (p: {
      actor: string;
      actingAs: string;
      certifier: string;
      chain: readonly string[];
      source?: Source;
      own?: OwnNames;
    }) => {
      const [actor, actingAs, chain] = [
        linkWords(p.actor, p.own),
        linkWords(p.actingAs, p.own),
        chainIn(p.chain, p.own),
      ];
      return {
        'zh-TW': `認證教師 ${p.certifier} 無法認證，由 ${actor['zh-TW']} 以${actingAs['zh-TW']}身分代理 (代理順序 ${chain['zh-TW']})${cite(p.source)}`,
        en: `${p.certifier} is unavailable: ${actor.en} acts as ${actingAs.en} (chain ${chain.en})${cite(p.source)}`,
      };
    },
  }),
  notCertified: defineCode({
    code: 'PR4010',
    name: 'not-certified',
    severity: 'error',
    title: { 'zh-TW': '未經認證之成果不能勾選', en: 'Only certified items can be selected' },
    message: (p: { state: string; source?: Source; studentId?: string }) => ({
      'zh-TW': `此件為「${zhState(p.state)}」，須經任課教師認證成功才可勾選提交${cite(p.source)}`,
      en: `this item is ${p.state}; only items the course teacher certified can be selected${cite(p.source)}`,
    }),
  }),
} as const;
