import { isPlainDate } from '../_lib/date';
import type { Localized } from '../findings/types';
import { DIVERSE_PERFORMANCE_CATEGORIES, RECEIPT_CATEGORIES } from '../records';
import { STUDENT_STATUSES } from '../records/items';
import { parseTerm } from '../term';
import { DIVISIONS } from '../units';

/** Where a value is not what a request needs: its path, what belongs there, and the value. */
export interface Problem {
  readonly path: string;
  readonly expected: Localized;
  readonly received: unknown;
}

/** What a value should be, in both languages. */
export const EXPECTED = {
  object: { 'zh-TW': '物件', en: 'an object' },
  list: { 'zh-TW': '陣列', en: 'a list' },
  text: { 'zh-TW': '非空字串', en: 'a non-empty text' },
  optionalText: { 'zh-TW': '字串 (或省略)', en: 'a text, or left out' },
  texts: { 'zh-TW': '字串陣列 (或省略)', en: 'a list of texts, or left out' },
  boolean: { 'zh-TW': 'true 或 false', en: 'true or false' },
  optionalBoolean: { 'zh-TW': 'true、false 或省略', en: 'true, false, or left out' },
  day: { 'zh-TW': 'YYYY-MM-DD 日期', en: 'a YYYY-MM-DD day' },
  optionalDay: { 'zh-TW': 'YYYY-MM-DD 日期 (或省略)', en: 'a YYYY-MM-DD day, or left out' },
  instant: { 'zh-TW': 'YYYY-MM-DD 日期或有效的 Date', en: 'a YYYY-MM-DD day or a valid Date' },
  term: { 'zh-TW': '學期代碼，如 11201 或 112-1', en: 'a term code such as 11201 or 112-1' },
  optionalTerm: { 'zh-TW': '學期代碼 (或省略)', en: 'a term code, or left out' },
  academicYear: { 'zh-TW': '學年度 (正整數)', en: 'an academic year (a whole number above 0)' },
  kind: { 'zh-TW': 'courseOutcome 或 diversePerformance', en: 'courseOutcome or diversePerformance' },
  entry: { 'zh-TW': 'student、schoolEntered 或 bulkImport', en: 'student, schoolEntered or bulkImport' },
  state: { 'zh-TW': 'draft、submitted、certified 或 rejected', en: 'draft, submitted, certified or rejected' },
  category: { 'zh-TW': '八大類之一 (如 competition)', en: 'one of the eight categories (e.g. competition)' },
  megabytes: { 'zh-TW': '檔案大小 (0 以上之 MB 數)', en: 'a size in megabytes, 0 or more' },
  grade: { 'zh-TW': '年級 1、2 或 3', en: 'grade 1, 2 or 3' },
  status: { 'zh-TW': 'enrolled、graduated、left 或 suspended', en: 'enrolled, graduated, left or suspended' },
  source: { 'zh-TW': '出處 { document, clause } (或省略)', en: 'a source { document, clause }, or left out' },
  period: { 'zh-TW': '期間 { opens, closes } (YYYY-MM-DD)', en: 'a period { opens, closes } of YYYY-MM-DD days' },
  round: { 'zh-TW': '輪次 (正整數，或省略)', en: 'a round (a whole number above 0), or left out' },
  division: {
    'zh-TW': '部別 day (日間部) 或 continuingEducation (進修部)，或省略',
    en: 'a division, day or continuingEducation, or left out',
  },
} as const satisfies Record<string, Localized>;

/** A problem at a path. */
export const problem = (path: string, expected: Localized, received: unknown): Problem => ({
  path,
  expected,
  received,
});

/** A problem found inside a value, placed under the value's path (paths are built only when something is wrong). */
export function under(path: string, found: Problem | undefined): Problem | undefined {
  if (found === undefined) return undefined;
  return {
    ...found,
    path: found.path === '' ? path : found.path.startsWith('[') ? `${path}${found.path}` : `${path}.${found.path}`,
  };
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isOptionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';
const isOptionalDay = (value: unknown): boolean => value === undefined || isPlainDate(value);
const oneOf = (values: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && values.includes(value);
export const isTerm = (value: unknown): boolean =>
  typeof value === 'string' && (isFiveDigitCode(value) || parseTerm(value) !== undefined);

/** `11201`, the usual way a term is written, told without a regular expression (items are checked on every request). */
function isFiveDigitCode(text: string): boolean {
  if (text.length !== 5 || text.charCodeAt(3) !== 48) return false;
  const semester = text.charCodeAt(4);
  if (semester !== 49 && semester !== 50) return false;
  let year = 0;
  for (let index = 0; index < 3; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
    year = year * 10 + digit;
  }
  return year > 0;
}

/** A day or an instant a decision is taken at: a valid `YYYY-MM-DD`, or a Date whose Taiwan day is one. */
export function isInstant(value: unknown): boolean {
  if (typeof value === 'string') return isPlainDate(value);
  if (!(value instanceof Date)) return false;
  const time = value.getTime();
  // Years 0000–9999: the day written YYYY-MM-DD.
  return Number.isFinite(time) && time >= -62_167_248_000_000 && time < 253_402_272_000_000;
}

/** Each element of a list, with its index in the path; `required` lists may not be left out. */
export function eachOf(
  value: unknown,
  check: (element: unknown) => Problem | undefined,
  required = true,
): Problem | undefined {
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value)) return problem('', EXPECTED.list, value);
  for (let index = 0; index < value.length; index++) {
    const found = check(value[index]);
    if (found !== undefined) return under(`[${index}]`, found);
  }
  return undefined;
}

const textProblem = (value: unknown): Problem | undefined =>
  typeof value === 'string' ? undefined : problem('', EXPECTED.optionalText, value);

/** An optional list of texts (units, roles, courses …). */
export const textsProblem = (value: unknown): Problem | undefined =>
  value === undefined ? undefined : eachOf(value, textProblem);

/** A file an item carries: a name, a type, and a size that is a number of megabytes. */
export function fileProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (!isText(value.name)) return problem('name', EXPECTED.text, value.name);
  if (!isText(value.type)) return problem('type', EXPECTED.text, value.type);
  const size = value.megabytes;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0)
    return problem('megabytes', EXPECTED.megabytes, size);
  return undefined;
}

const isEntry = (value: unknown): boolean => value === 'student' || value === 'schoolEntered' || value === 'bulkImport';
const isState = (value: unknown): boolean =>
  value === 'draft' || value === 'submitted' || value === 'certified' || value === 'rejected';

/**
 * A portfolio item as the engine reads it: everything the rules look at, of the right type. `full`
 * also checks what only the item asked about needs (its files, summary and dates); the student's
 * other items are counted on their kind, ids, term or year, entry, selection and state alone. Written
 * out test by test: it runs on every item of every request.
 */
export function itemProblem(value: unknown, full = true): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  const kind = value.kind;
  if (kind !== 'courseOutcome' && kind !== 'diversePerformance') return problem('kind', EXPECTED.kind, kind);
  if (!isText(value.id)) return problem('id', EXPECTED.text, value.id);
  if (!isText(value.studentId)) return problem('studentId', EXPECTED.text, value.studentId);
  if (!isEntry(value.entry)) return problem('entry', EXPECTED.entry, value.entry);
  if (typeof value.selected !== 'boolean') return problem('selected', EXPECTED.boolean, value.selected);
  const withdrawn = value.withdrawn;
  if (withdrawn !== undefined && typeof withdrawn !== 'boolean')
    return problem('withdrawn', EXPECTED.optionalBoolean, withdrawn);
  if (kind === 'courseOutcome') {
    if (!isTerm(value.term)) return problem('term', EXPECTED.term, value.term);
    if (!isState(value.state)) return problem('state', EXPECTED.state, value.state);
  } else {
    const year = value.academicYear;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1)
      return problem('academicYear', EXPECTED.academicYear, year);
    if (value.term !== undefined && !isTerm(value.term)) return problem('term', EXPECTED.optionalTerm, value.term);
  }
  return full ? detailProblem(value) : undefined;
}

/** What only the item asked about needs: its files and summary, its texts and its dates. */
function detailProblem(value: Record<string, unknown>): Problem | undefined {
  if (!isOptionalText(value.summary)) return problem('summary', EXPECTED.optionalText, value.summary);
  const files = value.files;
  if (files !== undefined) {
    if (!Array.isArray(files)) return problem('files', EXPECTED.list, files);
    for (let index = 0; index < files.length; index++) {
      const found = fileProblem(files[index]);
      if (found) return under(`files[${index}]`, found);
    }
  }
  if (!isOptionalDay(value.uploadedOn)) return problem('uploadedOn', EXPECTED.optionalDay, value.uploadedOn);
  if (value.kind !== 'courseOutcome')
    return oneOf(DIVERSE_PERFORMANCE_CATEGORIES, value.category)
      ? undefined
      : problem('category', EXPECTED.category, value.category);
  if (!isText(value.course)) return problem('course', EXPECTED.text, value.course);
  if (!isText(value.certifier)) return problem('certifier', EXPECTED.text, value.certifier);
  if (!isOptionalDay(value.certifiedOn)) return problem('certifiedOn', EXPECTED.optionalDay, value.certifiedOn);
  if (!isOptionalDay(value.revokedOn)) return problem('revokedOn', EXPECTED.optionalDay, value.revokedOn);
  if (!isOptionalText(value.rejectionReason))
    return problem('rejectionReason', EXPECTED.optionalText, value.rejectionReason);
  if (!isOptionalText(value.certifiedBy)) return problem('certifiedBy', EXPECTED.optionalText, value.certifiedBy);
  if (!isOptionalText(value.department)) return problem('department', EXPECTED.optionalText, value.department);
  if (!isOptionalText(value.domain)) return problem('domain', EXPECTED.optionalText, value.domain);
  return undefined;
}

/** Someone acting: an id, their roles, and the optional lists and dates the rules read. */
export function actorProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (!isText(value.id)) return problem('id', EXPECTED.text, value.id);
  if (!Array.isArray(value.roles)) return problem('roles', EXPECTED.list, value.roles);
  for (const key of ['roles', 'units', 'courses', 'classes', 'departments', 'domains'] as const) {
    const found = under(key, textsProblem(value[key]));
    if (found) return found;
  }
  if (!isOptionalText(value.studentId)) return problem('studentId', EXPECTED.optionalText, value.studentId);
  return (
    divisionProblem(value) ??
    (isOptionalDay(value.activeUntil) ? undefined : problem('activeUntil', EXPECTED.optionalDay, value.activeUntil))
  );
}

/** A division, when given: one of the two a school can have (a misspelt one would be judged as no division). */
export function divisionProblem(value: Record<string, unknown>): Problem | undefined {
  return value.division === undefined || oneOf(DIVISIONS, value.division)
    ? undefined
    : problem('division', EXPECTED.division, value.division);
}

function sourceProblem(value: unknown): Problem | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || typeof value.document !== 'string' || typeof value.clause !== 'string')
    return problem('', EXPECTED.source, value);
  return undefined;
}

/** A window or period, as the windows resolver gives it: a closing day, maybe an opening day, who set it. A window that never closes is not one. */
export function spanProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (!isPlainDate(value.closes)) return problem('closes', EXPECTED.day, value.closes);
  if (!isOptionalDay(value.opens)) return problem('opens', EXPECTED.optionalDay, value.opens);
  if (!isOptionalText(value.layer)) return problem('layer', EXPECTED.optionalText, value.layer);
  return under('source', sourceProblem(value.source));
}

/** A confirmation period: both days given. */
export function periodProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.period, value);
  return under('opens', dayProblem(value.opens)) ?? under('closes', dayProblem(value.closes));
}

/** A round number, when given: a whole number above 0. */
export const roundProblem = (value: unknown): Problem | undefined =>
  value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 1)
    ? undefined
    : problem('', EXPECTED.round, value);

/** A roster the school submitted: its category, term and day (what the locks read), its division and round. */
export function submissionProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (!isText(value.category)) return problem('category', EXPECTED.text, value.category);
  if (!isTerm(value.term)) return problem('term', EXPECTED.term, value.term);
  if (!isPlainDate(value.submittedOn)) return problem('submittedOn', EXPECTED.day, value.submittedOn);
  for (const key of ['submittedBy', 'actingAs', 'correction'] as const)
    if (!isOptionalText(value[key])) return problem(key, EXPECTED.optionalText, value[key]);
  const division = divisionProblem(value);
  if (division) return division;
  if (value.locksStudentSide !== undefined && typeof value.locksStudentSide !== 'boolean')
    return problem('locksStudentSide', EXPECTED.optionalBoolean, value.locksStudentSide);
  return (
    under('round', roundProblem(value.round)) ??
    (value.receiptPeriod === undefined ? undefined : under('receiptPeriod', periodProblem(value.receiptPeriod)))
  );
}

const CATEGORIES: readonly string[] = ['basicData', ...RECEIPT_CATEGORIES];
const CATEGORY = { 'zh-TW': CATEGORIES.join('、'), en: CATEGORIES.join(', ') };
const RECEIPT_CATEGORY = { 'zh-TW': RECEIPT_CATEGORIES.join('、'), en: RECEIPT_CATEGORIES.join(', ') };

/** A category a roster is submitted for: basic data or a receipt category. */
export const categoryProblem = (value: unknown): Problem | undefined =>
  typeof value === 'string' && CATEGORIES.includes(value) ? undefined : problem('', CATEGORY, value);

/** A category students confirm receipts of. */
export const receiptCategoryProblem = (value: unknown): Problem | undefined =>
  typeof value === 'string' && (RECEIPT_CATEGORIES as readonly string[]).includes(value)
    ? undefined
    : problem('', RECEIPT_CATEGORY, value);

/** An optional text field of a record. */
export const optionalTextProblem = (value: Record<string, unknown>, key: string): Problem | undefined =>
  isOptionalText(value[key]) ? undefined : problem(key, EXPECTED.optionalText, value[key]);

/** A final submission made: its category, term and day, maybe its division. */
export function finalProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  return (
    under('category', categoryProblem(value.category)) ??
    (isTerm(value.term) ? undefined : problem('term', EXPECTED.term, value.term)) ??
    under('finalOn', dayProblem(value.finalOn)) ??
    divisionProblem(value)
  );
}

/** A student record, as leaver notices read it. */
export function studentProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (!isText(value.id)) return problem('id', EXPECTED.text, value.id);
  if (value.grade !== 1 && value.grade !== 2 && value.grade !== 3) return problem('grade', EXPECTED.grade, value.grade);
  if (!oneOf(STUDENT_STATUSES, value.status)) return problem('status', EXPECTED.status, value.status);
  for (const key of ['graduatedOn', 'leftOn'] as const)
    if (!isOptionalDay(value[key])) return problem(key, EXPECTED.optionalDay, value[key]);
  return undefined;
}

/** A term as a method takes it: a code (`11201`, `112-1`) or `{ year, semester }`. */
export function termProblem(value: unknown): Problem | undefined {
  if (isTerm(value)) return undefined;
  if (
    isObject(value) &&
    typeof value.year === 'number' &&
    Number.isInteger(value.year) &&
    value.year >= 1 &&
    (value.semester === 1 || value.semester === 2)
  )
    return undefined;
  return problem('', EXPECTED.term, value);
}

/** A day a decision is taken on: a `YYYY-MM-DD` day or a valid Date. */
export const instantProblem = (value: unknown): Problem | undefined =>
  isInstant(value) ? undefined : problem('', EXPECTED.instant, value);

/** A plain `YYYY-MM-DD` day. */
export const dayProblem = (value: unknown): Problem | undefined =>
  isPlainDate(value) ? undefined : problem('', EXPECTED.day, value);

/** Who cannot act now and the division, as the deputy chains read them (optional). */
export function unitOptionsProblem(value: Record<string, unknown>): Problem | undefined {
  return under('unavailable', textsProblem(value.unavailable)) ?? divisionProblem(value);
}

/**
 * What a request about a category's roster says (a submission, a final submission): the category and
 * term, who acts and when, and who cannot act now and the division; `rest` checks what the request
 * adds, once it is known to be an object.
 */
export function rosterRequestProblem(
  request: unknown,
  rest: (request: Record<string, unknown>) => Problem | undefined,
): Problem | undefined {
  if (!isObject(request)) return problem('', EXPECTED.object, request);
  return (
    under('category', categoryProblem(request.category)) ??
    (isTerm(request.term) ? undefined : problem('term', EXPECTED.term, request.term)) ??
    under('actor', actorProblem(request.actor)) ??
    under('at', instantProblem(request.at)) ??
    unitOptionsProblem(request) ??
    rest(request)
  );
}

/**
 * The request of an item decision (upload, select, deselect): the item asked about, the student's
 * items, the day, and optionally the rosters submitted and the window; for a selection the actor.
 */
/** Another item of the student's, as counted. */
const otherProblem = (value: unknown): Problem | undefined => itemProblem(value, false);

export function itemRequestProblem(request: unknown, withActor: boolean): Problem | undefined {
  if (!isObject(request)) return problem('', EXPECTED.object, request);
  return (
    under('item', itemProblem(request.item)) ??
    under('items', eachOf(request.items, otherProblem)) ??
    under('at', instantProblem(request.at)) ??
    (withActor ? under('actor', actorProblem(request.actor)) : undefined) ??
    under('submissions', eachOf(request.submissions, submissionProblem, false)) ??
    under('finals', eachOf(request.finals, finalProblem, false)) ??
    divisionProblem(request) ??
    (request.window === undefined ? undefined : under('window', spanProblem(request.window)))
  );
}

const PACK = {
  'zh-TW': '有效規定 (resolvePack 或 validatePack 所得)',
  en: 'an effective pack (from resolvePack or validatePack)',
};

/** An effective pack as the low-level functions take it: what resolvePack gives, not any object. */
export function effectiveProblem(value: unknown): Problem | undefined {
  if (!isObject(value) || !isObject(value.values) || !Array.isArray(value.bounds) || !isObject(value.national))
    return problem('', PACK, value);
  return undefined;
}
