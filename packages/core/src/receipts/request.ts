import {
  actorProblem,
  dayProblem,
  eachOf,
  EXPECTED,
  instantProblem,
  isObject,
  isTerm,
  periodProblem,
  problem,
  type Problem,
  roundProblem,
  spanProblem,
  studentProblem,
  submissionProblem,
  termProblem,
  under,
  unitOptionsProblem,
} from '../requests';
import {
  categoryProblem,
  finalProblem,
  optionalTextProblem as optionalText,
  receiptCategoryProblem,
} from '../submission/request';
import { RECEIPT_STATES } from './confirm';

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
  const options = (context ?? {}) as Record<string, unknown>;
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
export function finalRequestProblem(request: unknown): Problem | undefined {
  if (!isObject(request)) return problem('', EXPECTED.object, request);
  return (
    under('category', categoryProblem(request.category)) ??
    (isTerm(request.term) ? undefined : problem('term', EXPECTED.term, request.term)) ??
    under('actor', actorProblem(request.actor)) ??
    under('at', instantProblem(request.at)) ??
    under('receipts', eachOf(request.receipts, receiptProblem)) ??
    under('finals', eachOf(request.finals, finalProblem)) ??
    unitOptionsProblem(request) ??
    (request.period === undefined ? undefined : under('period', spanProblem(request.period))) ??
    under('submissions', eachOf(request.submissions, submissionProblem, false))
  );
}

/** The arguments of a receipt period check: the term and the period. */
export const receiptPeriodProblem = (term: unknown, period: unknown): Problem | undefined =>
  under('term', termProblem(term)) ?? under('period', periodProblem(period));

/** The arguments of leaver notices: the term, the students, the day confirmation opens. */
export const leaversProblem = (term: unknown, students: unknown, opens: unknown): Problem | undefined =>
  under('term', termProblem(term)) ??
  under('students', eachOf(students, studentProblem)) ??
  under('opens', dayProblem(opens));
