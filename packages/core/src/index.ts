export { academicYearOfDate, compareTerms, formatTerm, isDateInTerm, nextTerm, parseTerm, previousTerm, termEnd, termOfDate, termStart, type Term, type TermCode } from './term';
export { addCalendarDays, daysBetween, isPlainDate, toPlainDate, type PlainDate } from './_lib/date';
export { suggest } from './_lib/suggest';
export { CATALOGUE, createFinding, defineCode, formatSource, hasErrors, type CodeSpec, type Decision, type Finding, type FindingContext, type Language, type Localized, type Position, type RelatedSource, type Severity, type Source } from './findings';
export { resolveSource, type SourceRef } from './sources';
export {
  ADMISSIONS_CODES,
  DIVERSE_PERFORMANCE_CATEGORIES,
  DIVERSE_PERFORMANCE_CATEGORY_NAMES,
  ENTRY_SOURCES,
  RECEIPT_CATEGORIES,
  RECORD_KIND_NAMES,
  RECORD_KINDS,
  type DiversePerformanceCategory,
  type EntrySource,
  type ReceiptCategory,
  type RecordKind,
  type StudentKind,
} from './records';
export { CERTIFICATION_STATES, STUDENT_STATUSES, type CertificationState, type CourseOutcome, type DiversePerformance, type FileRef, type PortfolioItem, type Student, type StudentStatus } from './records/items';
export { fillsLink, type Actor } from './roles/actor';
export { COMMON_UNITS, DIVISIONS, type Division, type Unit, type Units } from './units';
export { PERMISSIONS, ROLE_NAMES, ROLES, type Permission, type Role } from './roles';
export { DUTIES, DUTY_NAMES, type Deputy, type Duties, type Duty, type DutyAssignment } from './duties';
export { actingFor, assignmentFor, chainOf, DEPUTY_CODES, deputyName, type ActingFor, type ActingForOptions, type ResolvedAssignment } from './deputies';
export { checkDuties, LAST_RESORT_LIMIT, OWNERSHIP_CODES, ownerOf, type CheckDutiesOptions, type Ownership } from './ownership';
export { can, checkPermissionRules, effectiveMatrix, inScope, NATIONAL_MATRIX, nationalGrant, PERMISSION_CODES, SCOPES, WITHIN, type Grant, type Matrix, type PermissionContext, type Permissions, type Resource, type Scope } from './permissions';
export { CAP_CODES, checkCaps, checkFiles, checkUpload, countsTowards, DEFAULT_EXEMPT, limitsFor, PERIODS, periodOf, type Cap, type CapAction, type CapLimit, type Caps, type Files, type KindCaps, type Period, type UploadRequest } from './caps';
export { ACTIVITIES, ANCHORS, checkWindows, CLOSING_SOON_DAYS, isOpen, NATIONAL_WINDOW_MINIMUMS, resolveDateRule, resolveWindows, selectWindow, WINDOW_CODES, type Activity, type Anchor, type DateRule, type Grade, type ResolvedWindow, type Window, type WindowMinimum, type WindowQuestion, type WindowResolution } from './windows';
export { addWorkingDays, anchorsFor, CALENDAR_CODES, CALENDAR_LIMITS, calendarJsonSchema, dataTermSpan, indexWorkingDays, isWorkingDay, parseCalendar, termOfEntry, type AnchorDates, type CalendarTerm, type ParsedCalendar, type SchoolCalendar, type WorkingDayIndex } from './calendar';
export { checkReceiptPeriod, confirmationMinimums, finalSubmit, leaverNotices, RECEIPT_CODES, RECEIPT_STATES, receiptTransition, type FinalDecision, type FinalRequest, type FinalSubmission, type LeaverNotice, type Receipt, type ReceiptContext, type ReceiptEvent, type ReceiptResult, type Receipts, type ReceiptState } from './receipts';
export { checkRetention, RETENTION_CODES, retentionOf, type Retention, type RetentionCheck, type RetentionPlan } from './retention';
export { AUDIENCES, checkGovernance, checkGovernanceRules, GOVERNANCE_CODES, TRAINING_KINDS, type Audience, type Governance, type GovernanceEvidence, type GovernancePeriod, type TrainingKind } from './governance';
export { ENROLMENT_CHANGE_NAMES, ENROLMENT_CHANGES, ENROLMENT_DEFAULT_SOURCE, ENROLMENT_DEFAULTS, enrolmentEffect, pendingFates, type EffectAspect, type Enrolment, type EnrolmentChange, type EnrolmentEffect, type EnrolmentRule, type PendingFate } from './enrolment';
export { ALLOWED_OPERATORS, checkExpression, dayNumber, evaluateRules, EXPRESSION_CODES, EXPRESSION_LIMITS, FACT_PATHS, studentFacts, studentTermFacts, unknownFacts, type CourseOutcomeCounts, type CustomRule, type DiversePerformanceCounts, type ExpressionProblem, type Facts, type FactValues } from './expressions';
export { loadPack, PACK_CODES, PACK_LIMITS, packJsonSchema, validatePack, type LoadedPack, type LoadOptions, type Pack, type Validation } from './pack';
export { NATIONAL_VERSIONS, nationalVersionFor, type NationalBound, type NationalVersion } from './national';
export { effectiveFor, LAYERING_CODES, mergeLayers, provenanceOf, resolvePack, rulesFor, valueAtPath, type EffectivePack, type Layer, type PackInput, type Provenance, type Resolution, type ResolveOptions } from './layering';
export { CERTIFICATION_CODES, checkCertifier, transition, type CertificationEvent, type CertificationEventType, type CertifierContext, type RecordedEvent, type TransitionContext, type TransitionResult } from './certification';
export { checkSelection, deselectItem, selectItem, type SelectDecision, type SelectRequest } from './selection';
export { checkLock, checkSubmittingUnit, lockingSubmission, SUBMISSION_CODES, SUBMISSION_DUTIES, submitRoster, type SubmitDecision, type SubmitRequest, type Submission, type UnitOptions } from './submission';
export { createEngine, explain, type DateSpan, type Engine, type Explainable, type Explained, type Step, type StepOutcome } from './engine';
export {
  CERTIFICATION_EVENTS,
  columnsOf,
  createCsvSplitter,
  createCsvTable,
  createIntake,
  CSV_FILE_NAMES,
  DATASET_CODES,
  parseRecord,
  parseRecordValue,
  RECEIPT_STATUSES,
  RECORD_TYPE_NAMES,
  RECORD_TYPES,
  recordTypeForCsvFile,
  recordTypeSpec,
  SUBMISSION_CATEGORIES,
  SUBMISSION_STAGES,
  type CadreRecord,
  type CertificationEventRecord,
  type Column,
  type ColumnKind,
  type ConsultationRecord,
  type CourseOutcomeRecord,
  type CourseRecordRecord,
  type CsvRow,
  type CsvSplitter,
  type CsvTable,
  type DatasetRecord,
  type DeletionRecord,
  type DiversePerformanceRecord,
  type EnrolmentChangeRecord,
  type Intake,
  type IntakeOptions,
  type IntakeSummary,
  type MeetingRecord,
  type ParseOptions,
  type ParseResult,
  type ReceiptRecord,
  type RecordType,
  type RecordTypeSpec,
  type Rejection,
  type StudentRecord,
  type SubmissionRecord,
  type TrainingRecord,
} from './dataset';
export { type AuditResult, type AuditStatistics, type GroupStatistics } from './audit/types';
export { AUDIT_CODES, createAudit, mergeAudits, sortFindings, type Audit, type AuditOptions } from './audit';
