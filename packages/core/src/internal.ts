/**
 * `@portfolio-rules/core/internal`: the public API and the building blocks behind it — each rule's
 * own checks, the finding codes by folder, the CSV reader, the layer merge — for the CLI and this
 * repository's tests. Nothing here is covered by semver: names and signatures change in any release.
 * Vendors: use `@portfolio-rules/core`.
 */
export * from './index';
export { suggest } from './_lib/suggest';
export { jsonOf } from './_lib/json';
export { unreachable } from './_lib/unreachable';
export { academicYearWords, dateWords, monthDayWords, termWords } from './term';
export { createFinding, defineCode, type FindingContext } from './findings';
export { resolveSource } from './sources';
export { fillsLink } from './roles/actor';
export { assignmentFor, chainOf, DEPUTY_CODES, deputyName, type ResolvedAssignment } from './deputies';
export { LAST_RESORT_LIMIT, OWNERSHIP_CODES } from './ownership';
export { effectiveMatrix, inScope, NATIONAL_MATRIX, nationalGrant, PERMISSION_CODES, WITHIN } from './permissions';
export {
  CAP_CODES,
  checkCaps,
  checkFiles,
  checkUpload,
  countsTowards,
  DEFAULT_EXEMPT,
  limitsFor,
  periodOf,
  capRoom,
  capVerdict,
  type CapVerdict,
  type CountedItem,
} from './caps';
export {
  CLOSING_SOON_DAYS,
  NATIONAL_WINDOW_MINIMUMS,
  resolveDateRule,
  WINDOW_CODES,
  type WindowMinimum,
} from './windows';
export { CALENDAR_CODES, termOfEntry } from './calendar';
export {
  checkReceiptPeriod,
  confirmationMinimums,
  finalSubmit,
  leaverNotices,
  RECEIPT_CODES,
  receiptTransition,
} from './receipts';
export { RETENTION_CODES } from './retention';
export { GOVERNANCE_CODES } from './governance';
export { ENROLMENT_DEFAULT_SOURCE, ENROLMENT_DEFAULTS } from './enrolment';
export {
  ALLOWED_OPERATORS,
  checkExpression,
  EXPRESSION_CODES,
  EXPRESSION_LIMITS,
  unknownFacts,
  type ExpressionProblem,
} from './expressions';
export { PACK_CODES, PACK_OMISSIONS } from './pack';
export { CLAUSE_CODES, DEFAULT_NUMBERING, printedNumber } from './clauses';
export { LAYERING_CODES, mergeLayers, provenanceOf, valueAtPath, type Layer } from './layering';
export { CERTIFICATION_CODES, checkCertifier, transition } from './certification';
export { checkSelection, deselectItem, selectItem, standingVerdict, type StandingVerdict } from './selection';
export {
  checkLock,
  checkSubmittingUnit,
  lockingSubmission,
  latestRound,
  SUBMISSION_CODES,
  SUBMISSION_DUTIES,
  submitRoster,
} from './submission';
export { LOCK_POLICIES } from './submission/schema';
export {
  columnsOf,
  createCsvRowReader,
  createCsvSplitter,
  createCsvTable,
  CSV_ROW_LINES,
  DATASET_CODES,
  DATASET_DAYS,
  HIDDEN_IN_ID,
  isWithinDays,
  parseRecordValue,
  recordTypeForCsvFile,
  recordTypeSpec,
  type Column,
  type ColumnKind,
  type BrokenRow,
  type CsvRow,
  type CsvRowReader,
  type CsvSplitter,
  type CsvTable,
  type RecordTypeSpec,
} from './dataset';
export { AUDIT_CODES } from './audit';
