import { addCalendarDays, daysBetween, type PlainDate } from '../_lib/date';
import { decide, type Explained, layerAndSource, origin, type Step } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import type { Source } from '../findings/types';
import type { EffectivePack } from '../layering';
import { RECEIPT_CODES } from '../receipts/codes';

/**
 * The days the confirmation period must last: the pack's value, then every national minimum (FAQ
 * 一(十): at least 3 days), each cited — a school's 3 days and the national 3 both, as a cap and its
 * national bound are. The national value the pack merely inherits is listed once, as the bound.
 */
export function confirmationMinimums(
  effective: EffectivePack,
): { readonly min: number; readonly layer?: string; readonly source?: Source }[] {
  const minimums: { min: number; layer?: string; source?: Source }[] = [];
  const own = effective.values.receipts?.confirmationDays;
  const cited = origin(effective, 'receipts.confirmationDays');
  if (own !== undefined && cited.layer !== effective.national.layer) minimums.push({ min: own, ...cited });
  for (const bound of effective.bounds) {
    if (bound.kind === 'min' && bound.path === 'receipts.confirmationDays')
      minimums.push({ min: bound.min, layer: effective.national.layer, source: bound.source });
  }
  if (own !== undefined && minimums.length === 0) minimums.push({ min: own, ...cited });
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
  const minimums = confirmationMinimums(effective);
  for (const minimum of minimums) {
    const cited = layerAndSource(minimum);
    // A national minimum equal to the pack's is cited beside the pack's finding, not reported again.
    const same = minimums.find((other) => other !== minimum && other.min === minimum.min);
    const first = !same || minimums.indexOf(same) > minimums.indexOf(minimum);
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
      ...(same?.layer !== undefined && {
        related: [{ layer: same.layer, ...(same.source && { source: same.source }) }],
      }),
    });
    if (first) findings.push(finding);
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

/** When a round's confirmation period ends, and so the earliest day of the final submission. */
export interface PeriodEnd {
  readonly opens: PlainDate;
  readonly closes?: PlainDate;
  /** The day after the period: its closing day, or the last of its minimum days when it was announced shorter. */
  readonly earliest: PlainDate;
  readonly minDays: number;
  readonly layer?: string;
  readonly source?: Source;
}

/**
 * The final submission waits for the confirmation period: at least the minimum days from its
 * opening (學習歷程檔案QA 一(十), or the pack's longer value), and to its announced closing day.
 */
export function periodEnd(effective: EffectivePack, opens: PlainDate, closes?: PlainDate): PeriodEnd {
  const minimums = confirmationMinimums(effective);
  const longest = minimums.reduce((best, entry) => (entry.min > best.min ? entry : best), minimums[0] ?? { min: 0 });
  const byMinimum = addCalendarDays(opens, longest.min);
  const byClosing = closes === undefined ? byMinimum : addCalendarDays(closes, 1);
  return {
    opens,
    ...(closes !== undefined && { closes }),
    earliest: byClosing > byMinimum ? byClosing : byMinimum,
    minDays: longest.min,
    ...layerAndSource(longest),
  };
}
