import { defineCode } from '../findings/define';

export const RETENTION_CODES = {
  deletedTooEarly: defineCode({
    code: 'PR7500',
    name: 'deleted-too-early',
    severity: 'error',
    title: { 'zh-TW': '封存期滿前刪除', en: 'Deleted before the seal ended' },
    message: (p: {
      studentId: string;
      deletedOn: string;
      graduatedOn: string;
      sealYears: number;
      deletableFrom?: string;
    }) => ({
      'zh-TW': p.deletableFrom
        ? `學生 ${p.studentId} 於 ${p.graduatedOn} 畢業，資料應封存 ${p.sealYears} 年至 ${p.deletableFrom} 始得刪除，卻於 ${p.deletedOn} 刪除`
        : `學生 ${p.studentId} 的資料依規定應保留，不得刪除，卻於 ${p.deletedOn} 刪除`,
      en: p.deletableFrom
        ? `student ${p.studentId} graduated on ${p.graduatedOn}; records stay sealed ${p.sealYears} years and may be deleted from ${p.deletableFrom}, but were deleted on ${p.deletedOn}`
        : `student ${p.studentId}'s records must be kept, but were deleted on ${p.deletedOn}`,
    }),
  }),
  keptPastPeriod: defineCode({
    code: 'PR7501',
    name: 'kept-past-period',
    severity: 'error',
    title: { 'zh-TW': '封存期滿仍未刪除', en: 'Kept past the retention period' },
    message: (p: { studentId: string; graduatedOn: string; sealYears: number; deletableFrom: string; at: string }) => ({
      'zh-TW': `學生 ${p.studentId} 的資料封存期已於 ${p.deletableFrom} 屆滿，本校規定期滿應刪除，至 ${p.at} 仍未刪除`,
      en: `student ${p.studentId}'s seal ended on ${p.deletableFrom} and the pack says the records must then be deleted; on ${p.at} they are still kept`,
    }),
  }),
  noGraduationDate: defineCode({
    code: 'PR7502',
    name: 'no-graduation-date',
    severity: 'warning',
    title: { 'zh-TW': '畢業生缺少畢業日期', en: 'Graduate without a graduation date' },
    message: (p: { studentId: string }) => ({
      'zh-TW': `學生 ${p.studentId} 已畢業但未填畢業日期，無法計算封存期限`,
      en: `student ${p.studentId} has graduated but has no graduation date, so the seal cannot be computed`,
    }),
  }),
  deletedNotGraduated: defineCode({
    code: 'PR7503',
    name: 'deleted-not-graduated',
    severity: 'error',
    title: { 'zh-TW': '刪除未畢業學生的資料', en: "Deleted a non-graduate's records" },
    message: (p: { studentId: string; status: string; deletedOn: string }) => ({
      'zh-TW': `學生 ${p.studentId} 尚未畢業 (狀態 ${p.status})，其資料於 ${p.deletedOn} 被刪除；封存及刪除僅適用於畢業生`,
      en: `student ${p.studentId} has not graduated (status ${p.status}) but their records were deleted on ${p.deletedOn}; sealing and deletion apply to graduates only`,
    }),
  }),
} as const;
