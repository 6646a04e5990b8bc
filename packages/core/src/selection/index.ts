import { toPlainDate, type PlainDate } from '../_lib/date';
import { capsAllow, checkCaps, checkSelectionWindow } from '../caps/decide';
import { CERTIFICATION_CODES } from '../certification/codes';
import { deferExplained } from '../decision/deferred';
import { combine, type Explained, type Part, refuses } from '../decision/explanation';
import { type DateSpan, spanAllows } from '../windows/span';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import type { PortfolioItem } from '../records/items';
import type { Actor } from '../roles/actor';
import { effectiveProblem, itemRequestProblem, type Problem, refuseMalformed, under } from '../requests';
import { checkLock, lockAllows, type Submission } from '../submission';
import { checkItemFinalLock, type FinalLockContext, itemFinalAllows } from '../submission/final-lock';

/** Only what the course teacher certified can be selected (seed 002, 4-7 item 1: 教師需認證過，學生方可勾選提交). */
const CERTIFIED_ONLY: Source = { document: '學習歷程平臺操作手冊', clause: '4-7' };
/** Students choose what to select; nobody selects for them (學習歷程檔案QA 一(三); seed 002, 4-10). */
const STUDENT_CHOICE: Source = { document: '學習歷程檔案QA', clause: '一(三)' };

export interface SelectRequest extends FinalLockContext {
  readonly item: PortfolioItem;
  /** The student's items on the platform, to count against the selection caps. */
  readonly items: readonly PortfolioItem[];
  readonly actor: Actor;
  readonly at: PlainDate | Date;
  readonly submissions?: readonly Submission[];
  /** The selection window, as the windows resolver gives it. */
  readonly window?: DateSpan;
}

export interface SelectDecision extends Explained {
  /** The item with its new selection, when allowed. */
  readonly item?: PortfolioItem;
}

const isOwner = (item: PortfolioItem, actor: Actor): boolean =>
  actor.roles.includes('student') && actor.studentId === item.studentId;

function checkOwner(item: PortfolioItem, actor: Actor, event: 'select' | 'deselect'): Part {
  const rule = 'selection.student';
  if (isOwner(item, actor)) {
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          source: STUDENT_CHOICE,
          detail: { 'zh-TW': '學生自行決定勾選', en: 'the student decides on their own item' },
        },
      ],
      findings: [],
    };
  }
  const finding = createFinding(
    CERTIFICATION_CODES.notAuthorised,
    { actor: actor.id, event, authorised: `student ${item.studentId}`, source: STUDENT_CHOICE },
    { rule, subject: item.id, source: STUDENT_CHOICE },
  );
  return { steps: [{ rule, outcome: 'failed', source: STUDENT_CHOICE, detail: finding.message }], findings: [finding] };
}

/** What stands in the way of changing an item's selection, whoever asks: withdrawn (PR4007), or for selecting a course outcome not certified (PR4010). */
export type StandingVerdict =
  typeof CERTIFICATION_CODES.withdrawn | typeof CERTIFICATION_CODES.notCertified | undefined;

/**
 * The standing rule, the one place it is decided: a withdrawn item cannot be selected or deselected;
 * only a certified course outcome can be selected (seed 002, 4-7 item 1: 教師需認證過，學生方可勾選提交).
 */
export function standingVerdict(
  item: Pick<PortfolioItem, 'withdrawn' | 'kind'> & { readonly state?: string },
  event: 'select' | 'deselect',
): StandingVerdict {
  if (item.withdrawn) return CERTIFICATION_CODES.withdrawn;
  if (event === 'deselect' || item.kind !== 'courseOutcome' || item.state === 'certified') return undefined;
  return CERTIFICATION_CODES.notCertified;
}

/** Whether an item may be selected at all: not withdrawn, and for a course outcome certified (seed 002, 4-7). */
export function checkStanding(item: PortfolioItem, event: 'select' | 'deselect'): Part {
  const verdict = standingVerdict(item, event);
  if (verdict === CERTIFICATION_CODES.withdrawn) {
    const finding = createFinding(
      CERTIFICATION_CODES.withdrawn,
      { event },
      { rule: 'selection.withdrawn', subject: item.id },
    );
    return {
      steps: [{ rule: 'selection.withdrawn', outcome: 'failed', detail: finding.message }],
      findings: [finding],
    };
  }
  if (event === 'deselect' || item.kind !== 'courseOutcome') return { steps: [], findings: [] };
  const rule = 'selection.certified';
  if (verdict === undefined)
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          source: CERTIFIED_ONLY,
          detail: { 'zh-TW': '已認證成功', en: 'certified' },
          data: { state: item.state },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    CERTIFICATION_CODES.notCertified,
    { state: item.state, source: CERTIFIED_ONLY, studentId: item.studentId },
    { rule, subject: item.id, source: CERTIFIED_ONLY },
  );
  return {
    steps: [{ rule, outcome: 'failed', source: CERTIFIED_ONLY, detail: finding.message, data: { state: item.state } }],
    findings: [finding],
  };
}

/** The verdict of {@link checkStanding} without its step and finding. */
export function standingAllows(item: PortfolioItem, event: 'select' | 'deselect'): boolean {
  const verdict = standingVerdict(item, event);
  return verdict === undefined || !refuses(verdict);
}

/** The verdict of everything both selecting and deselecting ask: final submission, lock, owner, standing, window. */
function mayChangeSelection(request: SelectRequest, event: 'select' | 'deselect'): boolean {
  const { item } = request;
  return (
    itemFinalAllows(request.finals, item, request.division) &&
    lockAllows(request.submissions, item) &&
    (isOwner(item, request.actor) || !refuses(CERTIFICATION_CODES.notAuthorised)) &&
    standingAllows(item, event) &&
    spanAllows(request.window, request.at)
  );
}

/**
 * May the student select (勾選) this item for the central database now? Final submission, lock, owner,
 * certified, window, then every selection cap. The verdict is taken now; the findings and the explanation are
 * built by {@link explainSelection} when first read.
 */
export function checkSelection(effective: EffectivePack, request: SelectRequest): Explained {
  const found = selectionProblem(effective, request);
  return found ? refuseMalformed('checkSelection', found) : decideSelection(effective, request);
}

/** Where a selection request (or its pack) is malformed, if anywhere. */
function selectionProblem(effective: EffectivePack | undefined, request: unknown): Problem | undefined {
  return (
    (effective === undefined ? undefined : under('effective', effectiveProblem(effective))) ??
    under('request', itemRequestProblem(request, true))
  );
}

/** {@link checkSelection} on a request already checked. */
export function decideSelection(effective: EffectivePack, request: SelectRequest): Explained {
  const allowed = mayChangeSelection(request, 'select') && capsAllow(effective, 'select', request.item, request.items);
  return deferExplained(allowed, () => explainSelection(effective, request));
}

/** {@link checkSelection} with every step and finding built at once: the single source of its explanation. */
export function explainSelection(effective: EffectivePack, request: SelectRequest): Explained {
  const day = toPlainDate(request.at);
  return combine([
    ...finalLockOf(effective, request),
    checkLock(request.submissions ?? [], request.item),
    checkOwner(request.item, request.actor, 'select'),
    checkStanding(request.item, 'select'),
    checkSelectionWindow(request.item, day, request.window),
    checkCaps(effective, 'select', request.item, request.items),
  ]);
}

/**
 * The decision, and when it allows the change the item with its new selection, added last (after
 * the lazy findings and explanation). The item is copied with Object.assign, not `{ ...item, … }`
 * (see layerAndSource in decision/explanation).
 */
function withItem(decision: Explained, request: SelectRequest, selected: boolean): SelectDecision {
  return decision.allowed ? Object.assign(decision, { item: Object.assign({}, request.item, { selected }) }) : decision;
}

/** Selects the item when allowed: the decision and the item with `selected: true`. */
export function selectItem(effective: EffectivePack, request: SelectRequest): SelectDecision {
  const found = selectionProblem(effective, request);
  return found ? refuseMalformed('select', found) : decideSelect(effective, request);
}

/** {@link selectItem} on a request already checked. */
export function decideSelect(effective: EffectivePack, request: SelectRequest): SelectDecision {
  return withItem(decideSelection(effective, request), request, true);
}

/** The final lock's part when the request passes `finals` (PR7014). */
const finalLockOf = (effective: EffectivePack | undefined, request: SelectRequest): Part[] =>
  request.finals ? [checkItemFinalLock(effective, request.finals, request.item, request.division)] : [];

/**
 * Takes an item out of the selection: the student, before the roster is submitted or finally
 * submitted and within the window. The pack, when given, names the clause of a refusal by the final
 * submission (the pack's own `finalSubmission` window); without it the national clause is cited.
 */
export function deselectItem(request: SelectRequest, effective?: EffectivePack): SelectDecision {
  const found = selectionProblem(effective, request);
  return found ? refuseMalformed('deselect', found) : decideDeselect(request, effective);
}

/** {@link deselectItem} on a request already checked. */
export function decideDeselect(request: SelectRequest, effective?: EffectivePack): SelectDecision {
  return withItem(
    deferExplained(mayChangeSelection(request, 'deselect'), () => explainDeselection(request, effective)),
    request,
    false,
  );
}

/** {@link deselectItem}'s decision with every step and finding built at once. */
export function explainDeselection(request: SelectRequest, effective?: EffectivePack): Explained {
  const day = toPlainDate(request.at);
  return combine([
    ...finalLockOf(effective, request),
    checkLock(request.submissions ?? [], request.item),
    checkOwner(request.item, request.actor, 'deselect'),
    checkStanding(request.item, 'deselect'),
    checkSelectionWindow(request.item, day, request.window),
  ]);
}
