import { type Cap, type Duty, DUTY_NAMES, type Language } from '@portfolio-rules/core';

/** How the documents name duties and caps, in both languages (units and deputies: core's `unitName`, `linkName`). */

const WORDS = {
  'zh-TW': {
    per: { semester: '每學期', academicYear: '每學年' },
    max: (count: number, per: string) => `${per}至多 ${count} 件`,
    min: (count: number, per: string) => `${per}至少 ${count} 件`,
    exempt: (sources: string) => `(不計入：${sources})`,
    sources: { student: '學生上傳', schoolEntered: '學校登錄', bulkImport: '項目管理者匯入' } as Record<string, string>,
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
    list: ', ',
  },
} as const;

/** A duty as the tables name it: `基本資料`; `basic data (基本資料)`. */
export function dutyName(duty: Duty, language: Language): string {
  const name = DUTY_NAMES[duty];
  return language === 'zh-TW' ? name['zh-TW'] : `${name.en} (${name['zh-TW']})`;
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
