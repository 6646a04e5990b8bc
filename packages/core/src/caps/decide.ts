import { type PlainDate, toPlainDate } from '../_lib/date';
import { checkSpan, combine, type DateSpan, type Explained, origin, type Part, type Step } from '../engine/explanation';
import { createFinding } from '../findings/define';
import type { Finding, Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import type { EntrySource, StudentKind } from '../records';
import type { PortfolioItem } from '../records/items';
import { checkLock, type Submission } from '../submission';
import { parseTerm } from '../term';
import { CAP_CODES } from './codes';
import type { Cap, Period } from './schema';

export type CapAction = 'upload' | 'select';

/** School-entered and bulk-imported records do not count against a student's own caps unless a cap says otherwise (seed 002, 4-1, 4-4, 4-5). */
export const DEFAULT_EXEMPT: readonly EntrySource[] = ['schoolEntered', 'bulkImport'];
const EXEMPT_SOURCE: Source = { document: '學習歷程平臺操作手冊', clause: '4-1、4-4' };

/** Upload caps count per the record's cadence when a pack leaves `per` out (要點 3). */
const DEFAULT_PERIOD: Readonly<Record<StudentKind, Period>> = { courseOutcome: 'semester', diversePerformance: 'academicYear' };

/** One limit that holds for an action: the pack's cap, or a national bound that holds whatever the pack says. */
export interface CapLimit {
  readonly rule: string;
  readonly max: number;
  readonly per: Period;
  readonly exempt: readonly EntrySource[];
  readonly countsRejected: boolean;
  readonly national: boolean;
  readonly layer?: string;
  readonly source?: Source;
}

/** The pack's cap for a kind and action, then every national bound on it (decision 0001: a loosened cap never takes effect beyond the national one). */
export function limitsFor(effective: EffectivePack, kind: StudentKind, action: CapAction): CapLimit[] {
  const path = `caps.${kind}.${action}`;
  const cap: Cap | undefined = effective.values.caps?.[kind]?.[action];
  const exempt = cap?.exempt ?? DEFAULT_EXEMPT;
  const countsRejected = cap?.countsRejected ?? true;
  const limits: CapLimit[] = [];
  if (cap?.max !== undefined) {
    limits.push({ rule: path, max: cap.max, per: cap.per ?? DEFAULT_PERIOD[kind], exempt, countsRejected, national: false, ...origin(effective, `${path}.max`) });
  }
  for (const bound of effective.bounds) {
    if (bound.kind !== 'capMax' || bound.path !== path) continue;
    limits.push({ rule: `${path}#national`, max: bound.max, per: bound.per, exempt, countsRejected, national: true, layer: effective.national.layer, source: bound.source });
  }
  return limits;
}

/** The period an item falls in: its term (`11201`) or its academic year (`111`). */
export function periodOf(item: PortfolioItem, per: Period): string | undefined {
  if (item.kind === 'courseOutcome') return per === 'semester' ? item.term : String(parseTerm(item.term)?.year ?? '');
  return per === 'semester' ? item.term : String(item.academicYear);
}

/** Whether an item counts under a limit at all, whatever its period: not withdrawn, not exempt, selected (for select), not a rejected item a cap leaves out (decision 0002). */
export function countsTowards(limit: CapLimit, action: CapAction, item: PortfolioItem): boolean {
  if (item.withdrawn || limit.exempt.includes(item.entry)) return false;
  if (action === 'select') return item.selected;
  return limit.countsRejected || item.kind !== 'courseOutcome' || item.state !== 'rejected';
}

function counts(limit: CapLimit, action: CapAction, item: PortfolioItem, other: PortfolioItem): boolean {
  if (other.id === item.id || other.kind !== item.kind || other.studentId !== item.studentId) return false;
  return periodOf(other, limit.per) === periodOf(item, limit.per) && countsTowards(limit, action, other);
}

/** Checks an item against every cap on an action: the student's other items in the same period, plus this one. */
export function checkCaps(effective: EffectivePack, action: CapAction, item: PortfolioItem, items: readonly PortfolioItem[]): Part {
  const limits = limitsFor(effective, item.kind, action);
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const exempt = limits[0]?.exempt ?? DEFAULT_EXEMPT;
  if (exempt.includes(item.entry)) {
    const detail = { 'zh-TW': `學校登錄之資料 (${item.entry}) 不計入學生件數上限`, en: `records entered by the school (${item.entry}) do not count against the student's caps` };
    return { steps: [{ rule: `caps.${item.kind}.${action}`, outcome: 'skipped', source: EXEMPT_SOURCE, detail, data: { entry: item.entry, exempt } }], findings: [] };
  }
  if (limits.length === 0) {
    const detail = { 'zh-TW': '此項未訂件數上限', en: 'no cap is set for this action' };
    return { steps: [{ rule: `caps.${item.kind}.${action}`, outcome: 'skipped', detail }], findings: [] };
  }
  const reported = new Set<string>();
  for (const limit of limits) {
    const period = periodOf(item, limit.per) ?? '';
    const count = items.filter((other) => counts(limit, action, item, other)).length;
    const params = { kind: item.kind, max: limit.max, per: limit.per, count, period, ...(limit.source && { source: limit.source }) };
    const cited = { ...(limit.layer && { layer: limit.layer }), ...(limit.source && { source: limit.source }) };
    const key = `${limit.max}|${limit.per}`;
    const data = { ...params, exempt: limit.exempt, countsRejected: limit.countsRejected };
    if (count + 1 > limit.max) {
      const code = action === 'upload' ? CAP_CODES.uploadCapReached : CAP_CODES.selectCapReached;
      const finding = createFinding(code, params, { rule: limit.rule, subject: item.id, ...cited });
      if (!reported.has(key)) findings.push(finding);
      reported.add(key);
      steps.push({ rule: limit.rule, outcome: 'failed', ...cited, detail: finding.message, data });
      continue;
    }
    if (count + 1 === limit.max && !reported.has(key)) {
      reported.add(key);
      findings.push(createFinding(CAP_CODES.lastSlot, { ...params, action }, { rule: limit.rule, subject: item.id, ...cited }));
    }
    const detail = { 'zh-TW': `${period} 已有 ${count} 件，上限 ${limit.max} 件`, en: `${period} has ${count}, the cap is ${limit.max}` };
    steps.push({ rule: limit.rule, outcome: 'passed', ...cited, detail, data });
  }
  return { steps, findings };
}

const FILE_RULE_SOURCE: Source = { document: '國教署函(109學年度起檔案規格)', clause: '檔案格式及大小' };

/** Types, sizes and the summary (要點; the national letter on file limits from academic year 109). */
export function checkFiles(effective: EffectivePack, item: PortfolioItem): Part {
  const path = `files.${item.kind}`;
  const rules = effective.values.files?.[item.kind];
  const cited = origin(effective, path);
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const subject = item.id;
  const files = item.files ?? [];
  const documentTypes: readonly string[] = rules?.document?.types ?? [];
  const mediaTypes: readonly string[] = rules?.media?.types ?? [];
  const allowed = [...documentTypes, ...mediaTypes];
  for (const file of files) {
    const kindRule = documentTypes.includes(file.type) ? rules?.document : mediaTypes.includes(file.type) ? rules?.media : undefined;
    const ruleName = `${path}.${kindRule === rules?.document ? 'document' : 'media'}`;
    const from = origin(effective, ruleName);
    if (allowed.length > 0 && !kindRule) {
      findings.push(createFinding(CAP_CODES.fileTypeNotAllowed, { file: file.name, type: file.type, allowed, ...(cited.source && { source: cited.source }) }, { rule: `${path}.types`, subject, ...cited }));
    } else if (kindRule?.maxMegabytes !== undefined && file.megabytes > kindRule.maxMegabytes) {
      findings.push(createFinding(CAP_CODES.fileTooLarge, { file: file.name, megabytes: file.megabytes, maxMegabytes: kindRule.maxMegabytes, ...(from.source && { source: from.source }) }, { rule: ruleName, subject, ...from }));
    }
  }
  const maxChars = rules?.summaryMaxChars;
  const length = [...(item.summary ?? '')].length;
  if (maxChars !== undefined && length > maxChars) {
    const from = origin(effective, `${path}.summaryMaxChars`);
    findings.push(createFinding(CAP_CODES.summaryTooLong, { length, maxChars, ...(from.source && { source: from.source }) }, { rule: `${path}.summaryMaxChars`, subject, ...from }));
  }
  if (item.kind === 'courseOutcome' && length === 0) findings.push(createFinding(CAP_CODES.summaryMissing, { source: FILE_RULE_SOURCE }, { rule: `${path}.summary`, subject, source: FILE_RULE_SOURCE }));
  if (item.kind === 'courseOutcome' && files.length === 0) findings.push(createFinding(CAP_CODES.fileMissing, { source: FILE_RULE_SOURCE }, { rule: `${path}.file`, subject, source: FILE_RULE_SOURCE }));
  const data = { files: files.length, summaryLength: length, ...(maxChars !== undefined && { summaryMaxChars: maxChars }), allowed };
  const detail = findings.length === 0 ? { 'zh-TW': '檔案類型、大小及簡述皆符合規定', en: 'file types, sizes and the summary are within the rules' } : { 'zh-TW': `檔案或簡述有 ${findings.length} 項不符`, en: `${findings.length} problem(s) with the files or the summary` };
  steps.push({ rule: path, outcome: findings.length === 0 ? 'passed' : 'failed', ...cited, detail, data });
  return { steps, findings };
}

const ACTIVITY = {
  upload: { courseOutcome: 'courseOutcomeUpload', diversePerformance: 'diversePerformanceUpload' },
  select: { courseOutcome: 'courseOutcomeSelection', diversePerformance: 'diversePerformanceSelection' },
} as const;

export interface UploadRequest {
  /** The item to upload (new, or an edited version of one already there: it is not counted twice). */
  readonly item: PortfolioItem;
  /** The student's items on the platform. */
  readonly items: readonly PortfolioItem[];
  readonly at: PlainDate | Date;
  readonly submissions?: readonly Submission[];
  /** The upload window, as the windows resolver gives it. */
  readonly window?: DateSpan;
}

/** May the student upload this item now? Lock, window, files, then the upload caps. */
export function checkUpload(effective: EffectivePack, request: UploadRequest): Explained {
  const day = toPlainDate(request.at);
  return combine([
    checkLock(request.submissions ?? [], request.item),
    checkSpan(request.window, day, ACTIVITY.upload[request.item.kind], request.item.id),
    checkFiles(effective, request.item),
    checkCaps(effective, 'upload', request.item, request.items),
  ]);
}

/** The selection window part, for the selection module. */
export function checkSelectionWindow(item: PortfolioItem, day: PlainDate, window: DateSpan | undefined): Part {
  return checkSpan(window, day, ACTIVITY.select[item.kind], item.id);
}
