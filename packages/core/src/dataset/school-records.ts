import * as z from 'zod';
import { ENROLMENT_CHANGES } from '../enrolment';
import { AUDIENCES, TRAINING_KINDS } from '../governance';
import { RECEIPT_CATEGORIES, RECORD_KINDS } from '../records';
import { DivisionSchema } from '../units/schema';
import { AcademicYearField, DateField, Id, SchoolField, TermField } from './fields';

/** `cadre` (幹部紀錄): a cadre position entered by the school; it never counts against a student's caps. */
export const CadreLineSchema = z.strictObject({
  type: z.literal('cadre'),
  id: Id,
  studentId: Id,
  term: TermField,
  position: z.string().min(1).describe('職稱 / the position, e.g. 班長'),
  level: z.enum(['school', 'class', 'club']).describe('層級 / school 校級, class 班級, club 社團'),
  enteredBy: Id.optional().describe('登錄單位 / the unit that entered it, e.g. studentLife'),
  enteredOn: DateField.optional(),
  school: SchoolField,
});

/** `courseRecord` (修課紀錄): a course taken and its grade, entered by the registration section. */
export const CourseRecordLineSchema = z.strictObject({
  type: z.literal('courseRecord'),
  studentId: Id,
  term: TermField,
  course: Id,
  credits: z.number().min(0).optional(),
  score: z.number().optional(),
  passed: z.boolean().optional(),
  enteredOn: DateField.optional(),
  school: SchoolField,
});

/** `consultation` (課程諮詢紀錄): kept by the school, never submitted to the central database. */
export const ConsultationLineSchema = z.strictObject({
  type: z.literal('consultation'),
  id: Id.optional(),
  studentId: Id,
  term: TermField,
  teacher: Id.describe('課程諮詢教師 / the consulting teacher'),
  date: DateField,
  place: z.string().optional(),
  topic: z.string().optional(),
  school: SchoolField,
});

export const CERTIFICATION_EVENTS = ['submit', 'certify', 'reject', 'revoke', 'reassign'] as const;

/** `certificationEvent` (認證紀錄): one step of a course outcome's certification, in any order in the file. */
export const CertificationEventLineSchema = z.strictObject({
  type: z.literal('certificationEvent'),
  itemId: Id.describe('課程學習成果代碼 / the course outcome'),
  studentId: Id,
  event: z
    .enum(CERTIFICATION_EVENTS)
    .describe('submit 送審, certify 認證成功, reject 認證失敗, revoke 撤銷認證, reassign 更換認證教師'),
  on: DateField,
  actor: Id.describe('執行者 / who did it'),
  reason: z.string().optional().describe('認證失敗原因 / required for reject'),
  to: Id.optional().describe('新認證教師 / for reassign: the new certifier'),
  school: SchoolField,
});

export const SUBMISSION_CATEGORIES = ['basicData', ...RECEIPT_CATEGORIES] as const;
export const SUBMISSION_STAGES = ['precheck', 'submit', 'final'] as const;

/** `submission` (提交): the school sends a category to the central database. */
export const SubmissionLineSchema = z.strictObject({
  type: z.literal('submission'),
  category: z.enum(SUBMISSION_CATEGORIES),
  term: TermField,
  stage: z.enum(SUBMISSION_STAGES).describe('precheck 預檢, submit 提交, final 最終提交'),
  on: DateField,
  unit: Id.describe('提交單位 / the submitting unit, e.g. registration'),
  by: Id.optional(),
  division: DivisionSchema.optional(),
  receiptOpens: DateField.optional().describe('收訖明細確認開始 / receipt confirmation opens'),
  receiptCloses: DateField.optional().describe('收訖明細確認截止 / receipt confirmation closes'),
  school: SchoolField,
});

export const RECEIPT_STATUSES = ['pending', 'confirmed', 'disputed'] as const;

/** `receipt` (收訖明細): a student's confirmation of what was submitted for them. */
export const ReceiptLineSchema = z.strictObject({
  type: z.literal('receipt'),
  studentId: Id,
  category: z.enum(RECEIPT_CATEGORIES),
  term: TermField,
  status: z.enum(RECEIPT_STATUSES).describe('pending 未確認, confirmed 確認無誤, disputed 有疑義'),
  confirmedOn: DateField.optional(),
  disputedOn: DateField.optional(),
  resolvedOn: DateField.optional().describe('疑義處理完成日 / the day the dispute was resolved'),
  channel: z
    .enum(['platform', 'paper', 'email'])
    .optional()
    .describe('確認方式 / how it was confirmed (students who left: paper or e-mail)'),
  round: z
    .int()
    .positive()
    .optional()
    .describe('提交輪次 / the submission round it came back from (1 = the first submission); absent: the latest'),
  school: SchoolField,
});

/** `meeting` (工作小組會議): governance evidence. */
export const MeetingLineSchema = z.strictObject({
  type: z.literal('meeting'),
  date: DateField,
  body: z.enum(['workingGroup', 'schoolCouncil']).default('workingGroup'),
  term: TermField.optional(),
  school: SchoolField,
});

/** `training` (研習及說明會): governance evidence. */
export const TrainingLineSchema = z.strictObject({
  type: z.literal('training'),
  date: DateField,
  audience: z.enum(AUDIENCES),
  kind: z.enum(TRAINING_KINDS).optional(),
  by: Id.optional().describe('辦理單位 / run by'),
  academicYear: AcademicYearField.optional(),
  school: SchoolField,
});

/** `enrolmentChange` (學籍異動): repeat, resume, transfer, borrowed study, suspension. */
export const EnrolmentChangeLineSchema = z.strictObject({
  type: z.literal('enrolmentChange'),
  studentId: Id,
  change: z.enum(ENROLMENT_CHANGES),
  on: DateField,
  fromSchool: Id.optional(),
  toSchool: Id.optional(),
  school: SchoolField,
});

/** `deletion` (刪除紀錄): the school deleted a student's records (retention: graduates stay sealed first). */
export const DeletionLineSchema = z.strictObject({
  type: z.literal('deletion'),
  studentId: Id,
  kind: z.enum(RECORD_KINDS).optional().describe('資料類別 / which records; all when absent'),
  deletedOn: DateField,
  by: Id.optional(),
  school: SchoolField,
});

export type CadreRecord = z.output<typeof CadreLineSchema>;
export type CourseRecordRecord = z.output<typeof CourseRecordLineSchema>;
export type ConsultationRecord = z.output<typeof ConsultationLineSchema>;
export type CertificationEventRecord = z.output<typeof CertificationEventLineSchema>;
export type SubmissionRecord = z.output<typeof SubmissionLineSchema>;
export type ReceiptRecord = z.output<typeof ReceiptLineSchema>;
export type MeetingRecord = z.output<typeof MeetingLineSchema>;
export type TrainingRecord = z.output<typeof TrainingLineSchema>;
export type EnrolmentChangeRecord = z.output<typeof EnrolmentChangeLineSchema>;
export type DeletionRecord = z.output<typeof DeletionLineSchema>;
