import { defineCode } from '../findings/define';
import type { Localized } from '../findings/types';

export const EXPRESSION_CODES = {
  customRule: defineCode({
    code: 'PR6100',
    name: 'custom-rule',
    severity: 'warning',
    title: { 'zh-TW': '自訂檢核規則成立', en: 'A custom rule holds' },
    // The pack writes the message; the rule's severity overrides the default.
    message: (p: { id: string; text: Localized }) => p.text,
  }),
  ruleNotEvaluated: defineCode({
    code: 'PR6101',
    name: 'custom-rule-not-evaluated',
    severity: 'error',
    title: { 'zh-TW': '自訂檢核規則未執行', en: 'Custom rule not evaluated' },
    message: (p: { id: string; problems: readonly string[] }) => ({
      'zh-TW': `自訂規則「${p.id}」未通過安全檢查，未執行：${p.problems.join('；')}`,
      en: `the custom rule \`${p.id}\` failed the safety check and was not evaluated: ${p.problems.join('; ')}`,
    }),
  }),
  ruleFailed: defineCode({
    code: 'PR6102',
    name: 'custom-rule-failed',
    severity: 'error',
    title: { 'zh-TW': '自訂檢核規則執行失敗', en: 'Custom rule failed' },
    message: (p: { id: string; detail: string }) => ({
      'zh-TW': `自訂規則「${p.id}」執行失敗：${p.detail}`,
      en: `the custom rule \`${p.id}\` failed: ${p.detail}`,
    }),
  }),
  unknownFact: defineCode({
    code: 'PR6103',
    name: 'custom-rule-unknown-fact',
    severity: 'warning',
    title: { 'zh-TW': '自訂檢核規則讀取未定義的事實', en: 'Custom rule reads an unknown fact' },
    message: (p: { id: string; fact: string; suggestion?: string }) => ({
      'zh-TW': `自訂規則「${p.id}」讀取的「${p.fact}」不是已定義的事實，其值永遠為空${p.suggestion ? `；您是否要輸入「${p.suggestion}」？` : ''}`,
      en: `the custom rule \`${p.id}\` reads \`${p.fact}\`, which is not a documented fact: it is always empty${p.suggestion ? ` — did you mean \`${p.suggestion}\`?` : ''}`,
    }),
  }),
  budgetSpent: defineCode({
    code: 'PR6104',
    name: 'custom-rule-budget',
    severity: 'error',
    title: { 'zh-TW': '自訂檢核規則超出運算上限', en: 'Custom rule over its step budget' },
    message: (p: { id: string; limit: number }) => ({
      'zh-TW': `自訂規則「${p.id}」一次檢核超過 ${p.limit} 步運算，已停止，其餘對象不再以此規則檢核`,
      en: `the custom rule \`${p.id}\` took more than ${p.limit} steps in one evaluation: it was stopped and is not evaluated on the rest`,
    }),
  }),
} as const;
