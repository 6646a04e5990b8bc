import type { Localized } from '@portfolio-rules/core';

/** Violations injected into one student's records (one per affected student). */
export const STUDENT_VIOLATIONS = [
  'courseOutcomeOverUpload',
  'diversePerformanceOverUpload',
  'courseOutcomeOverSelection',
  'diversePerformanceOverSelection',
  'selectedUncertified',
  'lateCertification',
  'overdueCertification',
  'rejectedWithoutReason',
  'unresolvedDispute',
] as const;

/** Every kind of injected violation, and the unit it is counted in. */
export const VIOLATION_KINDS = [
  ...STUDENT_VIOLATIONS,
  'deletionBeforeSealEnds',
  'missingMeeting',
  'shortReceiptPeriod',
  'wrongSubmittingUnit',
  'finalBeforeLatestRound',
] as const;

export type StudentViolation = (typeof STUDENT_VIOLATIONS)[number];
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export const VIOLATION_NAMES: Readonly<Record<ViolationKind, Localized>> = {
  courseOutcomeOverUpload: {
    'zh-TW': '課程學習成果上傳超過上限 (每名學生一個期間)',
    en: 'course outcomes uploaded over the cap (one student-period each)',
  },
  diversePerformanceOverUpload: {
    'zh-TW': '多元表現上傳超過上限',
    en: 'diverse performances uploaded over the cap (one student-period each)',
  },
  courseOutcomeOverSelection: {
    'zh-TW': '課程學習成果勾選超過上限',
    en: 'course outcomes selected over the cap (one student-period each)',
  },
  diversePerformanceOverSelection: {
    'zh-TW': '多元表現勾選超過上限',
    en: 'diverse performances selected over the cap (one student-period each)',
  },
  selectedUncertified: {
    'zh-TW': '勾選未認證成功之課程學習成果',
    en: 'a course outcome selected without being certified (one item each)',
  },
  lateCertification: {
    'zh-TW': '逾期認證',
    en: 'a certification after the window, before the final submission (one item each)',
  },
  overdueCertification: {
    'zh-TW': '送審後逾期未認證',
    en: 'an item sent for certification and never decided (one item each)',
  },
  rejectedWithoutReason: { 'zh-TW': '認證失敗未填原因', en: 'a rejection without a reason (one item each)' },
  unresolvedDispute: { 'zh-TW': '收訖明細疑義未處理', en: 'a receipt dispute never resolved (one receipt each)' },
  deletionBeforeSealEnds: {
    'zh-TW': '封存期滿前刪除畢業生資料',
    en: "a graduate's records deleted before the seal ends (one graduate each)",
  },
  missingMeeting: {
    'zh-TW': '該學期未召開工作小組會議',
    en: 'a semester without a working-group meeting (one school-term each)',
  },
  shortReceiptPeriod: {
    'zh-TW': '收訖明細確認期間過短',
    en: 'a receipt-confirmation period shorter than the minimum (one submission each)',
  },
  finalBeforeLatestRound: {
    'zh-TW': '更正重新提交後，未待新一輪收訖明細確認期間結束即完成最終提交',
    en: 'a final submission before the period of the latest round (a correction submitted again) ended (one category-term each)',
  },
  wrongSubmittingUnit: {
    'zh-TW': '非負責單位或代理人提交',
    en: 'a submission by a unit that neither owns the duty nor deputises (one submission each)',
  },
};

export type ViolationCounts = Record<ViolationKind, number>;

export function noViolations(): ViolationCounts {
  return Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, 0])) as ViolationCounts;
}
