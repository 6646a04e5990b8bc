import { type PlainDate, toPlainDate } from '../_lib/date';
import type { SchoolCalendar } from '../calendar/schema';
import { createFinding } from '../findings/define';
import type { Decision } from '../catalogue';
import type { EffectivePack } from '../layering';
import { formatTerm, type Term } from '../term';
import { WINDOW_CODES } from './codes';
import { spanFinding, spanVerdict } from './span';
import { problemFinding, resolveOne, selectWindow, windowContext, windowProvenance, wrongCalendar } from './resolve';
import { ACTIVITIES, type Activity, type Grade } from './schema';
import {
  effectiveProblem,
  EXPECTED,
  instantProblem,
  isObject,
  problem,
  type Problem,
  refuseMalformed,
  termProblem,
  under,
} from '../requests';
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
  const found = isOpenProblem(effective, calendar, question);
  return found ? refuseMalformed('isOpen', found) : decideOpen(effective, calendar, question);
}

const ACTIVITY = { 'zh-TW': ACTIVITIES.join('、'), en: ACTIVITIES.join(', ') };
const CALENDAR = { 'zh-TW': '學校行事曆 (parseCalendar 所得)', en: 'a school calendar (from parseCalendar)' };

/** Where the arguments of {@link isOpen} are malformed, if anywhere. */
function isOpenProblem(effective: unknown, calendar: unknown, question: unknown): Problem | undefined {
  const pack = under('effective', effectiveProblem(effective));
  if (pack) return pack;
  if (!isObject(calendar) || typeof calendar.academicYear !== 'number' || !Array.isArray(calendar.terms))
    return problem('calendar', CALENDAR, calendar);
  if (!isObject(question)) return problem('question', EXPECTED.object, question);
  if (!(ACTIVITIES as readonly unknown[]).includes(question.activity))
    return problem('question.activity', ACTIVITY, question.activity);
  if (!isObject(question.term)) return problem('question.term', EXPECTED.term, question.term);
  return (
    under('question.term', termProblem(question.term)) ??
    (question.grade === 1 || question.grade === 2 || question.grade === 3
      ? undefined
      : problem('question.grade', EXPECTED.grade, question.grade)) ??
    under('question.at', instantProblem(question.at))
  );
}

function decideOpen(effective: EffectivePack, calendar: SchoolCalendar, question: WindowQuestion): Decision {
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
