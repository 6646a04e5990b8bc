import { daysBetween, type PlainDate, toPlainDate } from '../_lib/date';
import { layerAndSource, type Part, refuses } from '../decision/explanation';
import { createFinding, type FindingContext } from '../findings/define';
import type { Source } from '../findings/types';
import type { Finding } from '../catalogue';
import { WINDOW_CODES } from './codes';
import type { Activity } from './schema';
import { unreachable } from '../_lib/unreachable';

/** A warning is raised when this many days or fewer are left, today included. */
export const CLOSING_SOON_DAYS = 3;

/** The days an activity is open, both ends inclusive; without `opens`, open until it closes. */
export interface Span {
  readonly opens?: PlainDate;
  readonly closes: PlainDate;
}

/** A span of days an activity is open, as the windows resolver gives it (both ends inclusive). */
export interface DateSpan extends Span {
  readonly layer?: string;
  readonly source?: Source;
}

/** What a window says of a day: not open yet (PR6002), closed (PR6003), closing soon (PR6004), or nothing. */
export type SpanVerdict =
  typeof WINDOW_CODES.notYetOpen | typeof WINDOW_CODES.closed | typeof WINDOW_CODES.closingSoon | undefined;

/** Days left in the window, today included. */
export const daysLeft = (span: Span, day: PlainDate): number => daysBetween(day, span.closes) + 1;

/**
 * The window rule, the one place it is decided (the pack's windows; national minimums in
 * windows/minimums): a day before `opens` is too early, after `closes` too late, and within the
 * last {@link CLOSING_SOON_DAYS} days a warning.
 */
export function spanVerdict(span: Span, day: PlainDate): SpanVerdict {
  if (span.opens !== undefined && day < span.opens) return WINDOW_CODES.notYetOpen;
  if (day > span.closes) return WINDOW_CODES.closed;
  return daysLeft(span, day) <= CLOSING_SOON_DAYS ? WINDOW_CODES.closingSoon : undefined;
}

/** The finding of a window's verdict on a day, the one place PR6002–PR6004 are built from a span. */
export function spanFinding(
  verdict: NonNullable<SpanVerdict>,
  span: Span,
  day: PlainDate,
  activity: Activity,
  context: FindingContext,
  /** Whose item, when the span judges one: a report names the student. */
  studentId?: string,
): Finding {
  const source = { ...(context.source && { source: context.source }), ...(studentId !== undefined && { studentId }) };
  if (verdict === WINDOW_CODES.notYetOpen)
    return createFinding(
      WINDOW_CODES.notYetOpen,
      { activity, at: day, opens: span.opens ?? unreachable('opens'), closes: span.closes, ...source },
      context,
    );
  if (verdict === WINDOW_CODES.closed)
    return createFinding(
      WINDOW_CODES.closed,
      { activity, at: day, ...(span.opens !== undefined && { opens: span.opens }), closes: span.closes, ...source },
      context,
    );
  return createFinding(
    WINDOW_CODES.closingSoon,
    { activity, at: day, closes: span.closes, daysLeft: daysLeft(span, day), ...source },
    context,
  );
}

/** The verdict of {@link checkSpan} without its steps and findings. */
export function spanAllows(span: DateSpan | undefined, at: PlainDate | Date): boolean {
  if (!span) return true;
  const verdict = spanVerdict(span, toPlainDate(at));
  return verdict === undefined || !refuses(verdict);
}

/**
 * Checks a day against an optional window of an activity, as the windows resolver gives it: no
 * window, no step; otherwise the window's verdict ({@link spanVerdict}): before it opens PR6002, after
 * it closes PR6003; inside, a warning (PR6004) when {@link CLOSING_SOON_DAYS} days or fewer are left.
 */
export function checkSpan(span: DateSpan | undefined, day: PlainDate, activity: Activity, subject: string): Part {
  if (!span) return { steps: [], findings: [] };
  const rule = `windows.${activity}`;
  const cited = layerAndSource(span);
  const verdict = spanVerdict(span, day);
  const finding = verdict && spanFinding(verdict, span, day, activity, { rule, subject, ...cited });
  const data = { at: day, ...(span.opens && { opens: span.opens }), closes: span.closes };
  if (finding && refuses(verdict))
    return { steps: [{ rule, outcome: 'failed', ...cited, detail: finding.message, data }], findings: [finding] };
  const detail = {
    'zh-TW': `${day} 在期間 ${span.opens ?? '…'}–${span.closes} 內`,
    en: `${day} is within ${span.opens ?? '…'} to ${span.closes}`,
  };
  return {
    steps: [{ rule, outcome: 'passed', ...cited, detail, data: { ...data, daysLeft: daysLeft(span, day) } }],
    findings: finding ? [finding] : [],
  };
}
