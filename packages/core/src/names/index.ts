import type { Language, Localized } from '../findings/types';
import type { Duty } from '../duties';
import type { EnrolmentChange, EnrolmentRule } from '../enrolment/schema';
import type { Audience, TrainingKind } from '../governance/schema';
import type { DeclaredRoles, Scope } from '../permissions/schema';
import type { RecordKind } from '../records';
import type { Permission, Role } from '../roles';
import { COMMON_UNITS, type Division, type Units } from '../units';
import type { Activity, Anchor } from '../windows/schema';

// The words of the vocabulary in both languages: what messages, `render`, `timeline` and `diff`
// print instead of the identifiers a pack is written in. A reader in Chinese never meets
// `departmentTeacher` or `courseOutcomeCertification`; a reader in English gets words too.

/** The duties of 馬公 九(三) as the 分工表 names them. */
export const DUTY_NAMES: Readonly<Record<Duty, Localized>> = {
  platformAdministration: { 'zh-TW': '學習歷程平臺管理', en: 'school platform administration' },
  basicData: { 'zh-TW': '基本資料', en: 'basic data' },
  courseRecordSubmission: { 'zh-TW': '修課紀錄提交', en: 'course records submission' },
  receiptConfirmation: { 'zh-TW': '收訖明細確認', en: 'receipt confirmation' },
  courseOutcomeSubmission: { 'zh-TW': '課程學習成果提交', en: 'course outcomes submission' },
  diversePerformanceSubmission: { 'zh-TW': '多元表現提交', en: 'diverse performances submission' },
  cadreSubmission: { 'zh-TW': '幹部經歷登錄及提交', en: 'cadre records entry and submission' },
  courseOutcomeCertification: { 'zh-TW': '課程學習成果認證', en: 'course outcome certification' },
};

/** The roles of the vendor manual's matrix (seed 002, chapter 4). */
export const ROLE_NAMES: Readonly<Record<Role, Localized>> = {
  systemAdmin: { 'zh-TW': '系統管理者', en: 'system administrator' },
  courseOutcomeSubmitter: { 'zh-TW': '課程學習成果提交人員', en: 'course outcome submitter' },
  diversePerformanceSubmitter: { 'zh-TW': '多元表現提交人員', en: 'diverse performance submitter' },
  cadreSubmitter: { 'zh-TW': '幹部經歷提交人員', en: 'cadre record submitter' },
  diverseItemManager: { 'zh-TW': '多元表現項目管理者', en: 'diverse performance item manager' },
  certificateItemManager: { 'zh-TW': '證照項目管理者', en: 'certificate item manager' },
  courseTeacher: { 'zh-TW': '任課教師', en: 'course teacher' },
  departmentTeacher: { 'zh-TW': '科內教師', en: 'department teacher' },
  domainTeacher: { 'zh-TW': '領域教師', en: 'domain teacher' },
  homeroomTeacher: { 'zh-TW': '導師', en: 'homeroom teacher' },
  consultingTeacher: { 'zh-TW': '課程諮詢教師', en: 'consulting teacher' },
  student: { 'zh-TW': '學生', en: 'student' },
};

/** The permissions of the manual's matrix. */
export const PERMISSION_NAMES: Readonly<Record<Permission, Localized>> = {
  permissionSettings: { 'zh-TW': '權限設定', en: 'permission settings' },
  announcements: { 'zh-TW': '公告', en: 'announcements' },
  editPortfolio: { 'zh-TW': '編輯學習歷程', en: 'editing portfolios' },
  viewPortfolio: { 'zh-TW': '檢視學習歷程', en: 'viewing portfolios' },
  certifyCourseOutcomes: { 'zh-TW': '認證課程學習成果', en: 'certifying course outcomes' },
  manageCertificateItems: { 'zh-TW': '管理證照項目', en: 'managing certificate items' },
  submitToCentral: { 'zh-TW': '提交至中央資料庫', en: 'submitting to the central database' },
  maintainStudentData: { 'zh-TW': '維護學生資料', en: 'maintaining student data' },
  viewStatistics: { 'zh-TW': '查看統計', en: 'viewing statistics' },
  exportStatistics: { 'zh-TW': '匯出統計', en: 'exporting statistics' },
  exportPortfolio: { 'zh-TW': '匯出學習歷程 (交換)', en: 'exporting portfolios for exchange' },
};

/** The scopes a permission holds within, as the manual's matrix writes them (seed 002, chapter 4). */
export const SCOPE_NAMES: Readonly<Record<Scope, Localized>> = {
  all: { 'zh-TW': '全部', en: 'all' },
  courseOutcomes: { 'zh-TW': '限課程', en: 'course outcomes only' },
  diversePerformances: { 'zh-TW': '限多元', en: 'diverse performances only' },
  cadre: { 'zh-TW': '限幹部', en: 'cadre records only' },
  diverseItems: { 'zh-TW': '限項目', en: 'diverse-performance items only' },
  certificates: { 'zh-TW': '限證照', en: 'certificates only' },
  taughtCourses: { 'zh-TW': '任教課程', en: 'the courses one teaches' },
  ownClass: { 'zh-TW': '本班', en: "one's own class" },
  self: { 'zh-TW': '本人', en: 'oneself' },
  advisees: { 'zh-TW': '諮詢學生', en: 'the students one advises' },
};

/** The kinds of portfolio records (and of receipts and submissions). */
export const RECORD_KIND_NAMES: Readonly<Record<RecordKind, Localized>> = {
  basicData: { 'zh-TW': '基本資料', en: 'basic data' },
  cadre: { 'zh-TW': '幹部紀錄', en: 'cadre records' },
  courseRecord: { 'zh-TW': '修課紀錄', en: 'course records' },
  courseOutcome: { 'zh-TW': '課程學習成果', en: 'course outcomes' },
  diversePerformance: { 'zh-TW': '多元表現', en: 'diverse performances' },
  consultation: { 'zh-TW': '課程諮詢紀錄', en: 'course consultation records' },
  studyPlan: { 'zh-TW': '自傳/學習計畫', en: 'autobiography and study plan' },
};

/** What each activity is called, as the flow tables write it (馬公 作業流程, seed 004's timetable). */
export const ACTIVITY_NAMES: Readonly<Record<Activity, Localized>> = {
  basicDataEntry: { 'zh-TW': '學生基本資料登錄維護', en: 'basic data entry' },
  cadreEntry: { 'zh-TW': '幹部經歷登錄', en: 'cadre records entry' },
  gradeEntry: { 'zh-TW': '學業成績登錄', en: 'grade entry' },
  consultationEntry: { 'zh-TW': '課程諮詢紀錄登錄', en: 'course consultation records entry' },
  courseOutcomeUpload: { 'zh-TW': '課程學習成果上傳', en: 'course outcome upload' },
  courseOutcomeCertification: { 'zh-TW': '課程學習成果認證', en: 'course outcome certification' },
  courseOutcomeSelection: { 'zh-TW': '課程學習成果勾選', en: 'course outcome selection' },
  diversePerformanceUpload: { 'zh-TW': '多元表現上傳', en: 'diverse performance upload' },
  diversePerformanceSelection: { 'zh-TW': '多元表現勾選', en: 'diverse performance selection' },
  precheck: { 'zh-TW': '資料預檢', en: 'pre-check' },
  submission: { 'zh-TW': '學校提交至中央資料庫', en: 'submission to the central database' },
  receiptConfirmation: { 'zh-TW': '收訖明細確認', en: 'receipt confirmation' },
  disputeResolution: { 'zh-TW': '疑義處理', en: 'dispute resolution' },
  finalSubmission: { 'zh-TW': '確認後提交 (定稿)', en: 'final submission' },
};

/** The calendar anchors as a school calendar names them. */
export const ANCHOR_NAMES: Readonly<Record<Anchor, Localized>> = {
  // termStart is the day the semester begins on paper (1 Aug / 1 Feb), weeks before 開學: the name says so.
  termStart: { 'zh-TW': '學期起始日 (8月1日或2月1日)', en: 'the start of the term' },
  termEnd: { 'zh-TW': '學期結束', en: 'the end of the term' },
  classesStart: { 'zh-TW': '開學', en: 'the first day of classes' },
  closingCeremony: { 'zh-TW': '休業式', en: 'the closing ceremony' },
  makeUpExam: { 'zh-TW': '學期補考', en: 'the make-up exams' },
  nationalPrecheckOpens: { 'zh-TW': '全國預檢開始', en: 'the national pre-check opening' },
  nationalPrecheckCloses: { 'zh-TW': '全國預檢截止', en: 'the national pre-check closing' },
  nationalSubmissionOpens: { 'zh-TW': '全國提交開始', en: 'the national submission opening' },
  nationalSubmissionCloses: { 'zh-TW': '全國提交截止', en: 'the national submission closing' },
  nationalUploadDeadline: { 'zh-TW': '全國上傳截止', en: 'the national upload deadline' },
};

/** The enrolment changes (學籍異動). */
export const ENROLMENT_CHANGE_NAMES: Readonly<Record<EnrolmentChange, Localized>> = {
  repeat: { 'zh-TW': '重讀', en: 'repeating a year' },
  resume: { 'zh-TW': '復學', en: 'resumption' },
  transferIn: { 'zh-TW': '轉入', en: 'transfer in' },
  transferOut: { 'zh-TW': '轉出', en: 'transfer out' },
  borrowedStudy: { 'zh-TW': '借讀', en: 'borrowed study' },
  suspension: { 'zh-TW': '休學', en: 'suspension' },
};

type Handling = { [K in Exclude<keyof EnrolmentRule, 'source'>]-?: NonNullable<EnrolmentRule[K]> };

/** What an enrolment change does, in words: who submits, how caps count, what becomes of pending items. */
export const ENROLMENT_HANDLING_NAMES: {
  readonly [Aspect in keyof Handling]: Readonly<Record<Handling[Aspect], Localized>>;
} = {
  submittingSchool: {
    enrolled: { 'zh-TW': '學籍所在學校', en: 'the school of enrolment' },
    origin: { 'zh-TW': '原就讀學校', en: 'the school the student left' },
    destination: { 'zh-TW': '轉入學校', en: 'the school the student moved to' },
  },
  capsCount: {
    perStudentTerm: { 'zh-TW': '每生每學期合併計算', en: 'per student and term, across schools' },
    perSchool: { 'zh-TW': '各校分別計算', en: 'per school' },
  },
  pendingCertifications: {
    keep: { 'zh-TW': '保留', en: 'kept' },
    void: { 'zh-TW': '失效', en: 'void' },
    deputy: { 'zh-TW': '由代理人認證', en: 'certified by a deputy' },
  },
};

/** The school divisions (部別). */
export const DIVISION_NAMES: Readonly<Record<Division, Localized>> = {
  day: { 'zh-TW': '日間部', en: 'day school' },
  continuingEducation: { 'zh-TW': '進修部', en: 'continuing-education division' },
};

/** Who the governance rules name as the audience of trainings, and the kinds of training. */
export const AUDIENCE_NAMES: Readonly<Record<Audience, Localized>> = {
  students: { 'zh-TW': '學生', en: 'students' },
  teachers: { 'zh-TW': '教師', en: 'teachers' },
  parents: { 'zh-TW': '家長', en: 'parents' },
  staff: { 'zh-TW': '行政人員', en: 'staff' },
};
export const TRAINING_KIND_NAMES: Readonly<Record<TrainingKind, Localized>> = {
  training: { 'zh-TW': '研習', en: 'training' },
  briefing: { 'zh-TW': '說明會', en: 'briefing' },
  workshop: { 'zh-TW': '工作坊', en: 'workshop' },
};

/** The common units' English names (their Chinese names are `COMMON_UNITS`' own). */
const COMMON_UNIT_NAMES_EN: Readonly<Record<string, string>> = {
  academicAffairs: 'office of academic affairs',
  studentAffairs: 'office of student affairs',
  guidance: 'guidance office',
  registration: 'registration section',
  teaching: 'teaching section',
  equipment: 'equipment section',
  specialEducation: 'special education section',
  examinations: 'examinations section',
  discipline: 'discipline section',
  studentLife: 'student life section',
  activities: 'activities section',
};

/** `table[id]` in `language`, or the id itself when the table does not know it (a pack's own word). */
export function nameIn<T extends string>(
  table: Readonly<Record<T, Localized>>,
  id: string,
  language: Language,
): string {
  return Object.hasOwn(table, id) ? table[id as T][language] : id;
}

/** Names by id in both languages, e.g. those of the roles a pack declares (`declaredRoleNames`). */
export type Names = Readonly<Record<string, Localized>>;

/**
 * The words a pack adds to the vocabulary: its units (`units:`) and the names of the roles it
 * declares (`roles:`). `ownNames(effective.values)` gives them; a finding's data carries only those
 * its message names (`ownNames(values, ids)`).
 */
export interface OwnNames {
  readonly units?: Units | undefined;
  readonly roles?: Names | undefined;
}

/** The pack's own units and declared roles (`values`: `effective.values`), or only those naming one of `ids`. */
export function ownNames(
  values: { readonly units?: Units | undefined; readonly roles?: DeclaredRoles | undefined },
  ids?: readonly string[],
): OwnNames {
  const wanted = ids && new Set(ids.map((id) => id.replace(/^designatedBy:/, '')));
  const pick = <T>(table: Readonly<Record<string, T>> | undefined): Record<string, T> | undefined => {
    const entries = Object.entries(table ?? {}).filter(([id]) => !wanted || wanted.has(id));
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  };
  const units = pick(values.units);
  const roles = pick(declaredRoleNames(values.roles));
  return { ...(units && { units }), ...(roles && { roles }) };
}

/** `ownNames(values, ids)` as a finding's data field: `{ own }` when the pack names one of `ids` itself, else nothing. */
export function ownNamesOf(values: Parameters<typeof ownNames>[0], ids: readonly string[]): { own?: OwnNames } {
  const own = ownNames(values, ids);
  return own.units || own.roles ? { own } : {};
}

/**
 * A unit or role as the school writes it: `註冊組`, `任課教師`, `資料查詢人員`; the pack's own units
 * first (`units:`), then the common ones, then the roles it declares, then the national ones. In
 * English the school's Chinese name is followed by its identifier when there is no English name. An
 * unknown id stays as it is. With `office`, a Chinese name has its office first, as 馬公's 分工表
 * writes it (`教務處 註冊組`; 進修部教務組 already names its office).
 */
export function unitName(
  id: string,
  language: Language,
  own?: OwnNames,
  options: { readonly office?: boolean } = {},
): string {
  const units = own?.units;
  const mine = units && Object.hasOwn(units, id) ? units[id] : undefined;
  const common = Object.hasOwn(COMMON_UNITS, id) ? COMMON_UNITS[id] : undefined;
  const unit = mine ?? common;
  if (!unit) return roleName(id, language, own?.roles);
  if (language === 'en') return mine ? `${mine.name} (${id})` : (COMMON_UNIT_NAMES_EN[id] ?? id);
  return options.office && unit.office && !unit.name.startsWith(unit.office)
    ? `${unit.office} ${unit.name}`
    : unit.name;
}

/** The names of the roles a pack declares (`roles:`), by id: its `name`, and `en` or the name with its id. */
export function declaredRoleNames(roles: DeclaredRoles | undefined): Record<string, Localized> {
  return Object.fromEntries(
    Object.entries(roles ?? {}).map(([id, role]) => [
      id,
      { 'zh-TW': role.name, en: role.en ?? `${role.name} (${id})` },
    ]),
  );
}

/**
 * A role in words — the one way every message, table and command names a role: one the pack
 * declares (`names`, from `declaredRoleNames`), else a national one; an unknown id stays.
 */
export function roleName(id: string, language: Language, names?: Names): string {
  const own = names && Object.hasOwn(names, id) ? names[id] : undefined;
  return own ? own[language] : nameIn(ROLE_NAMES, id, language);
}

/**
 * A link of a deputy chain (`registration`, `departmentTeacher`, `designatedBy:registration`) in
 * words: in a sentence `註冊組主管指定之人員`; as a table cell (`cell`), the way the schools' documents
 * write it, `由註冊組主管指定`.
 */
export function linkName(
  link: string,
  language: Language,
  own?: OwnNames,
  options: { readonly cell?: boolean } = {},
): string {
  const prefix = 'designatedBy:';
  if (!link.startsWith(prefix)) return unitName(link, language, own);
  const unit = unitName(link.slice(prefix.length), language, own);
  if (options.cell) return language === 'zh-TW' ? `由${unit}主管指定` : `designated by the head of ${unit}`;
  return language === 'zh-TW' ? `${unit}主管指定之人員` : `a person the head of ${unit} designates`;
}

/** A deputy chain in words: `任課教師 → 科內教師 → 領域教師`. */
export function chainWords(chain: readonly string[], language: Language, own?: OwnNames): string {
  return chain.map((link) => linkName(link, language, own)).join(' → ');
}

/** `table[id]` in both languages, or the id itself in both when the table does not know it. */
export function wordsFor<T extends string>(table: Readonly<Record<T, Localized>>, id: string): Localized {
  return Object.hasOwn(table, id) ? table[id as T] : { 'zh-TW': id, en: id };
}

/** A unit, role or deputy link in both languages (`registration` → 註冊組 / registration section). */
export function linkWords(link: string, own?: OwnNames): Localized {
  return { 'zh-TW': linkName(link, 'zh-TW', own), en: linkName(link, 'en', own) };
}

/** A deputy chain in both languages. */
export function chainIn(chain: readonly string[], own?: OwnNames): Localized {
  return { 'zh-TW': chainWords(chain, 'zh-TW', own), en: chainWords(chain, 'en', own) };
}
