import * as z from 'zod';
import { type Grade } from '../records';
import { GradeSchema } from '../records/schema';
import { SourceRefSchema } from '../sources/schema';
import { TermInputSchema } from '../term/schema';

/** What a window opens and closes (seeds 000 flow table and 004 timetable; docs/reference/windows.md). */
export const ACTIVITIES = [
  'basicDataEntry',
  'cadreEntry',
  'gradeEntry',
  'consultationEntry',
  'courseOutcomeUpload',
  'courseOutcomeCertification',
  'courseOutcomeSelection',
  'diversePerformanceUpload',
  'diversePerformanceSelection',
  'precheck',
  'submission',
  'receiptConfirmation',
  'disputeResolution',
  'finalSubmission',
] as const;
export const ActivitySchema = z.enum(ACTIVITIES).describe('作業項目 / activity');
export type Activity = z.infer<typeof ActivitySchema>;

/**
 * Calendar anchors a school calendar gives dates for, per data term: the term's own dates (termStart …
 * makeUpExam) and the national dates for that term's data (the pre-check, submission and upload
 * deadline of 11201's data fall in 11202; grade 3's 11202 data in its April cycle).
 */
export const ANCHORS = [
  'termStart',
  'termEnd',
  'classesStart',
  'closingCeremony',
  'makeUpExam',
  'nationalPrecheckOpens',
  'nationalPrecheckCloses',
  'nationalSubmissionOpens',
  'nationalSubmissionCloses',
  'nationalUploadDeadline',
] as const;
export const AnchorSchema = z
  .enum(ANCHORS)
  .describe(
    '行事曆基準日 / calendar anchor: termStart 學期起始日 (8月1日、2月1日，不是開學日), termEnd 學期結束日 (1月31日、7月31日), classesStart 開學日 (「開學後…」「開學日起…」用這個), closingCeremony 休業式, makeUpExam 補考, nationalPrecheckOpens/Closes 全國預檢, nationalSubmissionOpens/Closes 全國提交, nationalUploadDeadline 全國上傳截止',
  );
export type Anchor = z.infer<typeof AnchorSchema>;

const IsoDateSchema = z.iso.date().describe('日期 / a date, YYYY-MM-DD');

/**
 * A date rule: an absolute date, or an anchor moved by days, weeks or working days
 * (negative = before), or a month-day: `{ monthDay: 09-10 }` is the first 10 September on or after
 * the data term starts; `{ monthDay: 09-10, from: termEnd }` the first one on or after the term ends
 * (a semester-1 deadline of "next 10 September").
 */
export const DateRuleSchema = z.union([
  IsoDateSchema,
  z
    .strictObject({
      anchor: AnchorSchema,
      days: z.int().optional().describe('日數 (負數為之前) / calendar days, negative = before'),
      weeks: z.int().optional().describe('週數 (負數為之前) / weeks, negative = before'),
      workingDays: z.int().optional().describe('工作日數 / working days, negative = before'),
    })
    .describe('以行事曆基準日推算 / relative to a calendar anchor'),
  z
    .strictObject({
      monthDay: z
        .string()
        .regex(/^\d{2}-\d{2}$/, 'monthDay')
        .describe('月-日 / the month and day, MM-DD'),
      from: AnchorSchema.optional().describe(
        '自哪個基準日起算 (預設 termStart 學期起始日) / the anchor to count from (default termStart): { monthDay: 09-10, from: termEnd } 是學期結束後的第一個 9月10日 (第1學期資料的「次年 9月10日前」)',
      ),
    })
    .describe(
      '月日：自學期起始日 (或 from 基準日) 起的第一個該月日 / a month and day: the first on or after the term starts (or the from anchor)',
    ),
]);
export type DateRule = z.infer<typeof DateRuleSchema>;

export { GradeSchema, type Grade };

/**
 * A window for the data of a term: `terms` (optional) names the data terms it serves, as a window
 * with fixed dates must; `semesters` and `grades` narrow it further.
 */
export const WindowSchema = z
  .strictObject({
    activity: ActivitySchema,
    semesters: z
      .array(z.union([z.literal(1), z.literal(2)]))
      .min(1)
      .optional()
      .describe('適用學期 / semesters it applies to (default both)'),
    grades: z.array(GradeSchema).min(1).optional().describe('適用年級 / grades it applies to (default all)'),
    terms: z
      .array(TermInputSchema)
      .min(1)
      .optional()
      .describe(
        '適用資料學期 / the data terms it applies to, e.g. [11102] for fixed dates in October 2023 (default every term)',
      ),
    opens: DateRuleSchema.optional().describe('開始 / opens'),
    closes: DateRuleSchema.describe('截止 / closes (inclusive)'),
    minDays: z.int().positive().optional().describe('至少開放日數 / open at least this many days'),
    source: SourceRefSchema.optional(),
  })
  .describe('作業期程 / a window');
export type Window = z.infer<typeof WindowSchema>;

export const WindowsSchema = z.array(WindowSchema).describe('作業期程 / windows');

/**
 * A bound on the window a layer above sets, for a rule that leaves the dates to each school: a
 * regional timetable's 「上傳截止日期為4月1日後…由學校自行審酌」 is `closesAfter: 2024-04-01`, its
 * 「至少保留3日作為高三學生勾選」 is `minDays: 3`. Every layer's bounds hold; an upper layer adds its
 * own and never removes one.
 */
export const WindowBoundSchema = z
  .strictObject({
    activity: ActivitySchema,
    semesters: WindowSchema.shape.semesters,
    grades: WindowSchema.shape.grades,
    terms: WindowSchema.shape.terms,
    closesAfter: DateRuleSchema.optional().describe('截止日須晚於 / the window must close later than this date'),
    minDays: z.int().positive().optional().describe('至少開放日數 / the window must be open at least this many days'),
    source: SourceRefSchema.optional(),
  })
  .describe('期程原則 / what the window a school sets must satisfy');
export type WindowBound = z.infer<typeof WindowBoundSchema>;

export const WindowBoundsSchema = z
  .array(WindowBoundSchema)
  .describe('期程原則 / bounds on the windows a school sets (the dates left to it)');
