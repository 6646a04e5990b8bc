export { DATASET_CODES } from './codes';
export { DATASET_DAYS, HIDDEN_IN_ID, isWithinDays } from './fields';
export { createCsvTable, type CsvTable } from './csv';
export { createIntake, type Intake, type IntakeOptions, type IntakeSummary, type Rejection } from './intake';
export { parseRecord, parseRecordValue, type DatasetRecord, type ParseOptions, type ParseResult } from './parse';
export {
  columnsOf,
  CSV_FILE_NAMES,
  RECORD_TYPE_NAMES,
  RECORD_TYPES,
  recordTypeForCsvFile,
  recordTypeSpec,
  type Column,
  type ColumnKind,
  type RecordType,
  type RecordTypeSpec,
} from './registry';
export {
  CERTIFICATION_EVENTS,
  RECEIPT_STATUSES,
  SUBMISSION_CATEGORIES,
  SUBMISSION_STAGES,
  type CadreRecord,
  type CertificationEventRecord,
  type ConsultationRecord,
  type CourseRecordRecord,
  type DeletionRecord,
  type EnrolmentChangeRecord,
  type MeetingRecord,
  type ReceiptRecord,
  type SubmissionRecord,
  type TrainingRecord,
} from './school-records';
export type { CourseOutcomeRecord, DiversePerformanceRecord, StudentRecord } from './student-records';
export {
  createCsvRowReader,
  createCsvSplitter,
  CSV_ROW_LINES,
  type BrokenRow,
  type CsvRow,
  type CsvRowReader,
  type CsvSplitter,
} from '../_lib/csv';
