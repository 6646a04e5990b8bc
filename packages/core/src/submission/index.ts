import { type PlainDate, toPlainDate } from '../_lib/date';
import { actingFor } from '../deputies';
import type { Duty } from '../duties';
import { decide, type Explained, origin, type Part, refuses, type Step } from '../decision/explanation';
import { checkFinalLock, type FinalSubmission } from './final-lock';
import { checkReceiptPeriod } from './receipt-period';
import { checkSpan, type DateSpan } from '../windows/span';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { ReceiptCategory } from '../records';
import type { PortfolioItem } from '../records/items';
import { type Actor, fillsLink } from '../roles/actor';
import { parseTerm, type TermCode } from '../term';
import type { Division } from '../units';
import { linkName, ownNamesOf } from '../names';
import { SUBMISSION_CODES } from './codes';
import { submitRequestProblem } from './request';
import { effectiveProblem, refuseMalformed, under } from '../requests';
import { nextRound, roundOf, roundsOf, ROUNDS_SOURCE, type ReceiptPeriod } from './rounds';
import type { SubmissionCategory } from './roster';

export { SUBMISSION_CODES } from './codes';
export { sameDivision, type SubmissionCategory } from './roster';
// The pack section's schema is imported from './schema' by the pack schema alone: re-exported here it
// would ride into every bundle of the engine, which has no use for zod.
export type { LockPolicy, SubmissionLock } from './schema';
export {
  latestRound,
  nextRound,
  roundOf,
  roundsOf,
  ROUNDS_SOURCE,
  type ReceiptPeriod,
  type RoundEntry,
} from './rounds';

/** The duty that submits each receipt category (馬公 六(二), 新竹 七(二)). */
export const SUBMISSION_DUTIES: Readonly<Record<ReceiptCategory, Duty>> = {
  cadre: 'cadreSubmission',
  courseRecord: 'courseRecordSubmission',
  courseOutcome: 'courseOutcomeSubmission',
  diversePerformance: 'diversePerformanceSubmission',
};

/** The platform manual: submitting a roster locks the student side (seed 002, 4-2 4; 4-3 3: it may). */
const LOCK_SOURCE: Source = { document: '學習歷程平臺操作手冊', clause: '4-2 4、4-3 3' };

/** The categories students upload to: their rosters can lock the student side. */
const STUDENT_SIDE: ReadonlySet<ReceiptCategory> = new Set(['courseOutcome', 'diversePerformance']);

/** A roster the school submitted to the central database for one category and term. */
export interface Submission {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  /** The person who submitted it. */
  readonly submittedBy: string;
  /** The unit or role that acted: the owner or its deputy. */
  readonly actingAs: string;
  readonly submittedOn: PlainDate;
  /** The division whose roster it is, when not the day division. */
  readonly division?: Division;
  /**
   * The round (輪次): 1 for the first submission of the category and term, one more for each
   * resubmission after a correction. A submission stored without one counts as round 1.
   */
  readonly round?: number;
  /** What the school corrected before submitting again (round 2 onwards). */
  readonly correction?: string;
  /** The confirmation period of this round's receipts, when announced with the submission. */
  readonly receiptPeriod?: ReceiptPeriod;
  /**
   * Whether the submission locked the student side (學生端鎖定), as the pack's `submissionLock` and the
   * submitter decided; absent means it did. Only course-outcome and diverse-performance rosters have one.
   */
  readonly locksStudentSide?: boolean;
  /** The clause that decided {@link locksStudentSide}. */
  readonly lockSource?: Source;
}

/**
 * The submission that locks an item for the student, if any: a course outcome by its term; a
 * diverse performance, collected per academic year, by any submission in that academic year.
 */
export function lockingSubmission(submissions: readonly Submission[], item: PortfolioItem): Submission | undefined {
  return submissions.find((submission) => {
    if (submission.category !== item.kind || submission.locksStudentSide === false) return false;
    if (item.kind === 'courseOutcome') return submission.term === item.term;
    return parseTerm(submission.term)?.year === item.academicYear;
  });
}

/** The lock check every student-side action runs first. */
export function checkLock(submissions: readonly Submission[], item: PortfolioItem): Part {
  const lock = lockingSubmission(submissions, item);
  const rule = 'submission.lock';
  if (!lock) {
    const step: Step = {
      rule,
      outcome: 'passed',
      source: LOCK_SOURCE,
      detail: {
        'zh-TW': '學校尚未提交此類名冊，學生端未鎖定',
        en: 'the school has not submitted this roster yet: the student side is open',
      },
    };
    return { steps: [step], findings: [] };
  }
  const source = lock.lockSource ?? LOCK_SOURCE;
  const params = { category: lock.category, term: lock.term, submittedOn: lock.submittedOn, source };
  const finding = createFinding(SUBMISSION_CODES.studentSideLocked, params, { rule, subject: item.id, source });
  return {
    steps: [{ rule, outcome: 'failed', source, detail: finding.message, data: params }],
    findings: [finding],
  };
}

/** The verdict of {@link checkLock} without its step and finding. */
export function lockAllows(submissions: readonly Submission[] | undefined, item: PortfolioItem): boolean {
  return (
    submissions === undefined ||
    lockingSubmission(submissions, item) === undefined ||
    !refuses(SUBMISSION_CODES.studentSideLocked)
  );
}

/** Who may act for a category's submitting unit now, from the pack's duty table and deputy chain. */
export interface UnitOptions {
  /** Units or roles that cannot act now; the deputy chain of the pack decides who does. */
  readonly unavailable?: readonly string[] | undefined;
  readonly division?: Division | undefined;
}

/**
 * Whether the actor is the unit that submits a category now — the owner, or the first available
 * deputy (馬公 六(二), 九(三)). Submission, dispute resolution (馬公 六(三)) and final submission use it.
 */
export function checkSubmittingUnit(
  effective: EffectivePack,
  category: SubmissionCategory,
  actor: Actor,
  options: UnitOptions,
): Part & { readonly acting?: string } {
  const duty: Duty = category === 'basicData' ? 'basicData' : SUBMISSION_DUTIES[category];
  const dutyPath = `duties.${duty}`;
  const acting = actingFor(effective, duty, {
    unavailable: options.unavailable ?? [],
    ...(options.division && { division: options.division }),
  });
  const from = origin(effective, `${dutyPath}.owner`);
  const chain = acting.chain;
  const own = ownNamesOf(effective.values, chain);
  if (acting.acting === undefined) {
    return {
      steps: [
        {
          rule: dutyPath,
          outcome: 'failed',
          ...from,
          detail: { 'zh-TW': '沒有可執行的單位', en: 'nobody is left to act' },
          data: { chain },
        },
      ],
      findings: acting.findings,
    };
  }
  if (!fillsLink(actor, acting.acting)) {
    const params = {
      actor: actor.id,
      category,
      acting: acting.acting,
      chain,
      ...(from.source && { source: from.source }),
      ...own,
    };
    const finding = createFinding(SUBMISSION_CODES.notOwner, params, { rule: dutyPath, subject: actor.id, ...from });
    return {
      steps: [
        { rule: dutyPath, outcome: 'failed', ...from, detail: finding.message, data: { chain, acting: acting.acting } },
      ],
      findings: [finding],
    };
  }
  const steps: Step[] = [
    {
      rule: dutyPath,
      outcome: 'passed',
      ...from,
      detail: {
        'zh-TW': `由${linkName(acting.acting, 'zh-TW', own.own)}辦理`,
        en: `${linkName(acting.acting, 'en', own.own)} acts`,
      },
      data: { chain, acting: acting.acting },
    },
  ];
  if (acting.acting === chain[0]) return { steps, findings: [], acting: acting.acting };
  const params = {
    category,
    acting: acting.acting,
    owner: chain[0] ?? '',
    ...(from.source && { source: from.source }),
    ...own,
  };
  return {
    steps,
    findings: [createFinding(SUBMISSION_CODES.actingDeputy, params, { rule: dutyPath, subject: actor.id, ...from })],
    acting: acting.acting,
  };
}

export interface SubmitRequest extends UnitOptions {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  readonly actor: Actor;
  readonly at: PlainDate | Date;
  /** The submissions already made: a second one is a new round, and only with a correction. */
  readonly submissions: readonly Submission[];
  /** The submission window, as the windows resolver gives it. */
  readonly window?: DateSpan | undefined;
  /**
   * Why the school submits again: it found the data wrong and corrected it. Required from the
   * second round on (PR7002 without it); the new round brings new receipts (PR7006).
   */
  readonly correction?: string | undefined;
  /** The confirmation period of the receipts this round brings: at least the minimum days (PR7010). */
  readonly receiptPeriod?: ReceiptPeriod | undefined;
  /** Final submissions made: after one, nothing is submitted again (PR7014). */
  readonly finals?: readonly FinalSubmission[] | undefined;
  /**
   * Whether to lock the student side, for a category whose `submissionLock` is `optional` (the
   * diverse-performance roster by default, 4-3 3); default true. Ignored for `always` and `never`.
   */
  readonly lockStudentSide?: boolean | undefined;
}

/** Whether a category's roster, submitted now, locks the student side, and the clause that says so. */
function studentSideLock(
  effective: EffectivePack,
  category: SubmissionCategory,
  requested: boolean | undefined,
): Pick<Submission, 'locksStudentSide' | 'lockSource'> {
  if (category === 'basicData' || !STUDENT_SIDE.has(category)) return {};
  const path = `submissionLock.${category}.locks`;
  const policy =
    effective.values.submissionLock?.[category as 'courseOutcome' | 'diversePerformance']?.locks ?? 'always';
  const { source } = origin(effective, path);
  const locks = policy === 'always' || (policy === 'optional' && requested !== false);
  return { locksStudentSide: locks, ...(source && { lockSource: source }) };
}

export interface SubmitDecision extends Explained {
  /** The submission to record, when allowed, with its round. */
  readonly submission?: Submission;
}

/**
 * Whether this submission may open a round: the first one may; a later one only as a correction
 * (the second vendor's manual), and none after the final submission.
 */
function checkRound(request: SubmitRequest, correction: string | undefined): Part & { readonly round: number } {
  const rounds = roundsOf(request.submissions, request.category, request.term, request.division);
  const round = nextRound(rounds);
  const previous = rounds[rounds.length - 1];
  const subject = `${request.category}:${request.term}`;
  if (!previous)
    return {
      round,
      steps: [
        {
          rule: 'submission.rounds',
          outcome: 'passed',
          detail: { 'zh-TW': '此學期尚未提交：第 1 輪', en: 'not yet submitted for this term: round 1' },
          data: { round },
        },
      ],
      findings: [],
    };
  const context = { rule: 'submission.rounds', subject, source: ROUNDS_SOURCE };
  const ruled = (finding: Finding, outcome: 'passed' | 'failed', data: Readonly<Record<string, unknown>>) => ({
    round,
    steps: [{ rule: context.rule, outcome, source: ROUNDS_SOURCE, detail: finding.message, data }],
    findings: [finding],
  });
  if (correction === undefined) {
    const params = {
      category: request.category,
      term: request.term,
      submittedOn: previous.submittedOn,
      submittedBy: previous.submittedBy,
      round: roundOf(previous),
      source: ROUNDS_SOURCE,
    };
    return ruled(createFinding(SUBMISSION_CODES.alreadySubmitted, params, context), 'failed', params);
  }
  const params = {
    category: request.category,
    term: request.term,
    round,
    previousOn: previous.submittedOn,
    correction,
    source: ROUNDS_SOURCE,
  };
  return ruled(createFinding(SUBMISSION_CODES.resubmission, params, context), 'passed', params);
}

/**
 * Submits one category's roster for a term: only the owning unit, or its acting deputy, may (馬公
 * 六(二), 九(三)); again, as a new round, only with a correction and before the final submission.
 */
export function submitRoster(effective: EffectivePack, request: SubmitRequest): SubmitDecision {
  const found = under('effective', effectiveProblem(effective)) ?? under('request', submitRequestProblem(request));
  return found ? refuseMalformed('submitRoster', found) : decideSubmission(effective, request);
}

/** {@link submitRoster} on a request already checked. */
export function decideSubmission(effective: EffectivePack, request: SubmitRequest): SubmitDecision {
  const day = toPlainDate(request.at);
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const add = (part: Part) => {
    steps.push(...part.steps);
    findings.push(...part.findings);
  };
  const subject = `${request.category}:${request.term}`;
  const owner = checkSubmittingUnit(effective, request.category, request.actor, request);
  add(owner);
  if (request.finals)
    add(checkFinalLock(effective, request.finals, request.category, request.term, subject, request.division));
  const correction = request.correction?.trim() || undefined;
  const round = checkRound(request, correction);
  add(round);
  add(checkSpan(request.window, day, 'submission', subject));
  if (request.receiptPeriod) {
    const period = checkReceiptPeriod(effective, request.receiptPeriod);
    steps.push(...period.explanation);
    findings.push(...period.findings);
  }

  const decision = decide(steps, findings);
  if (!decision.allowed || owner.acting === undefined) return decision;
  const submission: Submission = {
    category: request.category,
    term: request.term,
    submittedBy: request.actor.id,
    actingAs: owner.acting,
    submittedOn: day,
    ...(request.division !== undefined && request.division !== 'day' && { division: request.division }),
    round: round.round,
    ...(round.round > 1 && correction !== undefined && { correction }),
    ...(request.receiptPeriod && {
      receiptPeriod: { opens: request.receiptPeriod.opens, closes: request.receiptPeriod.closes },
    }),
    ...studentSideLock(effective, request.category, request.lockStudentSide),
  };
  return { ...decision, submission };
}
