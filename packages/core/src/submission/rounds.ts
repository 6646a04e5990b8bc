import type { PlainDate } from '../_lib/date';
import type { Source } from '../findings/types';
import type { TermCode } from '../term';
import type { Division } from '../units';
import { ofRoster, type SubmissionCategory } from './roster';

/**
 * A second platform vendor's manual, as issue 14 of this project describes it (its text is not among
 * our sources, so the clause is named by topic): when the school finds submitted data wrong it corrects
 * it and submits again; each submission brings a new round of receipts with a new confirmation period,
 * and the final submission waits for the latest round.
 */
export const ROUNDS_SOURCE: Source = { document: '平臺廠商操作手冊 (第二家)', clause: '重新提交與收訖明細' };

/** A receipt-confirmation period announced with a round: both ends are days of confirmation. */
export interface ReceiptPeriod {
  readonly opens: PlainDate;
  readonly closes: PlainDate;
}

/** What rounds need of a submission (the `Submission` of this folder, or an audit's record). */
export interface RoundEntry {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  readonly submittedOn: PlainDate;
  readonly round?: number;
  /** The division whose roster it is; left out, the day division. Each division has its own rounds. */
  readonly division?: Division;
}

/** A submission's round: its number, or 1 for a submission recorded without one (before rounds). */
export function roundOf(submission: RoundEntry): number {
  return submission.round ?? 1;
}

/** The submissions of one roster (category, term and division; the day division if left out) in round order (by number, then by day). */
export function roundsOf<T extends RoundEntry>(
  submissions: readonly T[],
  category: SubmissionCategory,
  term: TermCode,
  division?: Division,
): readonly T[] {
  return submissions
    .filter((submission) => ofRoster(submission, category, term, division))
    .sort(
      (a, b) => roundOf(a) - roundOf(b) || (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0),
    );
}

/** The latest round of a category and term in a division (the day division if left out), if it was submitted. */
export function latestRound<T extends RoundEntry>(
  submissions: readonly T[],
  category: SubmissionCategory,
  term: TermCode,
  division?: Division,
): T | undefined {
  const rounds = roundsOf(submissions, category, term, division);
  return rounds[rounds.length - 1];
}

/** The number the next submission of these rounds gets (never one already used, even by unnumbered submissions). */
export function nextRound(rounds: readonly RoundEntry[]): number {
  return Math.max(rounds.length, ...rounds.map(roundOf)) + 1;
}
