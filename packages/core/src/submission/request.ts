import { RECEIPT_CATEGORIES } from '../records';
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
  spanProblem,
  submissionProblem,
  under,
  unitOptionsProblem,
} from '../requests';

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
  value[key] === undefined || typeof value[key] === 'string'
    ? undefined
    : problem(key, EXPECTED.optionalText, value[key]);

/** A final submission made: its category, term and day, maybe its division. */
export function finalProblem(value: unknown): Problem | undefined {
  if (!isObject(value)) return problem('', EXPECTED.object, value);
  return (
    under('category', categoryProblem(value.category)) ??
    (isTerm(value.term) ? undefined : problem('term', EXPECTED.term, value.term)) ??
    under('finalOn', dayProblem(value.finalOn)) ??
    optionalTextProblem(value, 'division')
  );
}

/**
 * A submission request: the category and term, who submits and when, the rosters already in, maybe
 * the window; for a new round its correction, the period of its receipts and the final submissions.
 */
export function submitRequestProblem(request: unknown): Problem | undefined {
  if (!isObject(request)) return problem('', EXPECTED.object, request);
  return (
    under('category', categoryProblem(request.category)) ??
    (isTerm(request.term) ? undefined : problem('term', EXPECTED.term, request.term)) ??
    under('actor', actorProblem(request.actor)) ??
    under('at', instantProblem(request.at)) ??
    under('submissions', eachOf(request.submissions, submissionProblem)) ??
    unitOptionsProblem(request) ??
    (request.window === undefined ? undefined : under('window', spanProblem(request.window))) ??
    optionalTextProblem(request, 'correction') ??
    (request.receiptPeriod === undefined ? undefined : under('receiptPeriod', periodProblem(request.receiptPeriod))) ??
    under('finals', eachOf(request.finals, finalProblem, false))
  );
}
