import { defineCode } from '../findings/define';
import { chainIn, DIVISION_NAMES, DUTY_NAMES, type OwnNames, wordsFor } from '../names';

export const DEPUTY_CODES = {
  nobodyAvailable: defineCode({
    code: 'PR5001',
    name: 'nobody-available',
    severity: 'error',
    title: { 'zh-TW': '主責及所有代理人皆無法執行', en: 'Nobody left to act' },
    message: (p: { duty: string; chain: readonly string[]; division?: string; own?: OwnNames }) => {
      const duty = wordsFor(DUTY_NAMES, p.duty);
      const chain = chainIn(p.chain, p.own);
      return {
        'zh-TW': `「${duty['zh-TW']}」的主責及代理人 (${chain['zh-TW'] || '未指定'}) 皆無法執行，沒有人可代理`,
        en: `nobody can act for ${duty.en}: the owner and every deputy (${chain.en || 'none named'}) are unavailable`,
      };
    },
  }),
  noOwner: defineCode({
    code: 'PR5002',
    name: 'no-owner',
    severity: 'error',
    title: { 'zh-TW': '業務未指定主責單位', en: 'Duty has no owner' },
    message: (p: { duty: string; division?: string }) => {
      const duty = wordsFor(DUTY_NAMES, p.duty);
      const division = p.division === undefined ? undefined : wordsFor(DIVISION_NAMES, p.division);
      return {
        'zh-TW': `「${duty['zh-TW']}」未指定主責單位${division ? ` (${division['zh-TW']})` : ''}`,
        en: `the duty ${duty.en} has no owner${division ? ` in the ${division.en}` : ''}`,
      };
    },
  }),
} as const;
