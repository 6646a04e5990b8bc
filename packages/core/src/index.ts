// The public API of @portfolio-rules/core: what vendors and school tools code against, under semver
// (docs/semver.md). packages/core/api-report.md lists every name and signature, checked by a test.
// The building blocks behind it are in ./internal (the CLI's and the tests'), with no such promise.
export {
  academicYearOfDate,
  compareTerms,
  formatTerm,
  isDateInTerm,
  nextTerm,
  parseTerm,
  previousTerm,
  termEnd,
  termOfDate,
  termStart,
  type Term,
  type TermCode,
} from './term';
export { addCalendarDays, daysBetween, isPlainDate, toPlainDate, type PlainDate } from './_lib/date';
export {
  formatSource,
  hasErrors,
  type CodeSpec,
  type FindingBase,
  type Language,
  type Localized,
  type Position,
  type RelatedSource,
  type Severity,
  type Source,
} from './findings';
export { type SourceRef } from './sources';
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
  type FileType,
} from './records';
export {
  CERTIFICATION_STATES,
  STUDENT_STATUSES,
  type CertificationState,
  type CourseOutcome,
  type DiversePerformance,
  type FileRef,
  type PortfolioItem,
  type Student,
  type StudentStatus,
} from './records/items';
export { type Actor } from './roles/actor';
export { COMMON_UNITS, DIVISIONS, type Division, type Unit, type Units } from './units';
export { PERMISSIONS, ROLE_NAMES, ROLES, type Permission, type Role } from './roles';
export { DUTIES, DUTY_NAMES, type Deputy, type Duties, type Duty, type DutyAssignment } from './duties';
export { actingFor, type ActingFor, type ActingForOptions } from './deputies';
export { checkDuties, ownerOf, type CheckDutiesOptions, type Ownership } from './ownership';
export {
  can,
  checkPermissionRules,
  SCOPES,
  type PermissionContext,
  type Permissions,
  type Resource,
  type Scope,
  type Matrix,
  type Grant,
} from './permissions';
export {
  PERIODS,
  type Cap,
  type CapAction,
  type CapLimit,
  type Caps,
  type Files,
  type KindCaps,
  type Period,
  type UploadRequest,
} from './caps';
export {
  ACTIVITIES,
  ANCHORS,
  checkWindows,
  isOpen,
  resolveWindows,
  selectWindow,
  type Activity,
  type Anchor,
  type DateRule,
  type Grade,
  type ResolvedWindow,
  type Window,
  type WindowQuestion,
  type WindowResolution,
} from './windows';
export {
  addWorkingDays,
  anchorsFor,
  CALENDAR_LIMITS,
  calendarJsonSchema,
  dataTermSpan,
  indexWorkingDays,
  isWorkingDay,
  parseCalendar,
  type AnchorDates,
  type CalendarTerm,
  type ParsedCalendar,
  type SchoolCalendar,
  type WorkingDayIndex,
} from './calendar';
export {
  RECEIPT_STATES,
  type FinalDecision,
  type FinalRequest,
  type FinalSubmission,
  type LeaverNotice,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
  type Receipts,
  type ReceiptState,
} from './receipts';
export { checkRetention, retentionOf, type Retention, type RetentionCheck, type RetentionPlan } from './retention';
export {
  AUDIENCES,
  checkGovernance,
  checkGovernanceRules,
  TRAINING_KINDS,
  type Audience,
  type Governance,
  type GovernanceEvidence,
  type GovernancePeriod,
  type TrainingKind,
} from './governance';
export {
  ENROLMENT_CHANGE_NAMES,
  ENROLMENT_CHANGES,
  enrolmentEffect,
  pendingFates,
  type EffectAspect,
  type Enrolment,
  type EnrolmentChange,
  type EnrolmentEffect,
  type EnrolmentRule,
  type PendingFate,
} from './enrolment';
export {
  dayNumber,
  evaluateRules,
  FACT_PATHS,
  studentFacts,
  studentTermFacts,
  type CourseOutcomeCounts,
  type CustomRule,
  type DiversePerformanceCounts,
  type Facts,
  type FactValues,
} from './expressions';
export {
  auditPack,
  loadPack,
  PACK_LIMITS,
  packJsonSchema,
  type PackJsonSchemaOptions,
  REGIONAL_PACKS,
  regionalOverlays,
  validatePack,
  type LoadedPack,
  type RegionalPack,
  type LoadOptions,
  type Pack,
  type PackAuditOptions,
  type Validation,
} from './pack';
export {
  parseScenario,
  runScenario,
  SCENARIO_LIMITS,
  scenarioJsonSchema,
  scenarioPackFile,
  ScenarioSchema,
  type ParsedScenario,
  type RunScenarioOptions,
  type Scenario,
  type ScenarioFailure,
  type ScenarioOutcome,
  type ScenarioPack,
} from './scenarios';
export {
  checkClauses,
  citationsOf,
  clauseEntries,
  readCitation,
  type Annex,
  type Citation,
  type Cited,
  type CitedPart,
  type Clause,
  type ClauseCheckInput,
  type ClauseEntry,
  type ClauseTable,
} from './clauses';
export { NATIONAL_VERSIONS, nationalVersionFor, type NationalBound, type NationalVersion } from './national';
export {
  effectiveFor,
  resolvePack,
  rulesFor,
  type EffectivePack,
  type PackInput,
  type Provenance,
  type Resolution,
  type ResolveOptions,
} from './layering';
export {
  type CertificationEvent,
  type CertificationEventType,
  type CertifierContext,
  type RecordedEvent,
  type TransitionContext,
  type TransitionResult,
} from './certification';
export { type SelectDecision, type SelectRequest } from './selection';
export {
  type SubmitDecision,
  type LockPolicy,
  type SubmitRequest,
  type ReceiptPeriod,
  type Submission,
  type SubmissionLock,
  type UnitOptions,
} from './submission';
export {
  createEngine,
  explain,
  PackError,
  type DateSpan,
  type Engine,
  type Explainable,
  type Explained,
  type Step,
  type StepOutcome,
} from './engine';
export {
  CERTIFICATION_EVENTS,
  createIntake,
  CSV_FILE_NAMES,
  parseRecord,
  RECEIPT_STATUSES,
  RECORD_TYPE_NAMES,
  RECORD_TYPES,
  SUBMISSION_CATEGORIES,
  SUBMISSION_STAGES,
  type CadreRecord,
  type CertificationEventRecord,
  type ConsultationRecord,
  type CourseOutcomeRecord,
  type CourseRecordRecord,
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
  type Rejection,
  type StudentRecord,
  type SubmissionRecord,
  type TrainingRecord,
} from './dataset';
export { type AuditResult, type AuditStatistics, type GroupStatistics } from './audit/types';
export { CATALOGUE, type Decision, type Finding, type FindingCode } from './catalogue';
export { createAudit, mergeAudits, sortFindings, type Audit, type AuditOptions } from './audit';
