/**
 * The record kinds of 要點 3. The first five reach the central database;
 * consultation records and study plans are kept by the school only.
 */
export const RECORD_KINDS = [
  'basicData',
  'cadre',
  'courseRecord',
  'courseOutcome',
  'diversePerformance',
  'consultation',
  'studyPlan',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The kinds a student uploads and selects (勾選). */
export const STUDENT_KINDS = ['courseOutcome', 'diversePerformance'] as const;
export type StudentKind = (typeof STUDENT_KINDS)[number];

/** The four receipt (收訖明細) categories of seed 004. */
export const RECEIPT_CATEGORIES = ['cadre', 'courseRecord', 'courseOutcome', 'diversePerformance'] as const;
export type ReceiptCategory = (typeof RECEIPT_CATEGORIES)[number];

/** A senior-high student's grade (年級), 1 to 3: of a student, and of the students a window applies to. */
export type Grade = 1 | 2 | 3;

/** Who put a record on the platform. School-entered records do not count against a student's own caps (seed 002, 4-1, 4-4). */
export const ENTRY_SOURCES = ['student', 'schoolEntered', 'bulkImport'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** The kinds of file a portfolio item may carry. */
export const FILE_TYPES = ['pdf', 'jpg', 'png', 'mp3', 'mp4'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** The eight diverse-performance categories of the platform manual (seed 002). */
export const DIVERSE_PERFORMANCE_CATEGORIES = [
  'cadre',
  'competition',
  'certificate',
  'volunteer',
  'flexibleLearning',
  'workplaceLearning',
  'works',
  'otherActivity',
] as const;
export type DiversePerformanceCategory = (typeof DIVERSE_PERFORMANCE_CATEGORIES)[number];

export const DIVERSE_PERFORMANCE_CATEGORY_NAMES: Readonly<Record<DiversePerformanceCategory, string>> = {
  cadre: '幹部經歷',
  competition: '競賽參與',
  certificate: '檢定證照',
  volunteer: '志工服務',
  flexibleLearning: '彈性學習',
  workplaceLearning: '職場學習',
  works: '作品成果',
  otherActivity: '其他活動',
};

/**
 * Technical-college review codes (informational; docs/sources.md). `otherActivity` has no single
 * counterpart: clubs (C-2) and special merits (C-8) both fall under it (uncertain).
 */
export const ADMISSIONS_CODES: Readonly<Record<DiversePerformanceCategory, readonly string[]>> = {
  cadre: ['C-3'],
  competition: ['C-5'],
  certificate: ['C-7'],
  volunteer: ['C-4'],
  flexibleLearning: ['C-1'],
  workplaceLearning: ['C-6'],
  works: ['C-6'],
  otherActivity: ['C-2', 'C-8'],
};

export const RECORD_KIND_NAMES: Readonly<Record<RecordKind, string>> = {
  basicData: '基本資料',
  cadre: '幹部紀錄',
  courseRecord: '修課紀錄',
  courseOutcome: '課程學習成果',
  diversePerformance: '多元表現',
  consultation: '課程諮詢紀錄',
  studyPlan: '自傳/學習計畫',
};
