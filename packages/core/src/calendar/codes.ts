import { defineCode } from '../findings/define';

export const CALENDAR_CODES = {
  outsideYear: defineCode({
    code: 'PR6020',
    name: 'calendar-date-outside-year',
    severity: 'error',
    title: { 'zh-TW': '日期不在該學年度內', en: 'Date outside the academic year' },
    message: (p: { date: string; academicYear: number; first: string; last: string; term?: string }) => ({
      'zh-TW':
        p.term === undefined
          ? `日期 ${p.date} 不在 ${p.academicYear} 學年度 (${p.first}–${p.last}) 內`
          : `全國日期 ${p.date} 不在 ${p.term} 學期資料之作業期間 (${p.first}–${p.last}) 內`,
      en:
        p.term === undefined
          ? `${p.date} is outside academic year ${p.academicYear} (${p.first} to ${p.last})`
          : `the national date ${p.date} is outside the span of term ${p.term}'s data (${p.first} to ${p.last})`,
    }),
  }),
  duplicateSemester: defineCode({
    code: 'PR6021',
    name: 'calendar-duplicate-semester',
    severity: 'error',
    title: { 'zh-TW': '學期重複', en: 'Semester listed twice' },
    message: (p: { semester: number; term?: string }) =>
      p.term === undefined
        ? { 'zh-TW': `第 ${p.semester} 學期列了兩次`, en: `semester ${p.semester} is listed twice` }
        : { 'zh-TW': `${p.term} 學期列了兩次`, en: `term ${p.term} is listed twice` },
  }),
  outOfOrder: defineCode({
    code: 'PR6022',
    name: 'calendar-dates-out-of-order',
    severity: 'error',
    title: { 'zh-TW': '日期先後順序錯誤', en: 'Dates out of order' },
    message: (p: { earlier: string; earlierDate: string; later: string; laterDate: string }) => ({
      'zh-TW': `${p.earlier} (${p.earlierDate}) 應在 ${p.later} (${p.laterDate}) 之前或同日`,
      en: `${p.earlier} (${p.earlierDate}) must be on or before ${p.later} (${p.laterDate})`,
    }),
  }),
  dayOffAndWorkingDay: defineCode({
    code: 'PR6023',
    name: 'calendar-day-off-and-working-day',
    severity: 'error',
    title: { 'zh-TW': '同一天既是放假日又是補行上班日', en: 'A day is both a day off and a working day' },
    message: (p: { date: string }) => ({
      'zh-TW': `${p.date} 同時列為放假日與補行上班日`,
      en: `${p.date} is listed both as a day off and as a make-up working day`,
    }),
  }),
} as const;
