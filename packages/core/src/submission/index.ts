import { type PlainDate, toPlainDate } from '../_lib/date';
import { actingFor } from '../deputies';
import type { Duty } from '../duties';
import { decide, type Explained, origin, type Part, refuses, type Step } from '../decision/explanation';
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
import { SUBMISSION_CODES } from './codes';
import type { LockPolicy } from './schema';

export { SUBMISSION_CODES } from './codes';
export { LOCK_POLICIES, SubmissionLockSchema, type LockPolicy, type SubmissionLock } from './schema';

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

/** What a school submits: the four receipt categories and its basic data (基本資料, 馬公 六(二): 註冊組). */
export type SubmissionCategory = ReceiptCategory | 'basicData';

/**
 * Whether two rosters are of one division: each division submits its own (seed 004: 日間部、進修部各計1校;
 * 新竹 七(二): 註冊組 / 進修部教務組). Left out, the day division.
 */
export const sameDivision = (a: Division | undefined, b: Division | undefined): boolean =>
  (a ?? 'day') === (b ?? 'day');

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
  readonly unavailable?: readonly string[];
  readonly division?: Division;
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
      detail: { 'zh-TW': `由 ${acting.acting} 辦理`, en: `${acting.acting} acts` },
      data: { chain, acting: acting.acting },
    },
  ];
  if (acting.acting === chain[0]) return { steps, findings: [], acting: acting.acting };
  const params = {
    category,
    acting: acting.acting,
    owner: chain[0] ?? '',
    ...(from.source && { source: from.source }),
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
  /** The submissions already made, to refuse a second one. */
  readonly submissions: readonly Submission[];
  /** The submission window, as the windows resolver gives it. */
  readonly window?: DateSpan;
  /**
   * Whether to lock the student side, for a category whose `submissionLock` is `optional` (the
   * diverse-performance roster by default, 4-3 3); default true. Ignored for `always` and `never`.
   */
  readonly lockStudentSide?: boolean;
}

/** Whether a category's roster, submitted now, locks the student side, and the clause that says so. */
function studentSideLock(
  effective: EffectivePack,
  category: SubmissionCategory,
  requested: boolean | undefined,
): Pick<Submission, 'locksStudentSide' | 'lockSource'> {
  if (category === 'basicData' || !STUDENT_SIDE.has(category)) return {};
  const path = `submissionLock.${category}.locks`;
  const policy = (effective.values.submissionLock?.[category as 'courseOutcome' | 'diversePerformance']?.locks ??
    'always') as LockPolicy;
  const { source } = origin(effective, path);
  const locks = policy === 'always' || (policy === 'optional' && requested !== false);
  return { locksStudentSide: locks, ...(source && { lockSource: source }) };
}

export interface SubmitDecision extends Explained {
  /** The submission to record, when allowed. */
  readonly submission?: Submission;
}

/** Submits one category's roster for a term: only the owning unit, or its acting deputy, may (馬公 六(二), 九(三)). */
export function submitRoster(effective: EffectivePack, request: SubmitRequest): SubmitDecision {
  const day = toPlainDate(request.at);
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const owner = checkSubmittingUnit(effective, request.category, request.actor, request);
  steps.push(...owner.steps);
  findings.push(...owner.findings);

  const previous = request.submissions.find(
    (submission) =>
      submission.category === request.category &&
      submission.term === request.term &&
      sameDivision(submission.division, request.division),
  );
  if (previous) {
    const params = {
      category: request.category,
      term: request.term,
      submittedOn: previous.submittedOn,
      submittedBy: previous.submittedBy,
    };
    const finding = createFinding(SUBMISSION_CODES.alreadySubmitted, params, {
      rule: 'submission.once',
      subject: `${request.category}:${request.term}`,
    });
    findings.push(finding);
    steps.push({ rule: 'submission.once', outcome: 'failed', detail: finding.message, data: params });
  } else {
    steps.push({
      rule: 'submission.once',
      outcome: 'passed',
      detail: { 'zh-TW': '此學期尚未提交', en: 'not yet submitted for this term' },
    });
  }

  const window = checkSpan(request.window, day, 'submission', `${request.category}:${request.term}`);
  steps.push(...window.steps);
  findings.push(...window.findings);

  const decision = decide(steps, findings);
  if (!decision.allowed || owner.acting === undefined) return decision;
  const submission: Submission = {
    category: request.category,
    term: request.term,
    submittedBy: request.actor.id,
    actingAs: owner.acting,
    submittedOn: day,
    ...(request.division !== undefined && request.division !== 'day' && { division: request.division }),
    ...studentSideLock(effective, request.category, request.lockStudentSide),
  };
  return { ...decision, submission };
}
