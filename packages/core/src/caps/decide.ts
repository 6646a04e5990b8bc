import { type PlainDate, toPlainDate } from '../_lib/date';
import { deferExplained } from '../decision/deferred';
import { cite, combine, type Explained, origin, type Part, refuses, type Step } from '../decision/explanation';
import { checkSpan, type DateSpan, spanAllows } from '../windows/span';
import { perPack } from '../decision/per-pack';
import { createFinding } from '../findings/define';
import type { Finding, Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import type { EntrySource, StudentKind } from '../records';
import type { PortfolioItem } from '../records/items';
import { checkLock, lockingSubmission, SUBMISSION_CODES, type Submission } from '../submission';
import { parseTerm } from '../term';
import { CAP_CODES } from './codes';
import { checkFiles, filesAllow } from './files';
import type { Cap, Period } from './schema';

export { checkFiles } from './files';

export type CapAction = 'upload' | 'select';

/**
 * Records the school enters (cadre records) do not count against a student's own caps unless a cap says
 * otherwise (seed 002, 4-1, 4-4 5). Bulk-imported records do count: the manual files them among the
 * student's own items (4-5 2: 「整批匯入之多元表現紀錄於學生自填項目中」).
 */
export const DEFAULT_EXEMPT: readonly EntrySource[] = ['schoolEntered'];
const EXEMPT_SOURCE: Source = { document: '學習歷程平臺操作手冊', clause: '4-1、4-4 5' };

/** Upload caps count per the record's cadence when a pack leaves `per` out (要點 3). */
const DEFAULT_PERIOD: Readonly<Record<StudentKind, Period>> = {
  courseOutcome: 'semester',
  diversePerformance: 'academicYear',
};

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
  return [...capLimits(effective, kind, action)];
}

/** {@link limitsFor}, frozen and computed once per effective pack, kind and action. */
const capLimits = (effective: EffectivePack, kind: StudentKind, action: CapAction): readonly CapLimit[] =>
  limitsOfKind(effective, kind)[action];

const limitsOfKind = perPack(
  (effective: EffectivePack, kind: StudentKind): Readonly<Record<CapAction, readonly CapLimit[]>> => ({
    upload: computeLimits(effective, kind, 'upload'),
    select: computeLimits(effective, kind, 'select'),
  }),
);

function computeLimits(effective: EffectivePack, kind: StudentKind, action: CapAction): readonly CapLimit[] {
  const path = `caps.${kind}.${action}`;
  const cap: Cap | undefined = effective.values.caps?.[kind]?.[action];
  const exempt = cap?.exempt ?? DEFAULT_EXEMPT;
  const countsRejected = cap?.countsRejected ?? true;
  const limits: CapLimit[] = [];
  if (cap?.max !== undefined) {
    limits.push({
      rule: path,
      max: cap.max,
      per: cap.per ?? DEFAULT_PERIOD[kind],
      exempt,
      countsRejected,
      national: false,
      ...origin(effective, `${path}.max`),
    });
  }
  for (const bound of effective.bounds) {
    if (bound.kind !== 'capMax' || bound.path !== path) continue;
    limits.push({
      rule: `${path}#national`,
      max: bound.max,
      per: bound.per,
      exempt,
      countsRejected,
      national: true,
      layer: effective.national.layer,
      source: bound.source,
    });
  }
  return Object.freeze(limits.map((limit) => Object.freeze(limit)));
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

/** The student's other items that count under a limit in the item's period (the item itself is not counted twice). */
function countUnder(limit: CapLimit, action: CapAction, item: PortfolioItem, items: readonly PortfolioItem[]): number {
  const period = periodOf(item, limit.per);
  let count = 0;
  for (const other of items) {
    if (other.id === item.id || other.kind !== item.kind || other.studentId !== item.studentId) continue;
    // A course outcome's period follows from its term alone: the same term text needs no parsing.
    const samePeriod =
      (other.kind === 'courseOutcome' && other.term === item.term) || periodOf(other, limit.per) === period;
    if (samePeriod && countsTowards(limit, action, other)) count++;
  }
  return count;
}

/** Whether one more item would go over a limit. */
const exceeds = (limit: CapLimit, count: number): boolean => count + 1 > limit.max;

const capReached = (action: CapAction) =>
  action === 'upload' ? CAP_CODES.uploadCapReached : CAP_CODES.selectCapReached;

/** Whether the student's own caps leave the item out: it was entered by the school (or as the caps say). */
const exemptFromCaps = (limits: readonly CapLimit[], item: PortfolioItem): boolean =>
  (limits[0]?.exempt ?? DEFAULT_EXEMPT).includes(item.entry);

/** Checks an item against every cap on an action: the student's other items in the same period, plus this one. */
export function checkCaps(
  effective: EffectivePack,
  action: CapAction,
  item: PortfolioItem,
  items: readonly PortfolioItem[],
): Part {
  const limits = capLimits(effective, item.kind, action);
  const steps: Step[] = [];
  const findings: Finding[] = [];
  if (exemptFromCaps(limits, item)) {
    const exempt = limits[0]?.exempt ?? DEFAULT_EXEMPT;
    const detail = {
      'zh-TW': `學校登錄之資料 (${item.entry}) 不計入學生件數上限`,
      en: `records entered by the school (${item.entry}) do not count against the student's caps`,
    };
    return {
      steps: [
        {
          rule: `caps.${item.kind}.${action}`,
          outcome: 'skipped',
          source: EXEMPT_SOURCE,
          detail,
          data: { entry: item.entry, exempt },
        },
      ],
      findings: [],
    };
  }
  if (limits.length === 0) {
    const detail = { 'zh-TW': '此項未訂件數上限', en: 'no cap is set for this action' };
    return { steps: [{ rule: `caps.${item.kind}.${action}`, outcome: 'skipped', detail }], findings: [] };
  }
  const reported = new Set<string>();
  for (const limit of limits) {
    const period = periodOf(item, limit.per) ?? '';
    const count = countUnder(limit, action, item, items);
    const params = {
      kind: item.kind,
      max: limit.max,
      per: limit.per,
      count,
      period,
      ...(limit.source && { source: limit.source }),
    };
    const cited = cite(limit);
    const key = `${limit.max}|${limit.per}`;
    // Object.assign, not `{ ...params, … }`: see cite.
    const data = Object.assign({}, params, { exempt: limit.exempt, countsRejected: limit.countsRejected });
    if (exceeds(limit, count)) {
      const finding = createFinding(capReached(action), params, { rule: limit.rule, subject: item.id, ...cited });
      if (!reported.has(key)) findings.push(finding);
      reported.add(key);
      steps.push({ rule: limit.rule, outcome: 'failed', ...cited, detail: finding.message, data });
      continue;
    }
    if (count + 1 === limit.max && !reported.has(key)) {
      reported.add(key);
      findings.push(
        createFinding(CAP_CODES.lastSlot, Object.assign({}, params, { action }), {
          rule: limit.rule,
          subject: item.id,
          ...cited,
        }),
      );
    }
    const detail = {
      'zh-TW': `${period} 已有 ${count} 件，上限 ${limit.max} 件`,
      en: `${period} has ${count}, the cap is ${limit.max}`,
    };
    steps.push({ rule: limit.rule, outcome: 'passed', ...cited, detail, data });
  }
  return { steps, findings };
}

/** The verdict of {@link checkCaps} without its steps and findings: no cap would be exceeded by one more item. */
export function capsAllow(
  effective: EffectivePack,
  action: CapAction,
  item: PortfolioItem,
  items: readonly PortfolioItem[],
): boolean {
  const limits = capLimits(effective, item.kind, action);
  if (exemptFromCaps(limits, item) || !refuses(capReached(action))) return true;
  return !limits.some((limit) => exceeds(limit, countUnder(limit, action, item, items)));
}

const NO_SUBMISSIONS: readonly Submission[] = [];

/** The verdict of {@link checkLock} without its step and finding. */
export function lockAllows(submissions: readonly Submission[] | undefined, item: PortfolioItem): boolean {
  return (
    submissions === undefined ||
    lockingSubmission(submissions, item) === undefined ||
    !refuses(SUBMISSION_CODES.studentSideLocked)
  );
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

/**
 * May the student upload this item now? Lock, window, files, then the upload caps. The verdict is
 * taken now; the findings and the explanation are built by {@link explainUpload} when first read.
 */
export function checkUpload(effective: EffectivePack, request: UploadRequest): Explained {
  const { item } = request;
  const allowed =
    lockAllows(request.submissions, item) &&
    spanAllows(request.window, request.at) &&
    filesAllow(effective, item) &&
    capsAllow(effective, 'upload', item, request.items);
  return deferExplained(allowed, () => explainUpload(effective, request));
}

/** {@link checkUpload} with every step and finding built at once: the single source of its explanation. */
export function explainUpload(effective: EffectivePack, request: UploadRequest): Explained {
  const day = toPlainDate(request.at);
  return combine([
    checkLock(request.submissions ?? NO_SUBMISSIONS, request.item),
    checkSpan(request.window, day, ACTIVITY.upload[request.item.kind], request.item.id),
    checkFiles(effective, request.item),
    checkCaps(effective, 'upload', request.item, request.items),
  ]);
}

/** The selection window part, for the selection module. */
export function checkSelectionWindow(item: PortfolioItem, day: PlainDate, window: DateSpan | undefined): Part {
  return checkSpan(window, day, ACTIVITY.select[item.kind], item.id);
}
