import { effectiveFor, type Cap, type EffectivePack, type Resolution } from '@portfolio-rules/core';
import { day, type Day } from './days';

/** A cap as the generator uses it: how many, per what, and which entry sources it ignores. */
export interface Limit {
  readonly max: number;
  readonly per: 'semester' | 'academicYear';
  readonly exempt: readonly string[];
}

/** One term of the generated years, with the pack's caps in force then and plausible calendar days. */
export interface TermPlan {
  readonly code: string;
  readonly year: number;
  readonly semester: 1 | 2;
  readonly classesStart: Day;
  readonly closingCeremony: Day;
  readonly end: Day;
  readonly courseOutcomeUpload?: Limit;
  readonly courseOutcomeSelect?: Limit;
  readonly diversePerformanceUpload?: Limit;
  readonly diversePerformanceSelect?: Limit;
}

export type SubmissionCategory = 'basicData' | 'cadre' | 'courseRecord' | 'courseOutcome' | 'diversePerformance';

export interface SamplePlan {
  /** The last academic year generated: grade g has the terms of years `year - g + 1 … year`. */
  readonly year: number;
  readonly terms: ReadonlyMap<string, TermPlan>;
  /** Per submission category: the owning unit and its deputies (the units allowed to submit). */
  readonly submitters: Readonly<Record<SubmissionCategory, readonly string[]>>;
  readonly confirmationDays: number;
  readonly sealYears?: number;
  readonly meetingsPerSemester: number;
  /** The trainings each academic year needs: audience and kind, as the pack declares them. */
  readonly trainings: readonly { readonly audience: string; readonly kind?: string }[];
}

const DUTY_OF: Record<SubmissionCategory, string> = {
  basicData: 'basicData',
  cadre: 'cadreSubmission',
  courseRecord: 'courseRecordSubmission',
  courseOutcome: 'courseOutcomeSubmission',
  diversePerformance: 'diversePerformanceSubmission',
};
/** Who submits when a pack names nobody (馬公補充規定 六(二), the common case). */
const DEFAULT_SUBMITTER: Record<SubmissionCategory, string> = {
  basicData: 'registration',
  cadre: 'studentLife',
  courseRecord: 'registration',
  courseOutcome: 'teaching',
  diversePerformance: 'discipline',
};

const DEFAULT_EXEMPT = ['schoolEntered', 'bulkImport'];

function limit(cap: Cap | undefined, fallbackPer: Limit['per']): Limit | undefined {
  if (cap?.max === undefined) return undefined;
  return { max: cap.max, per: cap.per ?? fallbackPer, exempt: cap.exempt ?? DEFAULT_EXEMPT };
}

function termPlan(year: number, semester: 1 | 2, pack: EffectivePack): TermPlan {
  const gregorian = year + 1911;
  const caps = pack.values.caps;
  const co = caps?.courseOutcome;
  const dp = caps?.diversePerformance;
  const calendar =
    semester === 1
      ? { classesStart: day(gregorian, 8, 30), closingCeremony: day(gregorian + 1, 1, 20), end: day(gregorian + 1, 1, 31) }
      : { classesStart: day(gregorian + 1, 2, 12), closingCeremony: day(gregorian + 1, 6, 30), end: day(gregorian + 1, 7, 31) };
  const limits = {
    courseOutcomeUpload: limit(co?.upload, 'semester'),
    courseOutcomeSelect: limit(co?.select, 'academicYear'),
    diversePerformanceUpload: limit(dp?.upload, 'academicYear'),
    diversePerformanceSelect: limit(dp?.select, 'academicYear'),
  };
  return {
    code: `${year}0${semester}`,
    year,
    semester,
    ...calendar,
    ...(Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)) as Partial<typeof limits>),
  };
}

/** The effective pack for a term, or the nearest one when the term lies outside the pack's period. */
function packFor(resolution: Resolution, year: number, semester: 1 | 2): EffectivePack {
  const found = effectiveFor(resolution, { year, semester });
  if (found) return found;
  const from = resolution.versions[0]!.appliesFrom;
  const before = from !== undefined && (year < from.year || (year === from.year && semester < from.semester));
  return before ? resolution.versions[0]! : resolution.versions.at(-1)!;
}

/**
 * The default last year: 112 (seed 004's timetable), or later when the pack starts later, so that
 * every generated term lies in the pack's period (grade 3 reaches back two years).
 */
export function defaultYear(resolution: Resolution): number {
  const from = resolution.versions[0]?.appliesFrom;
  return Math.max(112, from ? from.year + 2 : 0);
}

/** What the generator needs from a resolved pack: caps per term, submitters, receipt days, retention, governance. */
export function planFrom(resolution: Resolution, year: number): SamplePlan {
  const terms = new Map<string, TermPlan>();
  for (let y = year - 2; y <= year; y++) {
    for (const semester of [1, 2] as const) {
      const plan = termPlan(y, semester, packFor(resolution, y, semester));
      terms.set(plan.code, plan);
    }
  }
  const latest = packFor(resolution, year, 2).values;
  const submitters = Object.fromEntries(
    (Object.keys(DUTY_OF) as SubmissionCategory[]).map((category) => {
      const duty = latest.duties?.[DUTY_OF[category] as keyof NonNullable<typeof latest.duties>];
      const chain = [duty?.owner ?? DEFAULT_SUBMITTER[category], ...(duty?.deputies ?? []).filter((deputy): deputy is string => typeof deputy === 'string')];
      return [category, chain];
    }),
  ) as Record<SubmissionCategory, string[]>;
  const trainings = latest.governance?.trainings?.map((training) => ({ audience: training.audience, ...(training.kind && { kind: training.kind }) })) ?? ['students', 'teachers', 'parents'].map((audience) => ({ audience }));
  return {
    year,
    terms,
    submitters,
    confirmationDays: latest.receipts?.confirmationDays ?? 3,
    ...(latest.retention?.sealYears !== undefined && { sealYears: latest.retention.sealYears }),
    meetingsPerSemester: Math.max(1, latest.governance?.meetings?.perSemester ?? 1),
    trainings,
  };
}
