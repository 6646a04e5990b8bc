import { daysBetween, type PlainDate, toPlainDate } from '../_lib/date';
import { cite, type Part, refuses } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Finding, Source } from '../findings/types';
import { WINDOW_CODES } from './codes';
import { CLOSING_SOON_DAYS } from './open';
import type { Activity } from './schema';

/** A span of days an activity is open, as the windows resolver gives it (both ends inclusive). */
export interface DateSpan {
  readonly opens?: PlainDate;
  readonly closes: PlainDate;
  readonly layer?: string;
  readonly source?: Source;
}

/** The verdict of {@link checkSpan} without its steps and findings. */
export function spanAllows(span: DateSpan | undefined, at: PlainDate | Date): boolean {
  if (!span) return true;
  const day = toPlainDate(at);
  if (span.opens !== undefined && day < span.opens) return !refuses(WINDOW_CODES.notYetOpen);
  if (day > span.closes) return !refuses(WINDOW_CODES.closed);
  return !refuses(WINDOW_CODES.closingSoon) || daysBetween(day, span.closes) + 1 > CLOSING_SOON_DAYS;
}

/**
 * Checks a day against an optional window of an activity, as the windows resolver gives it: no
 * window, no step; before it opens PR6002, after it closes PR6003; inside, a warning (PR6004) when
 * {@link CLOSING_SOON_DAYS} days or fewer are left, today included.
 */
export function checkSpan(span: DateSpan | undefined, day: PlainDate, activity: Activity, subject: string): Part {
  if (!span) return { steps: [], findings: [] };
  const rule = `windows.${activity}`;
  const cited = cite(span);
  const context = { rule, subject, ...cited };
  const source = span.source && { source: span.source };
  const data = { at: day, ...(span.opens && { opens: span.opens }), closes: span.closes };
  const refuse = (finding: Finding): Part => ({
    steps: [{ rule, outcome: 'failed', ...cited, detail: finding.message, data }],
    findings: [finding],
  });
  if (span.opens !== undefined && day < span.opens)
    return refuse(
      createFinding(
        WINDOW_CODES.notYetOpen,
        { activity, at: day, opens: span.opens, closes: span.closes, ...source },
        context,
      ),
    );
  if (day > span.closes) return refuse(createFinding(WINDOW_CODES.closed, { activity, ...data, ...source }, context));
  const daysLeft = daysBetween(day, span.closes) + 1;
  const findings =
    daysLeft <= CLOSING_SOON_DAYS
      ? [
          createFinding(
            WINDOW_CODES.closingSoon,
            { activity, at: day, closes: span.closes, daysLeft, ...source },
            context,
          ),
        ]
      : [];
  const detail = {
    'zh-TW': `${day} 在期間 ${span.opens ?? '…'}–${span.closes} 內`,
    en: `${day} is within ${span.opens ?? '…'} to ${span.closes}`,
  };
  return { steps: [{ rule, outcome: 'passed', ...cited, detail, data: { ...data, daysLeft } }], findings };
}
