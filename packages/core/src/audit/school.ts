import { compareDates, isPlainDate, type PlainDate } from '../_lib/date';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import { checkGovernance } from '../governance';
import { finalCitation, periodEnd, RECEIPT_CODES } from '../receipts';
import { formatTerm, parseTerm, termOfDate, termStart } from '../term';
import { AUDIT_CODES } from './codes';
import type { AuditState, RoundRecord, Rounds } from './state';
import { unreachable } from '../_lib/unreachable';

/** Disputes still open at the final submission of their category and term: one finding per category and term, naming the students (seed 004; 馬公 六(三)). */
function disputeFindings(state: AuditState, out: Finding[]): void {
  const open = new Map<string, string[]>();
  for (const dispute of state.disputes) {
    // Each division submits its own roster: a dispute waits for its student's division's final submission.
    const division = (state.roster.hasRecord(dispute.student) && state.roster.division(dispute.student)) || 'day';
    const key = `${dispute.category}|${dispute.term}|${division}`;
    const finalOn = state.finals.get(key);
    if (finalOn === undefined || compareDates(finalOn, state.asOf) > 0) continue;
    // A resubmission before the final submission replaced the receipts of earlier rounds (the second vendor's manual).
    if (dispute.round !== undefined) {
      const submits = state.rounds.get(key)?.submits ?? [];
      const latest = submits.filter((round) => compareDates(round.on, finalOn) <= 0).length;
      if (dispute.round < latest) continue;
    }
    if (dispute.resolvedOn !== undefined && compareDates(dispute.resolvedOn, finalOn) <= 0) continue;
    const students = open.get(key) ?? [];
    students.push(dispute.studentId);
    open.set(key, students);
  }
  for (const [key, students] of open) {
    const [category, term] = key.split('|') as [string, string];
    const cited = finalCitation((state.terms.get(term) ?? unreachable(`term ${term}`)).effective, term);
    const params = {
      category,
      term,
      students: [...new Set(students)].sort(),
      finalOn: state.finals.get(key) ?? unreachable(`final ${key}`),
      source: cited.source,
    };
    out.push(
      createFinding(RECEIPT_CODES.openDisputes, params, {
        rule: 'receipts.disputes',
        subject: `${category}:${term}`,
        ...cited,
      }),
    );
  }
}

/** Rounds in submission order: by day, then by their receipt period (the same whatever the record order). */
function inOrder(a: RoundRecord, b: RoundRecord): number {
  return (
    compareDates(a.on, b.on) ||
    (a.opens ?? '').localeCompare(b.opens ?? '') ||
    (a.closes ?? '').localeCompare(b.closes ?? '')
  );
}

/**
 * Each final submission against the rounds of its category, term and division: made after the latest
 * round's confirmation period ended (PR7013, the engine's `periodEnd`), and no round after it (PR7014).
 */
function roundFindingsOf(state: AuditState, rounds: Rounds, out: Finding[]): void {
  const submits = [...rounds.submits].sort(inOrder);
  const { category, term } = rounds;
  // Looked up only when a finding cites it: looking a term up notes a year without a calendar.
  const citation = () => finalCitation((state.terms.get(term) ?? unreachable(`term ${term}`)).effective, term);
  for (const final of rounds.finals) {
    if (compareDates(final.on, state.asOf) > 0) continue;
    const before = submits.filter((round) => compareDates(round.on, final.on) <= 0);
    for (const late of submits.slice(before.length)) {
      const cited = citation();
      out.push(
        createFinding(
          RECEIPT_CODES.finalLocked,
          {
            category,
            term,
            finalOn: final.on,
            changedOn: late.on,
            round: submits.indexOf(late) + 1,
            source: cited.source,
          },
          {
            rule: 'receipts.final',
            subject: `${category}:${term}:submit`,
            ...cited,
            ...(late.position && { position: late.position }),
          },
        ),
      );
    }
    const latest = before[before.length - 1];
    if (!latest) continue;
    const opens = latest.opens !== undefined && latest.opens > latest.on ? latest.opens : latest.on;
    const closes = latest.closes !== undefined && latest.closes >= opens ? latest.closes : undefined;
    const end = periodEnd((state.terms.get(term) ?? unreachable(`term ${term}`)).effective, opens, closes);
    if (compareDates(final.on, end.earliest) >= 0) continue;
    const params = {
      at: final.on,
      opens,
      ...(closes !== undefined && { closes }),
      earliest: end.earliest,
      minDays: end.minDays,
      round: before.length,
      ...(end.source && { source: end.source }),
    };
    out.push(
      createFinding(RECEIPT_CODES.finalTooEarly, params, {
        rule: 'receipts.confirmationDays',
        subject: `${category}:${term}:final`,
        ...(end.layer && { layer: end.layer }),
        ...(end.source && { source: end.source }),
        ...(final.position && { position: final.position }),
      }),
    );
  }
}

function roundFindings(state: AuditState, out: Finding[]): void {
  for (const rounds of state.rounds.values()) if (rounds.finals.length > 0) roundFindingsOf(state, rounds, out);
}

/**
 * The working group's meetings and the trainings, from the data's meeting and training records and
 * the evidence log passed in, over the whole terms from the data's first term to the audit day,
 * judged by the rules of the latest of those terms — without data records, from the term of the
 * evidence's first entry (`audit --evidence` without `--data`). Without any evidence nothing is judged.
 */
function governanceFindings(state: AuditState, out: Finding[]): void {
  if (!state.hasEvidence) return;
  const first = state.minTerm === undefined ? firstEvidenceTerm(state) : parseTerm(state.minTerm);
  if (first === undefined) return;
  const from = termStart(first);
  if (compareDates(from, state.asOf) > 0) return;
  out.push(...checkGovernance(state.terms.forDate(state.asOf), state.evidence, { from, to: state.asOf }));
}

/** The term of the evidence's earliest well-formed date (a malformed one is reported by checkGovernance). */
function firstEvidenceTerm(state: AuditState) {
  const dates = [...state.evidence.meetings, ...state.evidence.trainings.map((training) => training.date)].filter(
    (date): date is PlainDate => isPlainDate(date),
  );
  const earliest = dates.reduce<PlainDate | undefined>(
    (best, date) => (best === undefined || date < best ? date : best),
    undefined,
  );
  return earliest === undefined ? undefined : termOfDate(earliest);
}

/** Terms the pack does not cover are judged by its nearest version: the auditor is told so, once. */
function outsideFindings(state: AuditState, out: Finding[]): void {
  const { outside } = state.terms;
  if (outside.size === 0) return;
  const terms = [...outside.keys()].sort();
  const first = state.resolution.versions[0];
  const from = first?.appliesFrom && formatTerm(first.appliesFrom);
  const until = first?.appliesUntil && formatTerm(first.appliesUntil);
  const applied = [...new Set(outside.values())].join('; ');
  out.push(
    createFinding(
      AUDIT_CODES.termsOutsidePack,
      { terms, applied, ...(from && { from }), ...(until && { until }) },
      { rule: 'pack.appliesFrom', subject: 'terms' },
    ),
  );
}

export function schoolFindings(state: AuditState, out: Finding[]): void {
  disputeFindings(state, out);
  roundFindings(state, out);
  governanceFindings(state, out);
  outsideFindings(state, out);
  if (state.terms.uncalendared.size > 0)
    out.push(
      createFinding(
        AUDIT_CODES.deadlinesUnchecked,
        { years: [...state.terms.uncalendared].sort((a, b) => a - b) },
        { rule: 'windows.courseOutcomeCertification', subject: 'calendar' },
      ),
    );
}
