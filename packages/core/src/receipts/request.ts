import {
  actorProblem,
  dayProblem,
  eachOf,
  EXPECTED,
  finalProblem,
  instantProblem,
  isObject,
  isTerm,
  optionalTextProblem as optionalText,
  periodProblem,
  problem,
  receiptCategoryProblem,
  rosterRequestProblem,
  type Problem,
  roundProblem,
  spanProblem,
  studentProblem,
  submissionProblem,
  termProblem,
  under,
  unitOptionsProblem,
} from '../requests';
import type { PlainDate } from '../_lib/date';
import type { Finding } from '../catalogue';
import type { Explained } from '../decision/explanation';
import type { EffectivePack } from '../layering';
import type { Student } from '../records/items';
import { effectiveProblem, refuseMalformed } from '../requests';
import type { Actor } from '../roles/actor';
import { checkReceiptPeriod as decidePeriod } from '../submission/receipt-period';
import {
  RECEIPT_STATES,
  receiptTransition as decideReceipt,
  type Receipt,
  type ReceiptContext,
  type ReceiptEvent,
  type ReceiptResult,
} from './confirm';
import {
  finalSubmit as decideFinal,
  type FinalDecision,
  type FinalRequest,
  leaverNotices as decideLeavers,
  type LeaverNotice,
} from './final';

const STATUS = { 'zh-TW': RECEIPT_STATES.join('、'), en: RECEIPT_STATES.join(', ') };
const EVENT = { 'zh-TW': 'confirm、dispute 或 resolve', en: 'confirm, dispute or resolve' };

function receiptProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  if (typeof value.studentId !== 'string' || value.studentId === '')
    return problem('studentId', EXPECTED.text, value.studentId);
  return (
    under('category', receiptCategoryProblem(value.category)) ??
    (isTerm(value.term) ? undefined : problem('term', EXPECTED.term, value.term)) ??
    ((RECEIPT_STATES as readonly unknown[]).includes(value.status)
      ? undefined
      : problem('status', STATUS, value.status)) ??
    optionalText(value, 'dispute') ??
    optionalText(value, 'resolution') ??
    optionalText(value, 'confirmedBy') ??
    (value.confirmedOn === undefined ? undefined : under('confirmedOn', dayProblem(value.confirmedOn))) ??
    under('round', roundProblem(value.round))
  );
}

/** The arguments of a receipt transition: the receipt, the event (a text left out is the rule's to refuse, PR7015), who, when, the context. */
export function receiptArgumentsProblem(
  receipt: unknown,
  event: unknown,
  actor: unknown,
  at: unknown,
  context: unknown,
): Problem | undefined {
  const found = under('receipt', receiptProblem(receipt));
  if (found) return found;
  if (!isObject(event)) return problem('event', EXPECTED.object, event);
  if (event.type !== 'confirm' && event.type !== 'dispute' && event.type !== 'resolve')
    return problem('event.type', EVENT, event.type);
  if (context !== undefined && !isObject(context)) return problem('context', EXPECTED.object, context);
  const options = context ?? {};
  return (
    under('event', optionalText(event, 'text')) ??
    under('actor', actorProblem(actor)) ??
    under('at', instantProblem(at)) ??
    under('context', unitOptionsProblem(options)) ??
    (options.period === undefined ? undefined : under('context.period', spanProblem(options.period))) ??
    under('context.finals', eachOf(options.finals, finalProblem, false)) ??
    under('context.submissions', eachOf(options.submissions, submissionProblem, false))
  );
}

/** A final submission request: the category and term, who and when, the receipts and the finals so far, maybe the period and the rounds submitted. */
export const finalRequestProblem = (request: unknown): Problem | undefined =>
  rosterRequestProblem(
    request,
    (value) =>
      under('receipts', eachOf(value.receipts, receiptProblem)) ??
      under('finals', eachOf(value.finals, finalProblem)) ??
      (value.period === undefined ? undefined : under('period', spanProblem(value.period))) ??
      under('submissions', eachOf(value.submissions, submissionProblem, false)),
  );

/** The arguments of a receipt period check: the term and the period. */
export const receiptPeriodProblem = (term: unknown, period: unknown): Problem | undefined =>
  under('term', termProblem(term)) ?? under('period', periodProblem(period));

/** The arguments of leaver notices: the term, the students, the day confirmation opens. */
export const leaversProblem = (term: unknown, students: unknown, opens: unknown): Problem | undefined =>
  under('term', termProblem(term)) ??
  under('students', eachOf(students, studentProblem)) ??
  under('opens', dayProblem(opens));

const packProblem = (effective: unknown): Problem | undefined => under('effective', effectiveProblem(effective));

/** A receipt's confirmation, dispute or resolution (see `receiptTransition` in confirm.ts); malformed arguments are refused (PR8100). */
export function receiptTransition(
  receipt: Receipt,
  event: ReceiptEvent,
  actor: Actor,
  at: PlainDate | Date,
  context: ReceiptContext,
): ReceiptResult {
  const found =
    receiptArgumentsProblem(receipt, event, actor, at, context) ??
    under('context', packProblem((context as { effective?: unknown } | undefined)?.effective));
  if (!found) return decideReceipt(receipt, event, actor, at, context);
  const { findings, explanation } = refuseMalformed('receiptTransition', found);
  return { ok: false, findings, explanation };
}

/** Whether a receipt-confirmation period is long enough; malformed arguments are refused (PR8100). */
export function checkReceiptPeriod(
  effective: EffectivePack,
  period: { readonly opens: PlainDate; readonly closes: PlainDate },
): Explained {
  const found = packProblem(effective) ?? under('period', periodProblem(period));
  return found ? refuseMalformed('checkReceiptPeriod', found) : decidePeriod(effective, period);
}

/** The final submission of a category and term; a malformed request is refused (PR8100). */
export function finalSubmit(effective: EffectivePack, request: FinalRequest): FinalDecision {
  const found = packProblem(effective) ?? under('request', finalRequestProblem(request));
  return found ? refuseMalformed('finalSubmit', found) : decideFinal(effective, request);
}

/** The students to notify by paper or e-mail; malformed arguments give no notices and a refusal (PR8100). */
export function leaverNotices(
  effective: EffectivePack,
  students: readonly Student[],
  opens: PlainDate,
): { readonly notices: readonly LeaverNotice[]; readonly findings: readonly Finding[] } {
  const found =
    packProblem(effective) ?? under('students', eachOf(students, studentProblem)) ?? under('opens', dayProblem(opens));
  return found
    ? { notices: [], findings: refuseMalformed('leaverNotices', found).findings }
    : decideLeavers(effective, students, opens);
}
