import { compareDates, daysBetween } from '../_lib/date';
import { CAP_CODES } from '../caps/codes';
import { enrolmentEffect, type EnrolmentChange } from '../enrolment';
import { createFinding } from '../findings/define';
import type { Finding } from '../findings/types';
import { FINAL_SOURCE, RECEIPT_CODES } from '../receipts';
import { checkRetention } from '../retention';
import { termOfDate } from '../term';
import { WINDOW_CODES } from '../windows/codes';
import { AUDIT_CODES } from './codes';
import type { AuditState, CapCount, LateCandidate, StudentState } from './state';

const cited = (limit: CapCount['limit']) => ({ ...(limit.layer && { layer: limit.layer }), ...(limit.source && { source: limit.source }) });

/** Upload and selection caps: one finding per student, kind, action and period over a limit; the pack's cap first, a national bound with the same max and period only once (as checkCaps does). */
function capFindings(student: StudentState, out: Finding[]): void {
  const reported = new Set<string>();
  const counters = [...student.caps.values()].sort((a, b) => Number(a.limit.national) - Number(b.limit.national));
  for (const { action, limit, period, count } of counters) {
    if (count <= limit.max) continue;
    const kind = limit.rule.split('.')[1] as 'courseOutcome' | 'diversePerformance';
    const key = `${action}|${kind}|${limit.max}|${limit.per}|${period}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const params = { kind, max: limit.max, per: limit.per, count, period, ...(limit.source && { source: limit.source }) };
    out.push(createFinding(action === 'upload' ? CAP_CODES.uploadCapReached : CAP_CODES.selectCapReached, params, { rule: limit.rule, subject: student.id, ...cited(limit) }));
  }
}

/** The student's grade in a term, from their grade in the data's latest year. */
function gradeIn(state: AuditState, student: StudentState, term: string): 1 | 2 | 3 | undefined {
  const grade = student.record?.grade;
  if (grade === undefined) return undefined;
  return Math.min(3, Math.max(1, grade - (state.maxYear - Number(term.slice(0, -2))))) as 1 | 2 | 3;
}

function lateFindings(state: AuditState, student: StudentState, candidate: LateCandidate, out: Finding[], overdue: Map<string, number>): void {
  const grade = gradeIn(state, student, candidate.term) ?? 1;
  const window = grade === 3 ? candidate.lateGrade3 : candidate.lateOther;
  if (!window) return;
  const context = { rule: `windows.${window.index}`, subject: candidate.item, ...(window.source && { source: window.source }), ...(window.layer && { layer: window.layer }), ...(candidate.position && { position: candidate.position }) };
  if (candidate.decidedOn !== undefined) {
    out.push(createFinding(WINDOW_CODES.closed, { activity: 'courseOutcomeCertification', at: candidate.decidedOn, ...(window.opens && { opens: window.opens }), closes: window.closes, ...(window.source && { source: window.source }) }, context));
    return;
  }
  overdue.set(candidate.certifier, (overdue.get(candidate.certifier) ?? 0) + 1);
  const params = { item: candidate.item, certifier: candidate.certifier, closes: window.closes, asOf: state.asOf, daysOverdue: daysBetween(window.closes, state.asOf), ...(window.source && { source: window.source }) };
  out.push(createFinding(AUDIT_CODES.certificationOverdue, params, context));
}

/** Records changed after the final submission of their category and term (the final submission is unchanged afterwards). */
function changeFindings(state: AuditState, student: StudentState, out: Finding[]): void {
  for (const [key, change] of student.changes ?? []) {
    const finalOn = state.finals.get(key);
    if (finalOn === undefined || compareDates(change.on, finalOn) <= 0) continue;
    const [category, term] = key.split('|') as [string, string];
    const params = { category, term, finalOn, changedOn: change.on, source: FINAL_SOURCE };
    out.push(createFinding(RECEIPT_CODES.finalLocked, params, { rule: 'receipts.final', subject: change.subject, source: FINAL_SOURCE, ...(change.position && { position: change.position }) }));
  }
}

function enrolmentFindings(state: AuditState, student: StudentState, out: Finding[]): void {
  for (const { change, on, position } of student.enrolment ?? []) {
    const effect = enrolmentEffect(state.terms.forDate(on), change as EnrolmentChange);
    const upTo = termOfDate(on);
    let uncertified = 0;
    for (const [code, tally] of student.terms) if (Number(code) <= upTo.year * 100 + upTo.semester) uncertified += tally.draft + tally.submitted + tally.rejected;
    const source = effect.pendingCertifications.source;
    const params = { student: student.id, change, on, uncertified, pendingCertifications: effect.pendingCertifications.value, submittingSchool: effect.submittingSchool.value, ...(source && { source }) };
    out.push(createFinding(AUDIT_CODES.enrolmentChange, params, { rule: `enrolment.${change}`, subject: student.id, ...(source && { source }), layer: effect.pendingCertifications.layer, ...(position && { position }) }));
  }
}

/** Everything judged per student at the end: caps, late certifications, changes after the final submission, enrolment, retention, unknown students. */
export function studentFindings(state: AuditState, out: Finding[], overdue: Map<string, number>): void {
  for (const student of state.students.values()) {
    capFindings(student, out);
    for (const candidate of student.late ?? []) lateFindings(state, student, candidate, out, overdue);
    changeFindings(state, student, out);
    enrolmentFindings(state, student, out);
    if (!student.record) {
      if (student.records > 0) out.push(createFinding(AUDIT_CODES.unknownStudent, { student: student.id, records: student.records }, { rule: 'dataset.student', subject: student.id }));
      continue;
    }
    for (const { deletedOn, position } of student.deletions ?? []) {
      for (const finding of checkRetention(state.terms.forDate(deletedOn), student.record, { deletedOn, at: state.asOf })) out.push(position ? { ...finding, position } : finding);
    }
  }
}

