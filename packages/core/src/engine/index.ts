import type { PlainDate } from '../_lib/date';
import { decideUpload, limitsFor, type CapAction, type CapLimit, type UploadRequest } from '../caps/decide';
import {
  decideTransition,
  transitionProblem,
  type CertificationEvent,
  type TransitionContext,
  type TransitionResult,
} from '../certification';
import { createFinding, hasErrors } from '../findings/define';
import type { Finding } from '../catalogue';
import { effectiveFor, LAYERING_CODES, type EffectivePack, type Resolution } from '../layering';
import { divisionFinding } from '../layering/divisions';
import type { Division } from '../units';
import type { Validation } from '../pack';
import type { StudentKind } from '../records';
import type { CourseOutcome, PortfolioItem, Student } from '../records/items';
// The decisions themselves, not the exported functions that check their arguments first: the engine checks them once.
import {
  receiptTransition,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
} from '../receipts/confirm';
import {
  finalSubmit,
  leaverNotices,
  type FinalDecision,
  type FinalRequest,
  type LeaverNotice,
} from '../receipts/final';
import { checkReceiptPeriod } from '../submission/receipt-period';
import type { Actor } from '../roles/actor';
import { decideDeselect, decideSelect, decideSelection, type SelectDecision, type SelectRequest } from '../selection';
import { decideSubmission, type SubmitDecision, type SubmitRequest } from '../submission';
import { submitRequestProblem } from '../submission/request';
import {
  finalRequestProblem,
  leaversProblem,
  receiptArgumentsProblem,
  receiptPeriodProblem,
} from '../receipts/request';
import {
  eachOf,
  effectiveProblem,
  isObject,
  itemRequestProblem,
  type Problem,
  refuseMalformed,
  termProblem,
  under,
} from '../requests';
import { formatTerm, parseTerm, type Term, type TermCode } from '../term';
import { decide, type Explained, type Step } from '../decision/explanation';
import { PackError } from './pack-error';

export { explain, type Explainable, type Explained, type Step, type StepOutcome } from '../decision/explanation';
export type { DateSpan } from '../windows/span';
export { PackError } from './pack-error';

/**
 * The rules of one school compiled once, asked many times. Every check takes the time as an
 * argument and returns `{ allowed, findings, explanation }`; transitions return the new record and
 * the events to record, or a refusal. The effective pack is picked by the record's term, so one
 * engine serves the pre-reform and the current national versions.
 */
export interface Engine {
  /** The effective pack for a term, or undefined when the pack does not apply to it. */
  effectiveFor(term: Term | TermCode): EffectivePack | undefined;
  /** The caps that hold for a kind and action in a term: the pack's, then each national bound. */
  limits(kind: StudentKind, action: CapAction, term: Term | TermCode): readonly CapLimit[];
  checkUpload(request: UploadRequest): Explained;
  checkSelection(request: SelectRequest): Explained;
  select(request: SelectRequest): SelectDecision;
  deselect(request: SelectRequest): SelectDecision;
  transition(
    item: CourseOutcome,
    event: CertificationEvent,
    actor: Actor,
    at: PlainDate | Date,
    context?: Omit<TransitionContext, 'effective'>,
  ): TransitionResult;
  submit(request: SubmitRequest): SubmitDecision;
  checkReceiptPeriod(
    term: Term | TermCode,
    period: { readonly opens: PlainDate; readonly closes: PlainDate },
  ): Explained;
  receipt(
    receipt: Receipt,
    event: ReceiptEvent,
    actor: Actor,
    at: PlainDate | Date,
    context?: Omit<ReceiptContext, 'effective'>,
  ): ReceiptResult;
  finalSubmit(request: FinalRequest): FinalDecision;
  leaverNotices(
    term: Term | TermCode,
    students: readonly Student[],
    opens: PlainDate,
  ): { readonly notices: readonly LeaverNotice[]; readonly findings: readonly Finding[] };
}

const isKind = (kind: unknown): kind is StudentKind => kind === 'courseOutcome' || kind === 'diversePerformance';
const isAction = (action: unknown): action is CapAction => action === 'upload' || action === 'select';

function isResolution(input: EffectivePack | Resolution): input is Resolution {
  return 'versions' in input;
}

const isValidation = (input: unknown): input is Validation => isObject(input) && 'loaded' in input;

/** The pack an engine is built on; one whose findings hold an error is refused (PackError). */
function packOf(input: EffectivePack | Resolution | Validation): EffectivePack | Resolution {
  if (isValidation(input)) {
    if (!input.resolution || hasErrors(input.findings)) throw new PackError(input.findings);
    return input.resolution;
  }
  const findings: unknown = isObject(input) ? input.findings : undefined;
  if (Array.isArray(findings) && findings.some((finding) => isObject(finding) && finding.severity === 'error'))
    throw new PackError(findings as readonly Finding[]);
  return input;
}

/** What createEngine takes: an effective pack, or a resolution whose versions all are. */
function inputProblem(input: unknown): Problem | undefined {
  if (isObject(input) && Array.isArray(input.versions))
    return under('input.versions', eachOf(input.versions, effectiveProblem));
  return under('input', effectiveProblem(input));
}

/** An engine made of something that is not a pack: it refuses every request (PR8100) and knows no term. */
function refusingEngine(found: Problem): Engine {
  const refusal = () => refuseMalformed('createEngine', found);
  const refusedTransition = () => {
    const { findings, explanation } = refusal();
    return { ok: false as const, findings, explanation };
  };
  return {
    effectiveFor: () => undefined,
    limits: () => [],
    checkUpload: refusal,
    checkSelection: refusal,
    select: refusal,
    deselect: refusal,
    transition: refusedTransition,
    submit: refusal,
    checkReceiptPeriod: refusal,
    receipt: refusedTransition,
    finalSubmit: refusal,
    leaverNotices: () => ({ notices: [], findings: refusal().findings }),
  };
}

function toTerm(term: Term | TermCode): Term | undefined {
  return typeof term === 'string' ? parseTerm(term) : term;
}

/** The term a record belongs to: a course outcome's own; a diverse performance's, or the first semester of its academic year. */
function termOf(item: PortfolioItem): Term | undefined {
  if (item.term !== undefined) return parseTerm(item.term);
  return item.kind === 'diversePerformance' ? { year: item.academicYear, semester: 1 } : undefined;
}

/**
 * Compiles a school's rules once: from `validatePack`'s answer, the resolution of `resolvePack` (one
 * effective pack per national version), or one effective pack. Throws a `PackError`, carrying the
 * findings, when the pack has errors (warnings are fine): a broken pack cannot go live unnoticed.
 * Something that is not a pack at all gives an engine that refuses every request (PR8100).
 */
export function createEngine(given: EffectivePack | Resolution | Validation): Engine {
  const input = packOf(given);
  const found = inputProblem(input);
  if (found) return refusingEngine(found);
  const resolution: Resolution = isResolution(input) ? input : { versions: [input], findings: [] };
  const cache = new Map<TermCode, EffectivePack | undefined>();
  const lookup = (term: Term | TermCode | undefined): EffectivePack | undefined => {
    const parsed = term === undefined ? undefined : toTerm(term);
    if (!parsed) return undefined;
    const code = formatTerm(parsed);
    if (!cache.has(code)) cache.set(code, effectiveFor(resolution, parsed));
    return cache.get(code);
  };

  /** The refusal when the pack does not apply to a term (PR2007). */
  const outside = (term: Term | TermCode | undefined, subject: string): Explained => {
    const first = resolution.versions[0];
    const code = term === undefined ? '?' : typeof term === 'string' ? term : formatTerm(term);
    const params = {
      term: code,
      ...(first?.appliesFrom && { from: formatTerm(first.appliesFrom) }),
      ...(first?.appliesUntil && { until: formatTerm(first.appliesUntil) }),
    };
    const finding = createFinding(LAYERING_CODES.termOutsidePack, params, { rule: 'layering.term', subject });
    const step: Step = { rule: 'layering.term', outcome: 'failed', detail: finding.message, data: params };
    return decide([step], [finding]);
  };

  /** A request of a division the pack does not list is refused (PR2008) before any rule; else `run` decides. */
  const inDivision = <R>(
    effective: EffectivePack,
    division: Division | undefined,
    subject: string,
    run: () => R,
    refuse: (decision: Explained) => R,
  ): R => {
    const finding = divisionFinding(effective.values, division, subject);
    if (!finding) return run();
    const step: Step = { rule: 'layering.division', outcome: 'failed', detail: finding.message, data: finding.data };
    return refuse(decide([step], [finding]));
  };

  /** The effective pack of a record's term as the record writes it (`11201` or `112-1`), remembered for the terms that parse. */
  const byTermText = new Map<string, EffectivePack | undefined>();
  const lookupItem = (item: PortfolioItem): EffectivePack | undefined => {
    if (item.term === undefined) return lookup(termOf(item));
    if (byTermText.has(item.term)) return byTermText.get(item.term);
    const term = parseTerm(item.term);
    const effective = lookup(term);
    if (term) byTermText.set(item.term, effective);
    return effective;
  };

  /** A request about an item, decided by the pack of the item's term, in a division the pack lists. */
  const byItem = <R>(
    { item, division }: { readonly item: PortfolioItem; readonly division?: Division | undefined },
    run: (effective: EffectivePack) => R,
    refuse: (decision: Explained) => R,
  ): R => {
    const effective = lookupItem(item);
    return effective
      ? inDivision(effective, division, item.id, () => run(effective), refuse)
      : refuse(outside(termOf(item), item.id));
  };

  const asTransition = (
    decision: Explained,
  ): { ok: false; findings: readonly Finding[]; explanation: readonly Step[] } => ({
    ok: false,
    findings: decision.findings,
    explanation: decision.explanation,
  });

  /** A malformed request is refused before any pack is looked up (PR8100); else `run` decides. */
  const checked = <R>(
    method: string,
    found: Problem | undefined,
    refuse: (decision: Explained) => R,
    run: () => R,
  ): R => (found ? refuse(refuseMalformed(method, found)) : run());
  const same = (decision: Explained) => decision;

  return {
    effectiveFor: (term) => (termProblem(term) ? undefined : lookup(term)),
    limits: (kind, action, term) => {
      const effective = termProblem(term) ? undefined : lookup(term);
      return effective && isKind(kind) && isAction(action) ? limitsFor(effective, kind, action) : [];
    },
    checkUpload: (request) =>
      checked('checkUpload', under('request', itemRequestProblem(request, false)), same, () =>
        byItem(request, (effective) => decideUpload(effective, request), same),
      ),
    checkSelection: (request) =>
      checked('checkSelection', under('request', itemRequestProblem(request, true)), same, () =>
        byItem(request, (effective) => decideSelection(effective, request), same),
      ),
    select: (request) =>
      checked('select', under('request', itemRequestProblem(request, true)), same, () =>
        byItem(request, (effective) => decideSelect(effective, request), same),
      ),
    deselect: (request) =>
      checked('deselect', under('request', itemRequestProblem(request, true)), same, () => {
        // Taking an item out of the selection needs no rule of the term's pack, but a division the pack lists.
        const effective = lookupItem(request.item);
        const run = () => decideDeselect(request, effective);
        return effective ? inDivision(effective, request.division, request.item.id, run, same) : run();
      }),
    transition: (item, event, actor, at, context = {}) =>
      checked('transition', transitionProblem(item, event, actor, at, context), asTransition, () =>
        byItem(
          { item, division: context.division },
          (effective) => decideTransition(item, event, actor, at, { ...context, effective }),
          asTransition,
        ),
      ),
    submit: (request) =>
      checked('submit', under('request', submitRequestProblem(request)), same, () => {
        const effective = lookup(request.term);
        const subject = `${request.category}:${request.term}`;
        return effective
          ? inDivision(effective, request.division, subject, () => decideSubmission(effective, request), same)
          : outside(request.term, subject);
      }),
    checkReceiptPeriod: (term, period) =>
      checked('checkReceiptPeriod', receiptPeriodProblem(term, period), same, () => {
        const effective = lookup(term);
        return effective ? checkReceiptPeriod(effective, period) : outside(term, `${period.opens}..${period.closes}`);
      }),
    receipt: (receipt, event, actor, at, context = {}) =>
      checked('receipt', receiptArgumentsProblem(receipt, event, actor, at, context), asTransition, () => {
        const effective = lookup(receipt.term);
        const subject = `${receipt.studentId}:${receipt.category}`;
        return effective
          ? inDivision(
              effective,
              context.division,
              subject,
              () => receiptTransition(receipt, event, actor, at, { ...context, effective }),
              asTransition,
            )
          : asTransition(outside(receipt.term, subject));
      }),
    finalSubmit: (request) =>
      checked('finalSubmit', under('request', finalRequestProblem(request)), same, () => {
        const effective = lookup(request.term);
        const subject = `${request.category}:${request.term}`;
        return effective
          ? inDivision(effective, request.division, subject, () => finalSubmit(effective, request), same)
          : outside(request.term, subject);
      }),
    leaverNotices: (term, students, opens) =>
      checked(
        'leaverNotices',
        leaversProblem(term, students, opens),
        (refusal) => ({ notices: [], findings: refusal.findings }),
        () => {
          const effective = lookup(term);
          return effective
            ? leaverNotices(effective, students, opens)
            : { notices: [], findings: outside(term, 'receipts.leaverNotice').findings };
        },
      ),
  };
}
