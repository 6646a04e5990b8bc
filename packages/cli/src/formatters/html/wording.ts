import { type FindingBase, isPlainDate, type Language } from '@portfolio-rules/core';
import { academicYearWords, dateWords, termWords } from '@portfolio-rules/core/internal';

/**
 * How the audit report words a finding. The engine's messages are written for the moment a step is
 * refused ("已有 7 件，不能再上傳"); an audit looks back at what happened, so the cap findings are
 * reworded here in the past tense from their data, and every other message gets its term codes
 * (`11201`) and ISO dates (`2024-03-17`) in words, as schools write them.
 */

const KIND: Record<string, Record<Language, string>> = {
  courseOutcome: { 'zh-TW': '課程學習成果', en: 'course outcomes' },
  diversePerformance: { 'zh-TW': '多元表現', en: 'diverse performances' },
};

const PER: Record<string, Record<Language, string>> = {
  semester: { 'zh-TW': '每學期', en: 'per semester' },
  academicYear: { 'zh-TW': '每學年', en: 'per academic year' },
  year: { 'zh-TW': '每學年', en: 'per academic year' },
};

const ACTION: Record<string, Record<Language, string>> = {
  PR3001: { 'zh-TW': '上傳', en: 'uploaded' },
  PR3002: { 'zh-TW': '勾選', en: 'selected' },
};

/** A period of a cap finding in words: `11201` → 112學年度第1學期, `112` → 112學年度. */
function periodWords(period: string, language: Language): string | undefined {
  const term = /^(\d{2,3})(0[12])$/.exec(period);
  if (term) return termWords({ year: Number(term[1]), semester: Number(term[2]) as 1 | 2 }, language);
  return /^\d{2,3}$/.test(period) ? academicYearWords(Number(period), language) : undefined;
}

/** "112學年度已上傳 17 件，超過 15 件" from a cap finding's data; undefined when its data is not a cap's. */
function capWording(finding: FindingBase, language: Language): string | undefined {
  const action = ACTION[finding.code];
  const { kind, per, max, count, period } = finding.data as Record<string, unknown>;
  const what = typeof kind === 'string' ? KIND[kind] : undefined;
  const every = typeof per === 'string' ? PER[per] : undefined;
  const when = typeof period === 'string' ? periodWords(period, language) : undefined;
  if (!action || !what || !every || !when || typeof max !== 'number' || typeof count !== 'number') return undefined;
  return language === 'zh-TW'
    ? `${when}已${action[language]} ${count} 件${what[language]}，超過${every[language]}上限 ${max} 件`
    : `in ${when}, ${count} ${what[language]} were ${action[language]}, over the cap of ${max} ${every[language]}`;
}

const TERM = /(?<![\w-])(\d{3})(0[12])(?![\w-])/g;
const DATE = /(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])/g;

/** Term codes and ISO dates in a text, in words; anything else as it was. */
export function inWords(text: string, language: Language): string {
  return text
    .replace(DATE, (date: string) => (isPlainDate(date) ? dateWords(date, language) : date))
    .replace(TERM, (_, year: string, semester: string) =>
      termWords({ year: Number(year), semester: Number(semester) as 1 | 2 }, language),
    );
}

/** The sentence the audit report prints for a finding. */
export function auditWording(finding: FindingBase, language: Language): string {
  return capWording(finding, language) ?? inWords(finding.message[language], language);
}

/** The student a finding is about, when it names one: in its data, or as the subject of a cap finding. */
export function studentOf(finding: FindingBase): string | undefined {
  const { student, studentId, students } = finding.data as Record<string, unknown>;
  if (typeof student === 'string') return student;
  if (typeof studentId === 'string') return studentId;
  if (Array.isArray(students) && students.every((id) => typeof id === 'string')) return students.join(', ');
  return finding.rule.startsWith('caps.') ? finding.subject : undefined;
}
