import {
  type EffectivePack,
  formatSource,
  type Language,
  type Localized,
  type NationalBound,
  nameIn,
  ownNames,
  PERMISSION_NAMES,
  PERMISSIONS,
  roleName,
  SCOPE_NAMES,
} from '@portfolio-rules/core';
import { effectiveMatrix, jsonOf } from '@portfolio-rules/core/internal';

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
    declaredRole: '宣告之角色',
    noPermissions: '沒有任何權限',
    within: (permission: string, scope: string) => `${permission} (${scope})`,
    list: '、',
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
    declaredRole: 'declared role',
    noPermissions: 'no permissions',
    within: (permission: string, scope: string) => `${permission} (${scope})`,
    list: ', ',
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

/**
 * Each role the pack declares in words, as the effective matrix leaves it, in the matrix's order (a cell the engine refuses,
 * PR5109, is not there; a narrowed one has its narrowed scope): `宣告之角色「導師 (班級統計)」：查看統計
 * (本班)、匯出統計 (本班)`; `declared role homeroom teacher (class statistics): viewing statistics
 * (one's own class), …`.
 */
export function declaredRoleWords(effective: EffectivePack): Map<string, Localized> {
  const declared = Object.keys(effective.values.roles ?? {});
  if (declared.length === 0) return new Map();
  const { grants } = effectiveMatrix(effective);
  const names = ownNames(effective.values).roles;
  const say = (id: string, language: Language): string => {
    const text = EXPLAIN_TEXT[language];
    const cells = grants
      .filter((cell) => cell.role === id)
      .sort((a, b) => PERMISSIONS.indexOf(a.permission) - PERMISSIONS.indexOf(b.permission))
      .map((cell) =>
        text.within(nameIn(PERMISSION_NAMES, cell.permission, language), nameIn(SCOPE_NAMES, cell.scope, language)),
      );
    const role = roleName(id, language, names);
    const what = cells.length > 0 ? cells.join(text.list) : text.noPermissions;
    return language === 'zh-TW' ? `${text.declaredRole}「${role}」：${what}` : `${text.declaredRole} ${role}: ${what}`;
  };
  return new Map(declared.map((id) => [id, { 'zh-TW': say(id, 'zh-TW'), en: say(id, 'en') }]));
}
