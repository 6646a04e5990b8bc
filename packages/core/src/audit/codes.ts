import { cite, defineCode } from '../findings/define';
import type { Source } from '../findings/types';
import { ENROLMENT_CHANGE_NAMES, ENROLMENT_HANDLING_NAMES, wordsFor } from '../names';

/** Findings only a data audit makes: the rest reuse the codes of caps, certification, windows, receipts … */
export const AUDIT_CODES = {
  certificationOverdue: defineCode({
    code: 'PR7800',
    name: 'certification-overdue',
    severity: 'warning',
    title: { 'zh-TW': '逾期未認證', en: 'Certification overdue' },
    message: (p: {
      item: string;
      certifier: string;
      closes: string;
      asOf: string;
      daysOverdue: number;
      source?: Source;
      /** Whose item, so that a report can name the student. */
      studentId?: string;
    }) => ({
      'zh-TW': `課程學習成果 ${p.item} 仍待 ${p.certifier} 認證，認證期程已於 ${p.closes} 截止 (逾 ${p.daysOverdue} 日)${cite(p.source)}`,
      en: `course outcome ${p.item} still awaits certification by ${p.certifier}; the certification window closed on ${p.closes} (${p.daysOverdue} days ago)${cite(p.source)}`,
    }),
  }),
  deadlinesUnchecked: defineCode({
    code: 'PR7801',
    name: 'deadlines-unchecked',
    severity: 'info',
    title: { 'zh-TW': '未提供行事曆，未檢查認證期限', en: 'No calendar: certification deadlines not checked' },
    message: (p: { years: readonly number[] }) => ({
      'zh-TW': `未提供 ${p.years.join('、')} 學年度之行事曆 (--calendar)，無法推算認證期程，未檢查逾期認證`,
      en: `no calendar for academic year(s) ${p.years.join(', ')} (--calendar): certification windows cannot be resolved, so late and overdue certifications were not checked`,
    }),
  }),
  enrolmentChange: defineCode({
    code: 'PR7802',
    name: 'enrolment-change-effect',
    severity: 'info',
    title: { 'zh-TW': '學籍異動之影響', en: 'Effect of an enrolment change' },
    message: (p: {
      student: string;
      change: string;
      on: string;
      uncertified: number;
      pendingCertifications: string;
      submittingSchool: string;
      source?: Source;
    }) => {
      const change = wordsFor(ENROLMENT_CHANGE_NAMES, p.change);
      const pending = wordsFor(ENROLMENT_HANDLING_NAMES.pendingCertifications, p.pendingCertifications);
      const school = wordsFor(ENROLMENT_HANDLING_NAMES.submittingSchool, p.submittingSchool);
      return {
        'zh-TW': `學生 ${p.student} 於 ${p.on} 學籍異動 (${change['zh-TW']})：${p.uncertified} 件課程學習成果未認證，處理方式：${pending['zh-TW']}，提交學校：${school['zh-TW']}${cite(p.source)}`,
        en: `student ${p.student} had an enrolment change (${change.en}) on ${p.on}: ${p.uncertified} course outcome(s) not certified, handled as ${pending.en}; ${school.en} submits${cite(p.source)}`,
      };
    },
  }),
  unknownStudent: defineCode({
    code: 'PR7803',
    name: 'unknown-student',
    severity: 'warning',
    title: { 'zh-TW': '資料指向不存在之學生', en: 'Records of an unknown student' },
    message: (p: { student: string; records: number }) => ({
      'zh-TW': `有 ${p.records} 筆資料屬於學生 ${p.student}，但資料中沒有此學生的基本資料 (student)；其年級及班級統計從缺`,
      en: `${p.records} record(s) belong to student ${p.student}, but the data has no \`student\` line for them; grade and class statistics leave them out`,
    }),
  }),
  termsOutsidePack: defineCode({
    code: 'PR7804',
    name: 'terms-outside-pack',
    severity: 'info',
    title: { 'zh-TW': '資料含規定適用期間以外之學期', en: "Data from terms outside the pack's period" },
    message: (p: { terms: readonly string[]; from?: string; until?: string; applied: string }) => ({
      'zh-TW': `資料含學期 ${p.terms.join('、')}，不在本規定適用期間 ${p.from ?? '…'}–${p.until ?? '…'} 內；這些資料依其學期施行之全國規定，配合本規定之內容 (${p.applied}) 檢核`,
      en: `the data holds term(s) ${p.terms.join(', ')}, outside the pack's period ${p.from ?? '…'}–${p.until ?? '…'}; they were checked by the national rules in force in those terms, with this pack's own values (${p.applied})`,
    }),
  }),
} as const;
