import { type PlainDate, toPlainDate } from '../_lib/date';
import { deferExplained } from '../decision/deferred';
import {
  combine,
  type Explained,
  layerAndSource,
  origin,
  type Part,
  refuses,
  type Step,
} from '../decision/explanation';
import { checkSpan, type DateSpan, spanAllows } from '../windows/span';
import { perPack } from '../decision/per-pack';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { EntrySource, StudentKind } from '../records';
import type { CertificationState, PortfolioItem } from '../records/items';
import { checkLock, lockAllows, type Submission } from '../submission';
import { checkItemFinalLock, type FinalLockContext, itemFinalAllows } from '../submission/final-lock';
import { parseTerm } from '../term';
import { effectiveProblem, itemRequestProblem, refuseMalformed, under } from '../requests';
import {
  type CapAction,
  capFinding,
  type CapLimit,
  capParams,
  capReached,
  capReportKey,
  capVerdict,
  type CapCase,
} from './judge';
import { unreachable } from '../_lib/unreachable';

export type { CapAction, CapLimit } from './judge';
import { checkFiles, filesAllow } from './files';
import type { Cap, Period } from './schema';

export { checkFiles } from './files';

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

/** What counting an item under a cap reads of it (a portfolio item, or one being generated). */
export interface CountedItem {
  readonly kind: StudentKind;
  readonly entry: EntrySource;
  readonly selected: boolean;
  readonly withdrawn?: boolean | undefined;
  readonly state?: CertificationState | undefined;
}

/** Whether an item counts under a limit at all, whatever its period: not withdrawn, not exempt, selected (for select), not a rejected item a cap leaves out (decision 0002). */
export function countsTowards(
  limit: Pick<CapLimit, 'exempt' | 'countsRejected'>,
  action: CapAction,
  item: CountedItem,
): boolean {
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
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const limit of limits) {
    const judged: CapCase = {
      limit,
      action,
      kind: item.kind,
      period: periodOf(item, limit.per) ?? '',
      count: countUnder(limit, action, item, items),
      subject: item.id,
    };
    const verdict = capVerdict(limit, judged.count, 1);
    const key = capReportKey(limit, judged.period);
    const finding = capFinding(verdict, judged);
    if (finding && !reported.has(key)) findings.push(finding);
    if (finding) reported.add(key);
    const cited = layerAndSource(limit);
    // Object.assign, not `{ ...params, … }`: see layerAndSource.
    const data = Object.assign(capParams(judged), { exempt: limit.exempt, countsRejected: limit.countsRejected });
    if (verdict === 'over') {
      steps.push({
        rule: limit.rule,
        outcome: 'failed',
        ...cited,
        detail: (finding ?? unreachable('the cap finding')).message,
        data,
      });
      continue;
    }
    const detail = {
      'zh-TW': `${judged.period} 已有 ${judged.count} 件，上限 ${limit.max} 件`,
      en: `${judged.period} has ${judged.count}, the cap is ${limit.max}`,
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
  return !limits.some((limit) => capVerdict(limit, countUnder(limit, action, item, items), 1) === 'over');
}

const NO_SUBMISSIONS: readonly Submission[] = [];

const ACTIVITY = {
  upload: { courseOutcome: 'courseOutcomeUpload', diversePerformance: 'diversePerformanceUpload' },
  select: { courseOutcome: 'courseOutcomeSelection', diversePerformance: 'diversePerformanceSelection' },
} as const;

export interface UploadRequest extends FinalLockContext {
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
 * May the student upload this item now? The final submission, the roster lock, window, files, then the upload caps. The verdict is
 * taken now; the findings and the explanation are built by {@link explainUpload} when first read. A
 * malformed request is refused (PR8100) before any rule is judged.
 */
export function checkUpload(effective: EffectivePack, request: UploadRequest): Explained {
  const found = under('effective', effectiveProblem(effective)) ?? under('request', itemRequestProblem(request, false));
  return found ? refuseMalformed('checkUpload', found) : decideUpload(effective, request);
}

/** {@link checkUpload} on a request already checked. */
export function decideUpload(effective: EffectivePack, request: UploadRequest): Explained {
  const { item } = request;
  const allowed =
    itemFinalAllows(request.finals, item, request.division) &&
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
    ...(request.finals ? [checkItemFinalLock(effective, request.finals, request.item, request.division)] : []),
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
