import { cite, defineCode } from '../findings/define';
import type { Language, Source } from '../findings/types';
import { ACTIVITY_NAMES, ANCHOR_NAMES, nameIn } from '../names';
import type { Anchor, DateRule } from './schema';
import { describeRule } from '../names/dates';

const span = (opens: string | undefined, closes: string) => (opens ? `${opens}–${closes}` : `… – ${closes}`);

/**
 * A date a message names: a date as written (`2024-01-19`, spaced apart in Chinese as the other
 * messages write dates) or, from the pack alone, its rule in words (`休業式後2週`, `2 weeks after
 * the closing ceremony`) — never the rule's identifiers.
 */
function when(rule: DateRule, language: Language): string {
  if (typeof rule === 'string') return language === 'zh-TW' ? ` ${rule} ` : rule;
  return describeRule(rule, language);
}

/** When a window closes, after `closes` in English: `on 2024-01-19`, `on 31 August`, `2 weeks after the closing ceremony`. */
const closesEn = (rule: DateRule) =>
  typeof rule === 'object' && 'anchor' in rule ? describeRule(rule, 'en') : `on ${when(rule, 'en')}`;

export const WINDOW_CODES = {
  anchorMissing: defineCode({
    code: 'PR6001',
    name: 'calendar-anchor-missing',
    severity: 'error',
    title: { 'zh-TW': '行事曆缺少基準日', en: 'Calendar anchor missing' },
    message: (p: { anchor: string; term: string; activity: string; grades: readonly number[] }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程以${nameIn(ANCHOR_NAMES, p.anchor, 'zh-TW')}推算，但行事曆沒有 ${p.term} 學期 (${p.grades.join('、')} 年級) 的${nameIn(ANCHOR_NAMES, p.anchor, 'zh-TW')}`,
      en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window is relative to ${nameIn(ANCHOR_NAMES, p.anchor, 'en')}, but the calendar gives no date for it in term ${p.term} (grades ${p.grades.join(', ')})`,
    }),
  }),
  notYetOpen: defineCode({
    code: 'PR6002',
    name: 'window-not-yet-open',
    severity: 'error',
    title: { 'zh-TW': '作業期程尚未開始', en: 'Window not yet open' },
    message: (p: {
      activity: string;
      at: string;
      opens: string;
      closes: string;
      source?: Source;
      studentId?: string;
    }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」自 ${p.opens} 起開放 (至 ${p.closes})${cite(p.source)}；${p.at} 尚未開始`,
      en: `${nameIn(ACTIVITY_NAMES, p.activity, 'en')} opens on ${p.opens} (until ${p.closes})${cite(p.source)}; on ${p.at} it is not open yet`,
    }),
  }),
  closed: defineCode({
    code: 'PR6003',
    name: 'window-closed',
    severity: 'error',
    title: { 'zh-TW': '作業期程已截止', en: 'Window closed' },
    message: (p: {
      activity: string;
      at: string;
      opens?: string;
      closes: string;
      source?: Source;
      studentId?: string;
    }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程為 ${span(p.opens, p.closes)}${cite(p.source)}；${p.at} 已截止`,
      en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window was ${span(p.opens, p.closes)}${cite(p.source)}; on ${p.at} it is closed`,
    }),
  }),
  closingSoon: defineCode({
    code: 'PR6004',
    name: 'window-closing-soon',
    severity: 'warning',
    title: { 'zh-TW': '作業期程即將截止', en: 'Window closing soon' },
    message: (p: { activity: string; at: string; closes: string; daysLeft: number; source?: Source }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」將於 ${p.closes} 截止，含今日還剩 ${p.daysLeft} 天${cite(p.source)}`,
      en: `${nameIn(ACTIVITY_NAMES, p.activity, 'en')} closes on ${p.closes}: ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'} left, today included${cite(p.source)}`,
    }),
  }),
  noWindow: defineCode({
    code: 'PR6005',
    name: 'no-window',
    severity: 'info',
    title: { 'zh-TW': '未訂作業期程', en: 'No window set' },
    message: (p: { activity: string; term: string; grade: number }) => ({
      'zh-TW': `規定未訂 ${p.term} 學期 ${p.grade} 年級的「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」期程，不受期程限制`,
      en: `the rules set no ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window for term ${p.term}, grade ${p.grade}: it is not limited in time`,
    }),
  }),
  closesBeforeOpens: defineCode({
    code: 'PR6006',
    name: 'window-closes-before-opens',
    severity: 'error',
    title: { 'zh-TW': '期程截止日早於開始日', en: 'Window closes before it opens' },
    message: (p: { activity: string; opens: string; closes: string; term: string; source?: Source }) => ({
      'zh-TW': `${p.term} 學期「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程自 ${p.opens} 開始卻於 ${p.closes} 截止${cite(p.source)}`,
      en: `in term ${p.term} the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window opens on ${p.opens} but closes on ${p.closes}${cite(p.source)}`,
    }),
  }),
  invalidMonthDay: defineCode({
    code: 'PR6007',
    name: 'invalid-month-day',
    severity: 'error',
    title: { 'zh-TW': '月日不存在', en: 'No such month-day' },
    message: (p: { monthDay: string; activity: string }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」期程的月日「${p.monthDay}」在該學期中不存在`,
      en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window's month-day \`${p.monthDay}\` does not occur in the term`,
    }),
  }),
  wrongCalendar: defineCode({
    code: 'PR6008',
    name: 'calendar-term-missing',
    severity: 'error',
    title: { 'zh-TW': '行事曆沒有該學期', en: 'Calendar lacks the term' },
    message: (p: { term: string; academicYear: number }) => ({
      'zh-TW': `行事曆為 ${p.academicYear} 學年度，沒有 ${p.term} 學期`,
      en: `the calendar is for academic year ${p.academicYear} and has no term ${p.term}`,
    }),
  }),
  dateOutsideYear: defineCode({
    code: 'PR6009',
    name: 'window-date-outside-year',
    severity: 'warning',
    title: { 'zh-TW': '期程日期不在該資料學期之期間', en: 'Window date outside the data term' },
    message: (p: {
      activity: string;
      date: string;
      term: string;
      academicYear: number;
      first: string;
      last: string;
    }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程寫定日期 ${p.date}，不在 ${p.term} 學期資料之作業期間 (${p.first}–${p.last}) 內；寫定日期的期程請以 terms: 註明其資料學期`,
      en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window gives the date ${p.date}, outside the span of term ${p.term}'s data (${p.first} to ${p.last}); give a window with fixed dates the data terms it serves with terms:`,
    }),
  }),
  closesTooEarly: defineCode({
    code: 'PR6010',
    name: 'window-closes-too-early',
    severity: 'error',
    title: { 'zh-TW': '期程截止早於全國規定', en: 'Window closes before the national minimum' },
    message: (p: {
      activity: string;
      /** The date it closes on, with a calendar; without one, the pack's rule. */
      closes: DateRule;
      /** The earliest date the national rules allow, with a calendar. */
      earliest?: string;
      anchor: Anchor;
      weeks: number;
      term?: string;
      grades: readonly number[];
      nationalSource: Source;
      source?: Source;
    }) => {
      const national = (language: Language) =>
        `${describeRule({ anchor: p.anchor, weeks: p.weeks }, language)}${p.earliest ? ` (${p.earliest})` : ''}`;
      return {
        'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」於${when(p.closes, 'zh-TW')}截止${cite(p.source)}，早於全國規定之${national('zh-TW')}${cite(p.nationalSource)}；適用 ${p.grades.join('、')} 年級`,
        en: `${nameIn(ACTIVITY_NAMES, p.activity, 'en')} closes ${closesEn(p.closes)}${cite(p.source)}; the national rules require it to close no earlier than ${national('en')}${cite(p.nationalSource)}; grades ${p.grades.join(', ')}`,
      };
    },
  }),
  tooShort: defineCode({
    code: 'PR6011',
    name: 'window-too-short',
    severity: 'error',
    title: { 'zh-TW': '期程天數不足', en: 'Window too short' },
    message: (p: {
      activity: string;
      days: number | string;
      required: number;
      term?: string;
      nationalSource?: Source;
      source?: Source;
    }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程僅 ${p.days} 天${cite(p.source)}，至少應有 ${p.required} 天${cite(p.nationalSource)}`,
      en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window lasts ${p.days} day${p.days === 1 ? '' : 's'}${cite(p.source)}; it must last at least ${p.required}${cite(p.nationalSource)}`,
    }),
  }),
  afterNationalDeadline: defineCode({
    code: 'PR6012',
    name: 'window-after-national-deadline',
    severity: 'error',
    title: { 'zh-TW': '期程晚於全國截止日', en: 'Window closes after the national deadline' },
    message: (p: {
      activity: string;
      /** The date it closes on, with a calendar; without one, the pack's rule. */
      closes: DateRule;
      /** The national deadline's date, with a calendar. */
      deadline?: string;
      anchor: string;
      term?: string;
      nationalSource: Source;
      source?: Source;
    }) => {
      const deadline = p.deadline ? ` (${p.deadline})` : '';
      return {
        'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」於${when(p.closes, 'zh-TW')}截止${cite(p.source)}，全國規定須於${nameIn(ANCHOR_NAMES, p.anchor, 'zh-TW')}${deadline}前截止${cite(p.nationalSource)}`,
        en: `${nameIn(ACTIVITY_NAMES, p.activity, 'en')} closes ${closesEn(p.closes)}${cite(p.source)}; the national rules require it to close by ${nameIn(ANCHOR_NAMES, p.anchor, 'en')}${deadline}${cite(p.nationalSource)}`,
      };
    },
  }),
  neverApplies: defineCode({
    code: 'PR6013',
    name: 'window-never-applies',
    severity: 'warning',
    title: { 'zh-TW': '期程不適用於任何學期', en: 'Window never applies' },
    message: (p: { activity: string; terms: readonly string[]; semesters: readonly number[]; source?: Source }) => ({
      'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程${cite(p.source)}列出資料學期 ${p.terms.join('、')}，但限於第 ${p.semesters.join('、')} 學期，沒有任何學期適用`,
      en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window${cite(p.source)} lists the data terms ${p.terms.join(', ')} but only semesters ${p.semesters.join(', ')}: it applies to no term`,
    }),
  }),
  breaksBound: defineCode({
    code: 'PR6014',
    name: 'window-breaks-bound',
    severity: 'error',
    title: { 'zh-TW': '期程不符期程原則', en: 'Window breaks a bound on it' },
    message: (p: {
      activity: string;
      grades: readonly number[];
      term?: string;
      requirement: 'closesAfter' | 'minDays';
      /** The date the window closes on, with a calendar; without one, the pack's rule. */
      closes?: DateRule;
      /** The date it must close after, with a calendar; without one, the bound's rule. */
      after?: DateRule;
      days?: number | string;
      minDays?: number;
      boundSource?: Source;
      source?: Source;
    }) => {
      const where = `${p.term ? `${p.term} ` : ''}${p.grades.join('、')} 年級`;
      const whereEn = `${p.term ? `${p.term}, ` : ''}grades ${p.grades.join(', ')}`;
      return p.requirement === 'closesAfter'
        ? {
            'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程 (${where}) 於${when(p.closes ?? '…', 'zh-TW')}截止${cite(p.source)}，期程原則要求截止日晚於${when(p.after ?? '…', 'zh-TW').trimEnd()}${cite(p.boundSource)}`,
            en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window (${whereEn}) closes ${closesEn(p.closes ?? '…')}${cite(p.source)}; it must close later than ${when(p.after ?? '…', 'en')}${cite(p.boundSource)}`,
          }
        : {
            'zh-TW': `「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」的期程 (${where}) 僅 ${p.days} 天${cite(p.source)}，期程原則要求至少 ${p.minDays} 天${cite(p.boundSource)}`,
            en: `the ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window (${whereEn}) lasts ${p.days} day${p.days === 1 ? '' : 's'}${cite(p.source)}; it must last at least ${p.minDays}${cite(p.boundSource)}`,
          };
    },
  }),
  boundWithoutWindow: defineCode({
    code: 'PR6015',
    name: 'bound-without-window',
    severity: 'warning',
    title: { 'zh-TW': '期程原則所要求之期程未訂', en: 'No window where a bound asks for one' },
    message: (p: {
      activity: string;
      grades: readonly number[];
      terms?: readonly string[];
      /** The date or rule the window must close after. */
      closesAfter?: DateRule;
      minDays?: number;
      boundSource?: Source;
    }) => {
      const terms = p.terms ? `${p.terms.join('、')} ` : '';
      const termsEn = p.terms ? ` for ${p.terms.join(', ')}` : '';
      const asks = [
        p.closesAfter && `截止日晚於${when(p.closesAfter, 'zh-TW').trimEnd()}`,
        p.minDays && `至少 ${p.minDays} 天`,
      ].filter(Boolean);
      const asksEn = [
        p.closesAfter && `closing after ${when(p.closesAfter, 'en')}`,
        p.minDays && `lasting at least ${p.minDays} days`,
      ].filter(Boolean);
      return {
        'zh-TW': `期程原則${cite(p.boundSource)}要求學校訂定 ${terms}${p.grades.join('、')} 年級之「${nameIn(ACTIVITY_NAMES, p.activity, 'zh-TW')}」期程 (${asks.join('、')})，本規定未訂`,
        en: `a ${nameIn(ACTIVITY_NAMES, p.activity, 'en')} window${termsEn} (grades ${p.grades.join(', ')}) ${asksEn.join(' and ')} is left to the school${cite(p.boundSource)}, and the pack sets none`,
      };
    },
  }),
} as const;
