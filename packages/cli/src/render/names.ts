import {
  type Cap,
  COMMON_UNITS,
  type Duty,
  DUTY_NAMES,
  type EffectivePack,
  type Language,
  nameIn,
  ROLE_NAMES,
} from '@portfolio-rules/core';
import { unreachable } from '@portfolio-rules/core/internal';

/** How the documents name things: units, duties, deputies and caps, in both languages. */

const WORDS = {
  'zh-TW': {
    per: { semester: '每學期', academicYear: '每學年' },
    max: (count: number, per: string) => `${per}至多 ${count} 件`,
    min: (count: number, per: string) => `${per}至少 ${count} 件`,
    exempt: (sources: string) => `(不計入：${sources})`,
    sources: { student: '學生上傳', schoolEntered: '學校登錄', bulkImport: '項目管理者匯入' } as Record<string, string>,
    designated: (unit: string) => `由${unit}主管指定`,
    list: '、',
  },
  en: {
    per: { semester: 'per semester', academicYear: 'per academic year' },
    max: (count: number, per: string) => `at most ${count} ${per}`,
    min: (count: number, per: string) => `at least ${count} ${per}`,
    exempt: (sources: string) => `(not counted: ${sources})`,
    sources: {
      student: 'uploaded by the student',
      schoolEntered: 'entered by the school',
      bulkImport: 'imported by an item manager',
    } as Record<string, string>,
    designated: (unit: string) => `designated by the head of ${unit}`,
    list: ', ',
  },
} as const;

/**
 * A unit or role as the school writes it: `註冊組`, `任課教師`; with `office`, its office first as in
 * 馬公's 分工表 (`教務處 註冊組`); in English followed by its identifier.
 */
export function unitName(
  effective: Pick<EffectivePack, 'values'>,
  id: string,
  language: Language,
  options: { readonly office?: boolean } = {},
): string {
  const unit = effective.values.units?.[id] ?? COMMON_UNITS[id];
  // 進修部教務組 already names its office 進修部.
  const office = options.office && unit?.office && !unit.name.startsWith(unit.office) ? `${unit.office} ` : '';
  // A role the pack declares (roles:) by its own names; a national role by the matrix's.
  const declared = effective.values.roles?.[id];
  if (!unit && declared) return language === 'zh-TW' ? declared.name : `${declared.en ?? declared.name} (${id})`;
  const name = unit ? `${office}${unit.name}` : nameIn(ROLE_NAMES, id, 'zh-TW');
  return language === 'en' && name !== id ? `${name} (${id})` : name;
}

/** A duty as the tables name it: `基本資料`; `basic data (基本資料)`. */
export function dutyName(duty: Duty, language: Language): string {
  const name = DUTY_NAMES[duty];
  return language === 'zh-TW' ? name['zh-TW'] : `${name.en} (${name['zh-TW']})`;
}

/** A deputy link as the lists write it: a unit, or `由註冊組主管指定` for `designatedBy:registration`. */
export function deputyName(effective: Pick<EffectivePack, 'values'>, link: string, language: Language): string {
  const designated = /^designatedBy:(.+)$/.exec(link);
  return designated
    ? WORDS[language].designated(unitName(effective, designated[1] ?? unreachable('the unit'), language))
    : unitName(effective, link, language);
}

/** A cap in words: `每學期至多 6 件`, with what does not count. */
export function capText(cap: Cap, language: Language): string {
  const words = WORDS[language];
  const per = words.per[cap.per ?? 'academicYear'];
  const limits = [
    ...(cap.max === undefined ? [] : [words.max(cap.max, per)]),
    ...(cap.min === undefined ? [] : [words.min(cap.min, per)]),
  ];
  const exempt =
    cap.exempt && cap.exempt.length > 0
      ? ` ${words.exempt(cap.exempt.map((source) => words.sources[source] ?? source).join(words.list))}`
      : '';
  return `${limits.join(words.list)}${exempt}`;
}
