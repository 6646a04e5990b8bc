import {
  eachOf,
  finalProblem,
  optionalTextProblem,
  periodProblem,
  type Problem,
  rosterRequestProblem,
  spanProblem,
  submissionProblem,
  under,
} from '../requests';

/**
 * A submission request: the category and term, who submits and when, the rosters already in, maybe
 * the window; for a new round its correction, the period of its receipts and the final submissions.
 */
export const submitRequestProblem = (request: unknown): Problem | undefined =>
  rosterRequestProblem(
    request,
    (value) =>
      under('submissions', eachOf(value.submissions, submissionProblem)) ??
      (value.window === undefined ? undefined : under('window', spanProblem(value.window))) ??
      optionalTextProblem(value, 'correction') ??
      (value.receiptPeriod === undefined ? undefined : under('receiptPeriod', periodProblem(value.receiptPeriod))) ??
      under('finals', eachOf(value.finals, finalProblem, false)),
  );
