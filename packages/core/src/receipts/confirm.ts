import { type PlainDate, toPlainDate } from '../_lib/date';
import { actingFor } from '../deputies';
import { combine, origin, type Part, type Step } from '../decision/explanation';
import { checkSpan, type DateSpan } from '../windows/span';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { ReceiptCategory } from '../records';
import { type Actor, fillsLink } from '../roles/actor';
import {
  checkSubmittingUnit,
  latestRound,
  roundOf,
  ROUNDS_SOURCE,
  type Submission,
  type UnitOptions,
} from '../submission';
import type { TermCode } from '../term';
import { linkName, ownNames, ownNamesOf } from '../names';
import { RECEIPT_CODES } from './codes';
import { checkFinalLock, type FinalSubmission } from '../submission/final-lock';

export const RECEIPT_STATES = ['pending', 'confirmed', 'disputed', 'resolved'] as const;
/** 待確認, 已確認, 有疑義 (疑義), 疑義已處理. */
export type ReceiptState = (typeof RECEIPT_STATES)[number];

/** One student's receipt (收訖明細) for one category and term, after the school submitted it. */
export interface Receipt {
  readonly studentId: string;
  readonly category: ReceiptCategory;
  readonly term: TermCode;
  readonly status: ReceiptState;
  readonly dispute?: string;
  readonly resolution?: string;
  readonly confirmedBy?: string;
  readonly confirmedOn?: PlainDate;
  /** The submission round it came back from (1 for the first submission); absent: the latest round. */
  readonly round?: number;
}

export type ReceiptEvent =
  | { readonly type: 'confirm' }
  | { readonly type: 'dispute'; readonly text: string }
  | { readonly type: 'resolve'; readonly text: string };

/** 馬公 六(三): 註冊組 confirms receipts; the submitting units help with disputes. */
const CONFIRM_DUTY = 'receiptConfirmation';

export interface ReceiptContext extends UnitOptions {
  readonly effective: EffectivePack;
  /** The confirmation period, as the windows resolver gives it. */
  readonly period?: DateSpan;
  readonly finals?: readonly FinalSubmission[];
  /**
   * The category's submissions: a receipt of an earlier round than the latest is replaced (PR7018),
   * and the latest round's confirmation period applies when `period` is not given.
   */
  readonly submissions?: readonly Submission[];
}

export type ReceiptResult =
  | {
      readonly ok: true;
      readonly receipt: Receipt;
      readonly findings: readonly Finding[];
      readonly explanation: readonly Step[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[]; readonly explanation: readonly Step[] };

const FROM: Readonly<Record<ReceiptEvent['type'], readonly ReceiptState[]>> = {
  confirm: ['pending', 'resolved'],
  dispute: ['pending', 'confirmed'],
  resolve: ['disputed'],
};

/** A resubmission replaces the receipts of earlier rounds: only the latest round's are confirmed or disputed. */
function checkRound(receipt: Receipt, latest: Submission | undefined, subject: string): Part {
  if (!latest || receipt.round === undefined || receipt.round >= roundOf(latest)) return { steps: [], findings: [] };
  const params = {
    student: receipt.studentId,
    category: receipt.category,
    term: receipt.term,
    round: receipt.round,
    latest: roundOf(latest),
    latestOn: latest.submittedOn,
    source: ROUNDS_SOURCE,
  };
  const finding = createFinding(RECEIPT_CODES.superseded, params, {
    rule: 'receipts.round',
    subject,
    source: ROUNDS_SOURCE,
  });
  return {
    steps: [
      { rule: 'receipts.round', outcome: 'failed', source: ROUNDS_SOURCE, detail: finding.message, data: params },
    ],
    findings: [finding],
  };
}

function checkConfirmer(receipt: Receipt, actor: Actor, event: ReceiptEvent['type'], context: ReceiptContext): Part {
  if (event === 'resolve') return checkSubmittingUnit(context.effective, receipt.category, actor, context);
  const rule = `duties.${CONFIRM_DUTY}`;
  const cited = origin(context.effective, `${rule}.owner`);
  if (actor.roles.includes('student') && actor.studentId === receipt.studentId) {
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          ...cited,
          detail: { 'zh-TW': '學生確認自己的收訖明細', en: 'the student acts on their own receipt' },
        },
      ],
      findings: [],
    };
  }
  const acting = actingFor(context.effective, CONFIRM_DUTY, {
    unavailable: context.unavailable ?? [],
    ...(context.division && { division: context.division }),
  });
  const own = ownNames(context.effective.values, acting.chain);
  if (acting.acting !== undefined && fillsLink(actor, acting.acting)) {
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          ...cited,
          detail: {
            'zh-TW': `由${linkName(acting.acting, 'zh-TW', own)}辦理收訖明細確認`,
            en: `${linkName(acting.acting, 'en', own)} confirms receipts`,
          },
          data: { chain: acting.chain, acting: acting.acting },
        },
      ],
      findings: [],
    };
  }
  const finding = createFinding(
    RECEIPT_CODES.notConfirmer,
    {
      actor: actor.id,
      event,
      student: receipt.studentId,
      category: receipt.category,
      ...(acting.acting !== undefined && {
        acting: acting.acting,
        ...ownNamesOf(context.effective.values, [acting.acting]),
      }),
      ...(cited.source && { source: cited.source }),
    },
    { rule, subject: `${receipt.studentId}:${receipt.category}`, ...cited },
  );
  return {
    steps: [{ rule, outcome: 'failed', ...cited, detail: finding.message, data: { chain: acting.chain } }],
    findings: [finding],
  };
}

function checkStatus(receipt: Receipt, event: ReceiptEvent): Part {
  const rule = 'receipts.status';
  if (FROM[event.type].includes(receipt.status))
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          detail: {
            'zh-TW': `${receipt.status} 可${event.type}`,
            en: `${event.type} is possible from ${receipt.status}`,
          },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    RECEIPT_CODES.invalidTransition,
    { event: event.type, status: receipt.status, allowedFrom: FROM[event.type] },
    { rule, subject: `${receipt.studentId}:${receipt.category}` },
  );
  return { steps: [{ rule, outcome: 'failed', detail: finding.message }], findings: [finding] };
}

function checkText(receipt: Receipt, event: ReceiptEvent): Part {
  if (event.type === 'confirm') return { steps: [], findings: [] };
  if (event.text.trim().length > 0)
    return {
      steps: [{ rule: 'receipts.text', outcome: 'passed', detail: { 'zh-TW': '已說明', en: 'described' } }],
      findings: [],
    };
  const finding = createFinding(
    RECEIPT_CODES.textRequired,
    { event: event.type },
    { rule: 'receipts.text', subject: `${receipt.studentId}:${receipt.category}` },
  );
  return { steps: [{ rule: 'receipts.text', outcome: 'failed', detail: finding.message }], findings: [finding] };
}

/**
 * A student or the confirming unit confirms a receipt or raises a dispute (疑義) within the
 * confirmation period; the submitting unit resolves it (馬公 六(三)). Nothing changes after the final submission.
 */
export function receiptTransition(
  receipt: Receipt,
  event: ReceiptEvent,
  actor: Actor,
  at: PlainDate | Date,
  context: ReceiptContext,
): ReceiptResult {
  const day = toPlainDate(at);
  const subject = `${receipt.studentId}:${receipt.category}`;
  const latest =
    context.submissions && latestRound(context.submissions, receipt.category, receipt.term, context.division);
  const parts: Part[] = [
    checkFinalLock(context.effective, context.finals ?? [], receipt.category, receipt.term, subject, context.division),
    checkRound(receipt, latest, subject),
    checkConfirmer(receipt, actor, event.type, context),
    checkStatus(receipt, event),
  ];
  if (event.type !== 'resolve') {
    parts.push(checkSpan(context.period ?? latest?.receiptPeriod, day, 'receiptConfirmation', subject));
  }
  parts.push(checkText(receipt, event));
  const decision = combine(parts);
  if (!decision.allowed) return { ok: false, findings: decision.findings, explanation: decision.explanation };
  const { dispute: _dispute, resolution: _resolution, ...rest } = receipt;
  const next: Receipt =
    event.type === 'confirm'
      ? { ...receipt, status: 'confirmed', confirmedBy: actor.id, confirmedOn: day }
      : event.type === 'dispute'
        ? { ...rest, status: 'disputed', dispute: event.text.trim() }
        : { ...receipt, status: 'resolved', resolution: event.text.trim() };
  return { ok: true, receipt: next, findings: decision.findings, explanation: decision.explanation };
}
