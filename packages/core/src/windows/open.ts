import { daysBetween, type PlainDate, toPlainDate } from '../_lib/date';
import type { SchoolCalendar } from '../calendar/schema';
import { createFinding } from '../findings/define';
import type { Decision } from '../catalogue';
import type { EffectivePack } from '../layering';
import { formatTerm, type Term } from '../term';
import { WINDOW_CODES } from './codes';
import { problemFinding, resolveOne, selectWindow, windowContext, windowProvenance, wrongCalendar } from './resolve';
import type { Activity, Grade } from './schema';

/** A warning is raised when this many days or fewer are left, today included. */
export const CLOSING_SOON_DAYS = 3;

export interface WindowQuestion {
  readonly activity: Activity;
  /** The data term: whose data the activity is about (11201's uploads, 11201's submission in March 2024). */
  readonly term: Term;
  readonly grade: Grade;
  /** The day asked about (a `YYYY-MM-DD` day, or an instant read in Taiwan time). */
  readonly at: PlainDate | Date;
}

/**
 * Is an activity open for a grade on a day, for the data of `question.term`? (Submitting 11201's data
 * in March 2024 asks with term 11201, not 11202.) Allowed inside the window (with a warning when
 * {@link CLOSING_SOON_DAYS} days or fewer are left); refused before it opens or after it closes,
 * citing the window's clause. An activity the rules give no window is allowed, with an info finding.
 */
export function isOpen(effective: EffectivePack, calendar: SchoolCalendar, question: WindowQuestion): Decision {
  const { activity, term, grade } = question;
  const at = toPlainDate(question.at);
  const calendarProblems = wrongCalendar(calendar, term);
  if (calendarProblems.length > 0) return { allowed: false, findings: calendarProblems };
  const windows = effective.values.windows ?? [];
  const index = selectWindow(windows, activity, term, grade);
  const code = formatTerm(term);
  if (index === undefined) {
    return {
      allowed: true,
      findings: [
        createFinding(
          WINDOW_CODES.noWindow,
          { activity, term: code, grade },
          { rule: `windows.${activity}`, subject: activity },
        ),
      ],
    };
  }
  const provenance = windowProvenance(effective, index);
  const context = { rule: `windows.${activity}`, subject: `windows.${index}`, ...provenance };
  const resolved = resolveOne(windowContext(calendar, term), windows[index]!, grade);
  if ('problem' in resolved)
    return { allowed: false, findings: [problemFinding(effective, index, resolved.problem, term, [grade])] };
  const { opens, closes } = resolved;
  const source = provenance.source;
  const cited = { ...(source && { source }) };
  if (opens !== undefined && at < opens) {
    return {
      allowed: false,
      findings: [createFinding(WINDOW_CODES.notYetOpen, { activity, at, opens, closes, ...cited }, context)],
    };
  }
  if (at > closes) {
    return {
      allowed: false,
      findings: [
        createFinding(
          WINDOW_CODES.closed,
          { activity, at, ...(opens !== undefined && { opens }), closes, ...cited },
          context,
        ),
      ],
    };
  }
  const daysLeft = daysBetween(at, closes) + 1;
  if (daysLeft <= CLOSING_SOON_DAYS) {
    return {
      allowed: true,
      findings: [createFinding(WINDOW_CODES.closingSoon, { activity, at, closes, daysLeft, ...cited }, context)],
    };
  }
  return { allowed: true, findings: [] };
}
