import { formatSource, type Language, type NationalBound } from '@portfolio-rules/core';
import { jsonOf } from '@portfolio-rules/core/internal';

/** The words of `explain`'s table, in both languages. */
export const EXPLAIN_TEXT = {
  'zh-TW': {
    term: (term: string | undefined) => (term ? `學期 ${term} 適用之規定` : '適用期間最新之規定'),
    national: '全國規定',
    layers: '層次',
    key: '設定鍵',
    value: '值',
    layer: '設定層',
    clause: '依據',
    per: { semester: '每學期', academicYear: '每學年' },
    max: '全國上限',
    min: '全國下限',
  },
  en: {
    term: (term: string | undefined) =>
      term ? `the rules in force in term ${term}` : "the latest rules in the pack's period",
    national: 'national rules',
    layers: 'layers',
    key: 'key',
    value: 'value',
    layer: 'layer',
    clause: 'clause',
    per: { semester: 'per semester', academicYear: 'per academic year' },
    max: 'national maximum',
    min: 'national minimum',
  },
} as const;

/** A value as the table shows it: text as itself, lists in brackets, the rest as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  return jsonOf(value) ?? '';
}

/** The national bound under a value: `national maximum 10 per academic year (作業要點 五(二))`. */
export function boundNote(bound: NationalBound, language: Language): string {
  const text = EXPLAIN_TEXT[language];
  const limit =
    bound.kind === 'capMax' ? `${text.max} ${bound.max} ${text.per[bound.per]}` : `${text.min} ${bound.min}`;
  return `${limit} (${formatSource(bound.source)})`;
}
