import { type PlainDate, toPlainDate } from '../_lib/date';
import { combine, type Explained, origin, type Part } from '../decision/explanation';
import type { DateSpan } from '../windows/span';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { Student } from '../records/items';
import type { Actor } from '../roles/actor';
import {
  checkSubmittingUnit,
  latestRound,
  roundOf,
  type Submission,
  type SubmissionCategory,
  type UnitOptions,
} from '../submission';
import type { TermCode } from '../term';
import { RECEIPT_CODES } from './codes';
import type { Receipt } from './confirm';
import { checkFinalLock, finalCitation, type FinalSubmission } from '../submission/final-lock';
import { periodEnd } from '../submission/receipt-period';

export interface FinalRequest extends UnitOptions {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  readonly actor: Actor;
  readonly at: PlainDate | Date;
  /** The category's receipts for the term; with rounds, those of the latest round count (a receipt without a round is the latest's). */
  readonly receipts: readonly Receipt[];
  readonly finals: readonly FinalSubmission[];
  /** The confirmation period, when the latest round does not carry its own (`Submission.receiptPeriod`): the final submission waits until it has ended. */
  readonly period?: DateSpan | undefined;
  /** The category's submissions: the final submission waits for the latest round's confirmation period (the second vendor's manual). */
  readonly submissions?: readonly Submission[] | undefined;
}

export interface FinalDecision extends Explained {
  readonly final?: FinalSubmission;
}

function checkDisputes(effective: EffectivePack, request: FinalRequest, latest: Submission | undefined): Part {
  const cited = finalCitation(effective, request.term);
  const round = latest && roundOf(latest);
  const open = request.receipts
    .filter(
      (receipt) =>
        receipt.category === request.category &&
        receipt.term === request.term &&
        receipt.status === 'disputed' &&
        (round === undefined || receipt.round === undefined || receipt.round === round),
    )
    .map((receipt) => receipt.studentId);
  const rule = 'receipts.disputes';
  if (open.length === 0)
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          ...cited,
          detail: { 'zh-TW': '無未處理之疑義', en: 'no dispute is open' },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    RECEIPT_CODES.openDisputes,
    { category: request.category, term: request.term, students: open, source: cited.source },
    { rule, subject: `${request.category}:${request.term}`, ...cited },
  );
  return {
    steps: [{ rule, outcome: 'failed', ...cited, detail: finding.message, data: { students: open } }],
    findings: [finding],
  };
}

/**
 * The final submission waits for the latest round's confirmation period to end. Its period is the
 * round's own, or the request's; it never opens before the round was submitted.
 */
function checkPeriodEnded(
  effective: EffectivePack,
  request: FinalRequest,
  latest: Submission | undefined,
  day: PlainDate,
): Part {
  const period = latest?.receiptPeriod ?? request.period;
  let opens = period?.opens;
  if (latest && (opens === undefined || opens < latest.submittedOn)) opens = latest.submittedOn;
  if (opens === undefined) return { steps: [], findings: [] };
  const closes = period?.closes !== undefined && period.closes >= opens ? period.closes : undefined;
  const end = periodEnd(effective, opens, closes);
  const cited = { ...(end.layer && { layer: end.layer }), ...(end.source && { source: end.source }) };
  const round = latest && roundOf(latest);
  const params = {
    at: day,
    opens,
    ...(closes !== undefined && { closes }),
    earliest: end.earliest,
    minDays: end.minDays,
    ...(round !== undefined && { round }),
    ...(end.source && { source: end.source }),
  };
  if (day >= end.earliest)
    return {
      steps: [
        {
          rule: 'receipts.confirmationDays',
          outcome: 'passed',
          ...cited,
          detail: {
            'zh-TW': `確認期間已結束 (至少 ${end.minDays} 日)`,
            en: `the confirmation period has ended (at least ${end.minDays} days)`,
          },
          data: params,
        },
      ],
      findings: [],
    };
  const finding = createFinding(RECEIPT_CODES.finalTooEarly, params, {
    rule: 'receipts.confirmationDays',
    subject: `${request.category}:${request.term}`,
    ...cited,
  });
  return {
    steps: [{ rule: 'receipts.confirmationDays', outcome: 'failed', ...cited, detail: finding.message, data: params }],
    findings: [finding],
  };
}

/** The final submission (完成提交) of a category and term: by the submitting unit, after the latest round's confirmation period, with every dispute of that round resolved. */
export function finalSubmit(effective: EffectivePack, request: FinalRequest): FinalDecision {
  const day = toPlainDate(request.at);
  const unit = checkSubmittingUnit(effective, request.category, request.actor, request);
  const latest =
    request.submissions && latestRound(request.submissions, request.category, request.term, request.division);
  const decision = combine([
    checkFinalLock(
      effective,
      request.finals,
      request.category,
      request.term,
      `${request.category}:${request.term}`,
      request.division,
    ),
    unit,
    checkDisputes(effective, request, latest),
    checkPeriodEnded(effective, request, latest, day),
  ]);
  if (!decision.allowed || unit.acting === undefined) return decision;
  return {
    ...decision,
    final: {
      category: request.category,
      term: request.term,
      submittedBy: request.actor.id,
      actingAs: unit.acting,
      finalOn: day,
      ...(request.division !== undefined && request.division !== 'day' && { division: request.division }),
    },
  };
}

export interface LeaverNotice {
  readonly studentId: string;
  readonly leftOn?: PlainDate;
  /** How to reach them (pack `receipts.leaverNotice`): paper, e-mail; empty when the pack does not say. */
  readonly channels: readonly ('paper' | 'email')[];
}

/**
 * The students who had left (or graduated) when receipt confirmation opens and so must be told by
 * paper or e-mail to confirm (馬公 九(二)3: 紙本或電子郵寄; 新竹 十一(四): 紙本郵寄).
 */
export function leaverNotices(
  effective: EffectivePack,
  students: readonly Student[],
  opens: PlainDate,
): { readonly notices: readonly LeaverNotice[]; readonly findings: readonly Finding[] } {
  const channels = effective.values.receipts?.leaverNotice ?? [];
  const cited = origin(effective, 'receipts.leaverNotice');
  const notices: LeaverNotice[] = [];
  const findings: Finding[] = [];
  for (const student of students) {
    if (student.status !== 'left' && student.status !== 'graduated') continue;
    const leftOn = student.leftOn ?? student.graduatedOn;
    if (leftOn !== undefined && leftOn > opens) continue;
    notices.push({ studentId: student.id, ...(leftOn && { leftOn }), channels });
    findings.push(
      createFinding(
        RECEIPT_CODES.leaverNotice,
        { student: student.id, ...(leftOn && { leftOn }), channels, ...(cited.source && { source: cited.source }) },
        { rule: 'receipts.leaverNotice', subject: student.id, ...cited },
      ),
    );
  }
  return { notices, findings };
}
