import { compareDates } from '../_lib/date';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import { checkGovernance } from '../governance';
import { FINAL_SOURCE, RECEIPT_CODES } from '../receipts';
import { formatTerm, parseTerm, termStart } from '../term';
import { AUDIT_CODES } from './codes';
import type { AuditState } from './state';

/** Disputes still open at the final submission of their category and term: one finding per category and term, naming the students (seed 004; 馬公 六(三)). */
function disputeFindings(state: AuditState, out: Finding[]): void {
  const open = new Map<string, string[]>();
  for (const dispute of state.disputes) {
    const key = `${dispute.category}|${dispute.term}`;
    const finalOn = state.finals.get(key);
    if (finalOn === undefined || compareDates(finalOn, state.asOf) > 0) continue;
    if (dispute.resolvedOn !== undefined && compareDates(dispute.resolvedOn, finalOn) <= 0) continue;
    const students = open.get(key) ?? [];
    students.push(dispute.studentId);
    open.set(key, students);
  }
  for (const [key, students] of open) {
    const [category, term] = key.split('|') as [string, string];
    const params = {
      category,
      term,
      students: [...new Set(students)].sort(),
      finalOn: state.finals.get(key)!,
      source: FINAL_SOURCE,
    };
    out.push(
      createFinding(RECEIPT_CODES.openDisputes, params, {
        rule: 'receipts.disputes',
        subject: `${category}:${term}`,
        source: FINAL_SOURCE,
      }),
    );
  }
}

/**
 * The working group's meetings and the trainings, from the data's meeting and training records and
 * the evidence log passed in, over the whole terms from the data's first term to the audit day,
 * judged by the rules of the latest of those terms. Without any evidence nothing is judged.
 */
function governanceFindings(state: AuditState, out: Finding[]): void {
  if (!state.hasEvidence || state.minTerm === undefined) return;
  const from = termStart(parseTerm(state.minTerm)!);
  if (compareDates(from, state.asOf) > 0) return;
  out.push(...checkGovernance(state.terms.forDate(state.asOf), state.evidence, { from, to: state.asOf }));
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
