import {
  resolveWindows,
  ROLES,
  rulesFor,
  type CapLimit,
  type Division,
  type Duty,
  type EffectivePack,
  type Resolution,
  type SchoolCalendar,
} from '@portfolio-rules/core';
import { assignmentFor, chainOf, limitsFor, SUBMISSION_DUTIES, unreachable } from '@portfolio-rules/core/internal';
import { day, dayOf, iso, type Day } from './days';

/** A cap as the generator uses it: how many, per what, which entry sources it ignores, whether rejected items count. */
export type Limit = Pick<CapLimit, 'max' | 'per' | 'exempt' | 'countsRejected'>;

/** One term of the generated years, with the pack's caps in force then and plausible calendar days. */
export interface TermPlan {
  readonly code: string;
  readonly year: number;
  readonly semester: 1 | 2;
  readonly classesStart: Day;
  readonly closingCeremony: Day;
  readonly end: Day;
  /** Every limit in force, as the audit counts them: the pack's cap, then each national bound (none: no cap). */
  readonly courseOutcomeUpload: readonly Limit[];
  readonly courseOutcomeSelect: readonly Limit[];
  readonly diversePerformanceUpload: readonly Limit[];
  readonly diversePerformanceSelect: readonly Limit[];
  /** The national submission of the term's data (March for semester 1, October for semester 2), its receipt period and final submission follow. */
  readonly submittedOn: Day;
  /** The last day to certify, per grade the student had in the term (index 0–2), from the pack's windows on the sample's calendar; undefined without a window. */
  readonly certifyBy: readonly [Day | undefined, Day | undefined, Day | undefined];
  /** The retention seal in force in the term (the pack's, or the national version's then), in years. */
  readonly sealYears?: number;
  /** Per division of the school (day 日間部, continuingEducation 進修部 …): its own assignments (新竹 六、十一(三)). */
  readonly divisions: Readonly<Record<string, DivisionPlan>>;
}

/** A division's assignments in a term, as the pack's duty table gives them (assignmentFor, chainOf). */
export interface DivisionPlan {
  /**
   * Who certifies for an absent course teacher: the first deputy of the pack's chain, as an actor —
   * `role` for a role (馬公 科內教師: another teacher), else the unit itself (新竹 十一(三)2: 註冊組, 進修部 教務組).
   * Undefined when the chain names no deputy: then the course teacher always certifies.
   */
  readonly deputy?: { readonly role: boolean; readonly unit: string };
  /** Per submission category: the chain of units that may submit (owner, then deputies); empty when the pack names no owner. */
  readonly submitters: Readonly<Record<SubmissionCategory, readonly string[]>>;
}

export type SubmissionCategory = 'basicData' | 'cadre' | 'courseRecord' | 'courseOutcome' | 'diversePerformance';

export interface SamplePlan {
  /** The last academic year generated: grade g has the terms of years `year - g + 1 … year`. */
  readonly year: number;
  /** The school's divisions (the pack's `divisions`, else day only); the first is the usual one. */
  readonly divisions: readonly Division[];
  readonly terms: ReadonlyMap<string, TermPlan>;
  /** The sample's school calendars, one per academic year (its own days and national dates). */
  readonly calendars: readonly SchoolCalendar[];
  readonly confirmationDays: number;
  readonly sealYears?: number;
  readonly meetingsPerSemester: number;
  /** The trainings each academic year needs: audience and kind, as the pack declares them. */
  readonly trainings: readonly { readonly audience: string; readonly kind?: string }[];
}

const DUTY_OF: Record<SubmissionCategory, Duty> = { basicData: 'basicData', ...SUBMISSION_DUTIES };

/** Plausible calendar days of a term, and the national dates for its data (seed 004: March and October submissions). */
function daysOf(year: number, semester: 1 | 2) {
  const gregorian = year + 1911;
  return semester === 1
    ? {
        classesStart: day(gregorian, 8, 30),
        closingCeremony: day(gregorian + 1, 1, 20),
        end: day(gregorian + 1, 1, 31),
        national: [day(gregorian + 1, 2, 1), day(gregorian + 1, 3, 1), day(gregorian + 1, 3, 31)] as const,
      }
    : {
        classesStart: day(gregorian + 1, 2, 12),
        closingCeremony: day(gregorian + 1, 6, 30),
        end: day(gregorian + 1, 7, 31),
        national: [day(gregorian + 1, 9, 1), day(gregorian + 1, 10, 1), day(gregorian + 1, 10, 31)] as const,
      };
}

/** A school calendar per academic year holding the sample's days, so that core resolves the pack's windows on them. */
function calendarsFor(years: readonly number[]): SchoolCalendar[] {
  return years.map((year) => ({
    academicYear: year,
    terms: ([1, 2] as const).map((semester) => {
      const days = daysOf(year, semester);
      const [precheck, submission, deadline] = days.national;
      return {
        semester,
        anchors: {
          classesStart: iso(days.classesStart),
          closingCeremony: iso(days.closingCeremony),
          termEnd: iso(days.end),
          nationalPrecheckOpens: iso(precheck),
          nationalPrecheckCloses: iso(submission - 1),
          nationalSubmissionOpens: iso(submission),
          nationalSubmissionCloses: iso(deadline),
          nationalUploadDeadline: iso(deadline),
        },
      };
    }),
  }));
}

/** The first deputy of the certification chain as an actor, when the chain names one (QA 一(八)). */
function deputyOf(pack: EffectivePack, division: Division): DivisionPlan['deputy'] {
  const link = chainOf(assignmentFor(pack, 'courseOutcomeCertification', division))[1];
  if (link === undefined || link.startsWith('designatedBy:')) return undefined;
  return { role: (ROLES as readonly string[]).includes(link), unit: link };
}

function divisionPlan(pack: EffectivePack, division: Division): DivisionPlan {
  const submitters = Object.fromEntries(
    (Object.keys(DUTY_OF) as SubmissionCategory[]).map((category) => {
      const assignment = assignmentFor(pack, DUTY_OF[category], division);
      return [category, assignment.owner === undefined ? [] : chainOf(assignment)];
    }),
  ) as Record<SubmissionCategory, string[]>;
  const deputy = deputyOf(pack, division);
  return { ...(deputy && { deputy }), submitters };
}

function termPlan(
  year: number,
  semester: 1 | 2,
  pack: EffectivePack,
  calendar: SchoolCalendar,
  divisions: readonly Division[],
): TermPlan {
  const { national, ...calendarDays } = daysOf(year, semester);
  const windows = resolveWindows(pack, calendar, { year, semester }).windows;
  const certifyBy = ([1, 2, 3] as const).map((grade) => {
    const window = windows.find(
      (candidate) => candidate.activity === 'courseOutcomeCertification' && candidate.grades.includes(grade),
    );
    return window && dayOf(window.closes);
  }) as unknown as TermPlan['certifyBy'];
  return {
    code: `${year}0${semester}`,
    year,
    semester,
    ...calendarDays,
    submittedOn: national[1] + 14,
    certifyBy,
    ...(pack.values.retention?.sealYears !== undefined && { sealYears: pack.values.retention.sealYears }),
    divisions: Object.fromEntries(divisions.map((division) => [division, divisionPlan(pack, division)])),
    courseOutcomeUpload: limitsFor(pack, 'courseOutcome', 'upload'),
    courseOutcomeSelect: limitsFor(pack, 'courseOutcome', 'select'),
    diversePerformanceUpload: limitsFor(pack, 'diversePerformance', 'upload'),
    diversePerformanceSelect: limitsFor(pack, 'diversePerformance', 'select'),
  };
}

/**
 * The default last year: 112 (seed 004's timetable), moved into the pack's period when the pack
 * starts later or ends earlier (新竹 from 11201: 112; the pre-reform vendor defaults until 11002: 110).
 * Earlier terms of grades 2 and 3 follow the rules the audit judges them by (`rulesFor`).
 */
export function defaultYear(resolution: Resolution): number {
  const from = resolution.versions[0]?.appliesFrom;
  const until = resolution.versions.at(-1)?.appliesUntil;
  return Math.min(Math.max(112, from?.year ?? 0), until?.year ?? Infinity);
}

/** What the generator needs from a resolved pack: caps, windows, deputies and submitters per term; receipt days, retention, governance. */
export function planFrom(resolution: Resolution, year: number): SamplePlan {
  const years = [year - 2, year - 1, year];
  const calendars = calendarsFor(years);
  const latest = rulesFor(resolution, { year, semester: 2 }).values;
  const divisions = latest.divisions ?? ['day'];
  const terms = new Map<string, TermPlan>();
  years.forEach((y, index) => {
    for (const semester of [1, 2] as const) {
      const plan = termPlan(
        y,
        semester,
        rulesFor(resolution, { year: y, semester }),
        calendars[index] ?? unreachable(`calendar ${index}`),
        divisions,
      );
      terms.set(plan.code, plan);
    }
  });
  const trainings =
    latest.governance?.trainings?.map((training) => ({
      audience: training.audience,
      ...(training.kind && { kind: training.kind }),
    })) ?? ['students', 'teachers', 'parents'].map((audience) => ({ audience }));
  return {
    year,
    divisions,
    terms,
    calendars,
    confirmationDays: latest.receipts?.confirmationDays ?? 3,
    ...(latest.retention?.sealYears !== undefined && { sealYears: latest.retention.sealYears }),
    meetingsPerSemester: Math.max(1, latest.governance?.meetings?.perSemester ?? 1),
    trainings,
  };
}
