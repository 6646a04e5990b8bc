import type { SourceRef } from '../sources';
import type { Division } from '../units';

/** The duties of 馬公 九(三), the table every pack's ownership is checked against. */
export const DUTIES = [
  'platformAdministration',
  'basicData',
  'courseRecordSubmission',
  'receiptConfirmation',
  'courseOutcomeSubmission',
  'diversePerformanceSubmission',
  'cadreSubmission',
  'courseOutcomeCertification',
] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_NAMES: Readonly<Record<Duty, string>> = {
  platformAdministration: '學習歷程平臺管理',
  basicData: '基本資料',
  courseRecordSubmission: '修課紀錄提交',
  receiptConfirmation: '收訖明細確認',
  courseOutcomeSubmission: '課程學習成果提交',
  diversePerformanceSubmission: '多元表現提交',
  cadreSubmission: '幹部經歷登錄及提交',
  courseOutcomeCertification: '課程學習成果認證',
};

/**
 * One link of a deputy chain: a unit or role identifier (`registration`, `departmentTeacher`),
 * or a person the head of a unit designates (`{ designatedBy: registration }`, 新竹 十一(三)).
 */
export type Deputy = string | { designatedBy: string };

/** Who owns a duty and who deputises (業務分工及代理), as a pack writes it. */
export interface DutyAssignment {
  /** The owning unit or role. */
  owner?: string | undefined;
  /** Deputies in order: 第一代理人, 第二代理人 … */
  deputies?: Deputy[] | undefined;
  /** Owners for a division's own students, e.g. 進修部. */
  byDivision?:
    | Partial<Record<Division, { owner: string; deputies?: Deputy[] | undefined; source?: SourceRef | undefined }>>
    | undefined;
  source?: SourceRef | undefined;
}

/** Ownership and deputies, per duty. */
export type Duties = Partial<Record<Duty, DutyAssignment>>;
