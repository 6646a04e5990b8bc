import { RECEIPT_CATEGORIES } from '@portfolio-rules/core';
import { addYears, day, iso, type Day } from './days';
import type { SamplePlan, SubmissionCategory } from './plan';
import type { Random } from './random';
import type { SchoolContext } from './student';
import type { ViolationCounts } from './violations';
import { unreachable } from '@portfolio-rules/core/internal';

const CATEGORIES: readonly SubmissionCategory[] = [
  'basicData',
  'cadre',
  'courseRecord',
  'courseOutcome',
  'diversePerformance',
];
const UNITS = [
  'registration',
  'teaching',
  'equipment',
  'specialEducation',
  'examinations',
  'discipline',
  'studentLife',
  'activities',
  'guidance',
];

/** The share of a receipt category's submissions corrected and submitted again (a second round). */
const CORRECTED = 0.1;

/**
 * The school's own records: working-group meetings, trainings, and the submissions of every
 * category and term with their receipt-confirmation periods — a few corrected and submitted again as
 * a second round, with its own period, before the final submission. Injects school-level violations.
 * `rounds` draws the second rounds apart from `random`, so that adding them changed no other record.
 */
export function generateSchool(
  id: string,
  students: number,
  plan: SamplePlan,
  random: Random,
  share: number,
  counts: ViolationCounts,
  rounds: Random,
): { lines: string[]; context: SchoolContext } {
  const lines: string[] = [];
  const emit = (record: object) => lines.push(JSON.stringify(record));
  const receiptTerm = plan.terms.get(`${plan.year}01`) ?? unreachable(`term ${plan.year}01`);
  const receiptPeriods = new Map<string, { opens: Day; closes: Day }>();
  for (const term of plan.terms.values()) {
    if (random.chance(share)) counts.missingMeeting++;
    else
      for (let index = 0; index < plan.meetingsPerSemester; index++)
        emit({
          type: 'meeting',
          date: iso(term.classesStart + 20 + index * 30),
          body: 'workingGroup',
          term: term.code,
          school: id,
        });
    if (term.semester === 1) {
      plan.trainings.forEach((training, index) =>
        emit({
          type: 'training',
          date: iso(term.classesStart + 21 + index * 7),
          ...training,
          academicYear: term.year,
          school: id,
        }),
      );
    }
    const submitted = term.submittedOn;
    for (const division of plan.divisions) {
      for (const category of CATEGORIES) {
        // A category whose duty has no owner in the pack cannot be submitted by a wrong unit (the pack audit reports PR5002).
        const chain = (term.divisions[division] ?? unreachable(`division ${division}`)).submitters[category];
        let unit = chain[0] ?? 'registration';
        if (chain.length > 0 && random.chance(share)) {
          counts.wrongSubmittingUnit++;
          unit = random.pick(UNITS.filter((candidate) => !chain.includes(candidate)));
        }
        const common = { type: 'submission', category, term: term.code, ...(division !== 'day' && { division }) };
        const submission: Record<string, unknown> = { ...common, stage: 'submit', on: iso(submitted), unit };
        // The final submission follows the receipt period the pack asks for, even when a short one is injected.
        let closes = submitted + 7;
        if ((RECEIPT_CATEGORIES as readonly string[]).includes(category)) {
          const opens = submitted + 1;
          closes = opens + Math.max(plan.confirmationDays, 7) - 1;
          const given = random.chance(share) ? opens : closes;
          if (given !== closes) counts.shortReceiptPeriod++;
          submission.receiptOpens = iso(opens);
          submission.receiptCloses = iso(given);
          if (term === receiptTerm) receiptPeriods.set(`${category}|${division}`, { opens, closes: given });
        }
        emit({ ...submission, school: id });
        let final = closes + 7;
        if ((RECEIPT_CATEGORIES as readonly string[]).includes(category)) {
          // The second vendor's manual: a correction is submitted again, with a new confirmation period.
          const early = rounds.chance(share);
          if (early || rounds.chance(CORRECTED)) {
            const opens = closes + 2;
            const ends = opens + Math.max(plan.confirmationDays, 7) - 1;
            const owner = chain[0] ?? 'registration';
            emit({
              ...common,
              stage: 'submit',
              on: iso(closes + 1),
              unit: owner,
              receiptOpens: iso(opens),
              receiptCloses: iso(ends),
              school: id,
            });
            // An early final still comes after every dispute of the first round was resolved (at most 4 days after it closed).
            final = early ? opens + 2 : ends + 7;
            if (early) counts.finalBeforeLatestRound++;
          }
        }
        emit({ ...common, stage: 'final', on: iso(final), unit: chain[0] ?? 'registration', school: id });
      }
    }
  }
  const teachers = Math.max(10, Math.round(students / 15));
  return { lines, context: { id, teachers, receiptPeriods, receiptTerm } };
}

/**
 * A graduate of an earlier cohort (6–8 years ago) with the deletion of their records after the seal
 * ends. An injected violation is a recent graduate (0 to seal − 1 years before the last year) whose
 * records are deleted during the last year's first semester, under the seal in force then — a
 * deletion before the national seal existed (2022) breaks no rule, and the audit rightly ignores it.
 */
export function generateGraduate(
  id: string,
  school: string,
  plan: SamplePlan,
  random: Random,
  share: number,
  counts: ViolationCounts,
): string[] {
  const term = plan.terms.get(`${plan.year}01`) ?? unreachable(`term ${plan.year}01`);
  const sealYears = plan.sealYears !== undefined ? term.sealYears : undefined;
  const early = sealYears !== undefined && random.chance(share);
  const graduatedOn = early
    ? day(plan.year + 1911 - random.int(0, sealYears - 1), 6, 30)
    : day(plan.year + 1911 - random.int(6, 8), 6, 30);
  const lines = [
    JSON.stringify({ type: 'student', id, grade: 3, status: 'graduated', graduatedOn: iso(graduatedOn), school }),
  ];
  if (plan.sealYears === undefined) return lines;
  let deletedOn = addYears(graduatedOn, plan.sealYears) + random.int(1, 60);
  if (early) {
    counts.deletionBeforeSealEnds++;
    deletedOn = term.classesStart + random.int(0, term.end - term.classesStart);
  }
  lines.push(
    JSON.stringify({ type: 'deletion', studentId: id, deletedOn: iso(deletedOn), by: 'registration', school }),
  );
  return lines;
}
