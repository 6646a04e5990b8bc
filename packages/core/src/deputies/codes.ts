import { defineCode } from '../findings/define';

export const DEPUTY_CODES = {
  nobodyAvailable: defineCode({
    code: 'PR5001',
    name: 'nobody-available',
    severity: 'error',
    title: { 'zh-TW': '主責及所有代理人皆無法執行', en: 'Nobody left to act' },
    message: (p: { duty: string; dutyName: string; chain: readonly string[]; division?: string }) => ({
      'zh-TW': `「${p.dutyName}」的主責及代理人 (${p.chain.join(' → ') || '未指定'}) 皆無法執行，沒有人可代理`,
      en: `nobody can act for ${p.duty}: the owner and every deputy (${p.chain.join(' → ') || 'none named'}) are unavailable`,
    }),
  }),
  noOwner: defineCode({
    code: 'PR5002',
    name: 'no-owner',
    severity: 'error',
    title: { 'zh-TW': '業務未指定主責單位', en: 'Duty has no owner' },
    message: (p: { duty: string; dutyName: string; division?: string }) => ({
      'zh-TW': `「${p.dutyName}」未指定主責單位${p.division ? ` (部別 ${p.division})` : ''}`,
      en: `the duty ${p.duty} has no owner${p.division ? ` for the ${p.division} division` : ''}`,
    }),
  }),
} as const;
