import type { Language } from '../findings/types';
import { dateWords, monthDayWords } from '../term';
import type { DateRule, Grade } from '../windows/schema';
import { ANCHOR_NAMES, nameIn } from './index';

// The words of a window as the schools' flow tables write them, for messages, `render`, `timeline`
// and `diff` alike: a reader never meets `{ anchor: closingCeremony, weeks: 2 }`.

function offsetWords(
  rule: { weeks?: number | undefined; days?: number | undefined; workingDays?: number | undefined },
  language: Language,
): { text: string; sign: number }[] {
  const parts: { text: string; sign: number }[] = [];
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (rule.weeks)
    parts.push({
      text: language === 'zh-TW' ? `${Math.abs(rule.weeks)}週` : plural(Math.abs(rule.weeks), 'week'),
      sign: Math.sign(rule.weeks),
    });
  if (rule.days)
    parts.push({
      text: language === 'zh-TW' ? `${Math.abs(rule.days)}日` : plural(Math.abs(rule.days), 'day'),
      sign: Math.sign(rule.days),
    });
  if (rule.workingDays)
    parts.push({
      text:
        language === 'zh-TW'
          ? `${Math.abs(rule.workingDays)}個工作日`
          : plural(Math.abs(rule.workingDays), 'working day'),
      sign: Math.sign(rule.workingDays),
    });
  return parts;
}

/**
 * A date rule as the rule writes it: `休業式後2週`, `全國上傳截止前2週`, `8月31日`, `學期結束後之9月10日`;
 * in English `2 weeks after the closing ceremony`, `31 August`; an absolute date as the documents write it,
 * `112年10月2日`, `2 October 2023`.
 */
export function describeRule(rule: DateRule, language: Language): string {
  if (typeof rule === 'string') return dateWords(rule, language);
  if ('monthDay' in rule) {
    const [month, day] = rule.monthDay.split('-').map(Number) as [number, number];
    const date = monthDayWords(month, day, language);
    // Counted from the term's start unless `from` says otherwise: `學期結束後之9月10日`.
    if (rule.from === undefined || rule.from === 'termStart') return date;
    const anchor = nameIn(ANCHOR_NAMES, rule.from, language);
    return language === 'zh-TW' ? `${anchor}後之${date}` : `${date} after ${anchor}`;
  }
  const anchor = nameIn(ANCHOR_NAMES, rule.anchor, language);
  const parts = offsetWords(rule, language);
  if (parts.length === 0) return language === 'zh-TW' ? `${anchor}當日` : `on ${anchor}`;
  // Parts in one direction read as one span (開學後1週又6日); mixed directions are written one after the other.
  const direction = (sign: number) => (language === 'zh-TW' ? (sign < 0 ? '前' : '後') : sign < 0 ? 'before' : 'after');
  const [first] = parts;
  if (first && parts.every((part) => part.sign === first.sign)) {
    const span = parts.map((part) => part.text).join(language === 'zh-TW' ? '又' : ' and ');
    return language === 'zh-TW'
      ? `${anchor}${direction(first.sign)}${span}`
      : `${span} ${direction(first.sign)} ${anchor}`;
  }
  const steps = parts.map((part) =>
    language === 'zh-TW' ? `${direction(part.sign)}${part.text}` : `${part.text} ${direction(part.sign)}`,
  );
  return language === 'zh-TW' ? `${anchor}${steps.join('再')}` : `${steps.join(', then ')} ${anchor}`;
}

/** The grades a window governs: `全年級`, `1、2年級`, `3年級`; `all grades`, `grades 1, 2`, `grade 3`. */
export function gradesText(grades: readonly Grade[] | undefined, language: Language): string {
  if (grades === undefined || [1, 2, 3].every((grade) => grades.includes(grade as Grade)))
    return language === 'zh-TW' ? '全年級' : 'all grades';
  if (language === 'zh-TW') return `${grades.join('、')}年級`;
  return `grade${grades.length === 1 ? '' : 's'} ${grades.join(', ')}`;
}

/** The semesters a window applies to: `每學期`, `第1學期`; `each semester`, `semester 1`. */
export function semestersText(semesters: readonly (1 | 2)[] | undefined, language: Language): string {
  if (semesters === undefined || (semesters.includes(1) && semesters.includes(2)))
    return language === 'zh-TW' ? '每學期' : 'each semester';
  return language === 'zh-TW' ? `第${semesters.join('、')}學期` : `semester ${semesters.join(', ')}`;
}
