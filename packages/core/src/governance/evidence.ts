import { compareDates, isPlainDate, type PlainDate } from '../_lib/date';
import { layerAndSource } from '../decision/explanation';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import { type EffectivePack, provenanceOf } from '../layering';
import { minimumAt } from '../layering/minimum';
import { formatTerm, nextTerm, type Term, termEnd, termOfDate, termStart } from '../term';
import { GOVERNANCE_CODES } from './codes';
import type { Audience, TrainingKind } from './schema';

/** What the school did, as it records it: the days the working group met, and the trainings it ran. */
export interface GovernanceEvidence {
  readonly meetings: readonly PlainDate[];
  readonly trainings: readonly {
    readonly date: PlainDate;
    /** One audience, or several for a joint session (新竹 十(一): students, parents and staff together). */
    readonly audience: Audience | readonly Audience[];
    /** Unset: a training (研習). */
    readonly kind?: TrainingKind | undefined;
  }[];
}

export interface GovernancePeriod {
  readonly from: PlainDate;
  readonly to: PlainDate;
}

const within = (date: PlainDate, from: PlainDate, to: PlainDate) =>
  compareDates(date, from) >= 0 && compareDates(date, to) <= 0;

/** The terms that lie wholly inside the period: a term still running cannot yet have missed its meeting. */
function wholeTerms({ from, to }: GovernancePeriod): Term[] {
  const terms: Term[] = [];
  for (let term = termOfDate(from); compareDates(termStart(term), to) <= 0; term = nextTerm(term)) {
    if (compareDates(termStart(term), from) >= 0 && compareDates(termEnd(term), to) <= 0) terms.push(term);
  }
  return terms;
}

/**
 * Audits a school's evidence log against its rules for a period: at least the required meetings in
 * every semester (學習歷程檔案QA 一(二); 馬公 三, 新竹 四) and the trainings each academic year for each
 * audience and kind the pack declares (馬公 八, 新竹 十). Only terms and academic years that lie wholly
 * inside the period are judged. Dates that are not `YYYY-MM-DD` are reported and skipped.
 */
export function checkGovernance(
  effective: EffectivePack,
  evidence: GovernanceEvidence,
  period: GovernancePeriod,
): Finding[] {
  const findings: Finding[] = [];
  const valid = <T>(entries: readonly T[], dateOf: (entry: T) => unknown, name: string): T[] =>
    entries.filter((entry, index) => {
      const date = dateOf(entry);
      if (isPlainDate(date)) return true;
      findings.push(
        createFinding(
          GOVERNANCE_CODES.invalidEvidence,
          { entry: `${name}[${index}]`, value: String(date) },
          { rule: 'governance.evidence', subject: `${name}.${index}` },
        ),
      );
      return false;
    });
  const meetings = valid(evidence.meetings, (date) => date, 'meetings');
  const trainings = valid(evidence.trainings, (training) => training.date, 'trainings');
  const terms = wholeTerms(period);

  // A pack asking fewer meetings than the national minimum loosens it (PR2003): the national minimum applies.
  const meetingRule = minimumAt(effective, 'governance.meetings.perSemester');
  const required = meetingRule?.min ?? 0;
  for (const term of terms) {
    const held = meetings.filter((date) => within(date, termStart(term), termEnd(term))).length;
    if (held >= required) continue;
    const code = formatTerm(term);
    findings.push(
      createFinding(
        GOVERNANCE_CODES.tooFewMeetings,
        { term: code, required, held },
        {
          rule: 'governance.meetings',
          subject: code,
          ...(meetingRule && layerAndSource(meetingRule)),
          ...(meetingRule?.related && { related: meetingRule.related }),
        },
      ),
    );
  }

  const years = terms
    .filter((term) => term.semester === 1 && terms.some((other) => other.year === term.year && other.semester === 2))
    .map((term) => term.year);
  (effective.values.governance?.trainings ?? []).forEach((rule, index) => {
    const provenance = provenanceOf(effective.provenance, `governance.trainings.${index}.audience`);
    for (const year of years) {
      const start = termStart({ year, semester: 1 });
      const end = termEnd({ year, semester: 2 });
      const held = trainings.filter((training) => {
        const audiences: readonly Audience[] =
          typeof training.audience === 'string' ? [training.audience] : training.audience;
        return (
          within(training.date, start, end) &&
          audiences.includes(rule.audience) &&
          (rule.kind === undefined || (training.kind ?? 'training') === rule.kind)
        );
      }).length;
      if (held >= rule.perAcademicYear) continue;
      findings.push(
        createFinding(
          GOVERNANCE_CODES.tooFewTrainings,
          {
            academicYear: year,
            audience: rule.audience,
            ...(rule.kind && { kind: rule.kind }),
            required: rule.perAcademicYear,
            held,
          },
          {
            rule: 'governance.trainings',
            subject: `${year}:${rule.audience}${rule.kind ? `:${rule.kind}` : ''}`,
            ...(provenance?.source && { source: provenance.source }),
            ...(provenance && { layer: provenance.layer }),
          },
        ),
      );
    }
  });
  return findings;
}
