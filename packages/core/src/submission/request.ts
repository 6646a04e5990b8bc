import {
  actorProblem,
  categoryProblem,
  eachOf,
  EXPECTED,
  finalProblem,
  instantProblem,
  isObject,
  isTerm,
  optionalTextProblem,
  periodProblem,
  problem,
  type Problem,
  spanProblem,
  submissionProblem,
  under,
  unitOptionsProblem,
} from '../requests';

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
