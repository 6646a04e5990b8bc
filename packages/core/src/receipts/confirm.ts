import { daysBetween, type PlainDate, toPlainDate } from '../_lib/date';
import { CERTIFICATION_CODES } from '../certification/codes';
import { actingFor } from '../deputies';
import { cite, combine, decide, type Explained, origin, type Part, type Step } from '../decision/explanation';
import { checkSpan, type DateSpan } from '../windows/span';
import { createFinding } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import type { EffectivePack } from '../layering';
import type { ReceiptCategory } from '../records';
import { type Actor, fillsLink } from '../roles/actor';
import { checkSubmittingUnit, sameDivision, type SubmissionCategory, type UnitOptions } from '../submission';
import type { Division } from '../units';
import type { TermCode } from '../term';
import { RECEIPT_CODES } from './codes';

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
}

export type ReceiptEvent =
  | { readonly type: 'confirm' }
  | { readonly type: 'dispute'; readonly text: string }
  | { readonly type: 'resolve'; readonly text: string };

/** The final submission (完成提交) of a category and term, after which nothing changes (seed 004). */
export interface FinalSubmission {
  readonly category: SubmissionCategory;
  readonly term: TermCode;
  readonly submittedBy: string;
  readonly actingAs: string;
  readonly finalOn: PlainDate;
  /** The division whose final submission it is, when not the day division (each submits its own). */
  readonly division?: Division;
}

/** Seed 004 (臺北市 112 timetable): confirm, resolve disputes, then the final submission; data unchanged after it. */
export const FINAL_SOURCE: Source = { document: '臺北市學習歷程檔案說明 (成功高中)', clause: '112學年度期程' };
/** 馬公 六(三): 註冊組 confirms receipts; the submitting units help with disputes. */
const CONFIRM_DUTY = 'receiptConfirmation';

export interface ReceiptContext extends UnitOptions {
  readonly effective: EffectivePack;
  /** The confirmation period, as the windows resolver gives it. */
  readonly period?: DateSpan;
  readonly finals?: readonly FinalSubmission[];
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

/** Nothing changes after the final submission of a category and term. */
export function checkFinalLock(
  finals: readonly FinalSubmission[],
  category: SubmissionCategory,
  term: TermCode,
  subject: string,
  division?: Division,
): Part {
  const final = finals.find(
    (entry) => entry.category === category && entry.term === term && sameDivision(entry.division, division),
  );
  if (!final)
    return {
      steps: [
        {
          rule: 'receipts.final',
          outcome: 'passed',
          source: FINAL_SOURCE,
          detail: { 'zh-TW': '尚未完成最終提交', en: 'no final submission yet' },
        },
      ],
      findings: [],
    };
  const finding = createFinding(
    RECEIPT_CODES.finalLocked,
    { category, term, finalOn: final.finalOn, source: FINAL_SOURCE },
    { rule: 'receipts.final', subject, source: FINAL_SOURCE },
  );
  return {
    steps: [{ rule: 'receipts.final', outcome: 'failed', source: FINAL_SOURCE, detail: finding.message }],
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
  if (acting.acting !== undefined && fillsLink(actor, acting.acting)) {
    return {
      steps: [
        {
          rule,
          outcome: 'passed',
          ...cited,
          detail: { 'zh-TW': `由 ${acting.acting} 辦理收訖明細確認`, en: `${acting.acting} confirms receipts` },
          data: { chain: acting.chain, acting: acting.acting },
        },
      ],
      findings: [],
    };
  }
  const authorised = [`student ${receipt.studentId}`, ...(acting.acting ? [acting.acting] : [])].join(', ');
  const finding = createFinding(
    CERTIFICATION_CODES.notAuthorised,
    { actor: actor.id, event, authorised, ...(cited.source && { source: cited.source }) },
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
  const parts: Part[] = [
    checkFinalLock(context.finals ?? [], receipt.category, receipt.term, subject, context.division),
    checkConfirmer(receipt, actor, event.type, context),
    checkStatus(receipt, event),
  ];
  if (event.type !== 'resolve') {
    parts.push(checkSpan(context.period, day, 'receiptConfirmation', subject));
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

/** The days the confirmation period must last: the pack's value and every national minimum (FAQ 一(十): at least 3 days). */
export function confirmationMinimums(
  effective: EffectivePack,
): { readonly min: number; readonly layer?: string; readonly source?: Source }[] {
  const minimums: { min: number; layer?: string; source?: Source }[] = [];
  const own = effective.values.receipts?.confirmationDays;
  if (own !== undefined) minimums.push({ min: own, ...origin(effective, 'receipts.confirmationDays') });
  for (const bound of effective.bounds) {
    if (
      bound.kind === 'min' &&
      bound.path === 'receipts.confirmationDays' &&
      !minimums.some((entry) => entry.min === bound.min)
    )
      minimums.push({ min: bound.min, layer: effective.national.layer, source: bound.source });
  }
  return minimums;
}

/** Is a planned confirmation period long enough? Both ends count: 20–22 March is 3 days. */
export function checkReceiptPeriod(
  effective: EffectivePack,
  period: { readonly opens: PlainDate; readonly closes: PlainDate },
): Explained {
  const days = daysBetween(period.opens, period.closes) + 1;
  const steps: Step[] = [];
  const findings: Finding[] = [];
  for (const minimum of confirmationMinimums(effective)) {
    const cited = cite(minimum);
    const params = {
      days,
      minDays: minimum.min,
      opens: period.opens,
      closes: period.closes,
      ...(minimum.source && { source: minimum.source }),
    };
    if (days >= minimum.min) {
      steps.push({
        rule: 'receipts.confirmationDays',
        outcome: 'passed',
        ...cited,
        detail: { 'zh-TW': `${days} 日，至少 ${minimum.min} 日`, en: `${days} days, at least ${minimum.min}` },
        data: params,
      });
      continue;
    }
    const finding = createFinding(RECEIPT_CODES.periodTooShort, params, {
      rule: 'receipts.confirmationDays',
      subject: `${period.opens}..${period.closes}`,
      ...cited,
    });
    findings.push(finding);
    steps.push({
      rule: 'receipts.confirmationDays',
      outcome: 'failed',
      ...cited,
      detail: finding.message,
      data: params,
    });
  }
  return decide(steps, findings);
}
