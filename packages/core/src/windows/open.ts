import { type PlainDate, toPlainDate } from '../_lib/date';
import type { SchoolCalendar } from '../calendar/schema';
import { createFinding } from '../findings/define';
import type { Decision } from '../catalogue';
import type { EffectivePack } from '../layering';
import { formatTerm, type Term } from '../term';
import { WINDOW_CODES } from './codes';
import { spanFinding, spanVerdict } from './span';
import { problemFinding, resolveOne, selectWindow, windowContext, windowProvenance, wrongCalendar } from './resolve';
import type { Activity, Grade } from './schema';
import { unreachable } from '../_lib/unreachable';

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
 * `CLOSING_SOON_DAYS` days or fewer are left); refused before it opens or after it closes,
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
  const resolved = resolveOne(windowContext(calendar, term), windows[index] ?? unreachable(`window ${index}`), grade);
  if ('problem' in resolved)
    return { allowed: false, findings: [problemFinding(effective, index, resolved.problem, term, [grade])] };
  const verdict = spanVerdict(resolved, at);
  if (verdict === undefined) return { allowed: true, findings: [] };
  const finding = spanFinding(verdict, resolved, at, activity, context);
  return { allowed: verdict.severity !== 'error', findings: [finding] };
}
