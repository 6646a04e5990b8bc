import { compareDates, daysBetween, type PlainDate } from '../_lib/date';
import type { CapLimit } from '../caps/decide';
import { capFinding, capReportKey, capVerdict } from '../caps/judge';
import { enrolmentEffect, type EnrolmentChange } from '../enrolment';
import { createFinding } from '../findings/define';
import type { Finding } from '../catalogue';
import { finalCitation, RECEIPT_CODES } from '../receipts';
import type { StudentKind } from '../records';
import { checkRetention } from '../retention';
import { termOfDate } from '../term';
import { type Division, DIVISIONS } from '../units';
import { spanFinding, spanVerdict } from '../windows/span';
import { AUDIT_CODES } from './codes';
import type { AuditState, CapTotal, LateCandidate } from './state';
import { COUNT } from './store/roster';
import { CAP_CLASSES, CHANGE_CATEGORIES, type CapClass } from './store/student-terms';
import { unreachable } from '../_lib/unreachable';

/** A student's count under one limit and period. Kept from student to student: `student` says whose it is now. */
interface Total {
  action: CapTotal['action'];
  limit: CapLimit;
  period: string;
  count: number;
  line: number;
  frame: number;
  student: number;
}

/** The totals of the student counted last, in the order first counted; `byKey` finds a key's (no object per student). */
interface Totals {
  readonly byKey: Map<string, Total>;
  readonly list: Total[];
}

function addTotal(
  state: AuditState,
  totals: Totals,
  student: number,
  key: string,
  counted: Omit<Total, 'student'>,
): void {
  const known = totals.byKey.get(key);
  if (known === undefined || known.student !== student) {
    const total = known ?? ({} as Total);
    total.action = counted.action;
    total.limit = counted.limit;
    total.period = counted.period;
    total.count = counted.count;
    total.line = counted.line;
    total.frame = counted.frame;
    total.student = student;
    if (known === undefined) totals.byKey.set(key, total);
    totals.list.push(total);
    return;
  }
  known.count += counted.count;
  if (state.places.after(counted.line, counted.frame, known.line, known.frame)) {
    known.line = counted.line;
    known.frame = counted.frame;
  }
}

/**
 * The student's count under every limit and period: each term's kind-and-action counts, added up by
 * counter key (a year's limit over its terms), into `totals` (emptied first).
 */
function capTotals(state: AuditState, student: number, totals: Totals): void {
  totals.list.length = 0;
  const rows = state.studentTerms;
  for (let row = rows.first(student); row >= 0; row = rows.next(row)) {
    for (let capClass = 0 as CapClass; capClass < CAP_CLASSES.length; capClass++) {
      const count = rows.capCount(row, capClass);
      if (count === 0) continue;
      const [kind, action] = CAP_CLASSES[capClass];
      const { line, frame } = rows.cap(row, capClass);
      const info = state.terms.infoAt(rows.period(row)) ?? unreachable('the term');
      for (const counter of info.counters[kind][action])
        addTotal(state, totals, student, counter.key, {
          action,
          limit: counter.limit,
          period: counter.period,
          count,
          line,
          frame,
        });
    }
  }
  for (const [key, stray] of state.strayCaps.get(student) ?? []) addTotal(state, totals, student, key, stray);
}

/**
 * Upload and selection caps: one finding per student, kind, action and period over a limit, judged as
 * the engine judges a request (capVerdict, nothing added); the pack's cap first, a national bound with
 * the same max and period only once. The finding points at the last record, in input order (file,
 * then line), that counted towards the cap.
 */
function capFindings(state: AuditState, student: number, totals: Totals, out: Finding[]): void {
  capTotals(state, student, totals);
  let over = false;
  for (const total of totals.list) if (capVerdict(total.limit, total.count, 0) === 'over') over = true;
  if (!over) return;
  const reported = new Set<string>();
  const sorted = [...totals.list].sort((a, b) => Number(a.limit.national) - Number(b.limit.national));
  for (const { action, limit, period, count, line, frame } of sorted) {
    const kind = limit.rule.split('.')[1] as StudentKind;
    const key = `${action}|${kind}|${capReportKey(limit, period)}`;
    const verdict = capVerdict(limit, count, 0);
    if (verdict === undefined || reported.has(key)) continue;
    reported.add(key);
    const position = state.places.position(line, frame);
    const subject = state.roster.id(student);
    out.push(
      capFinding(verdict, { limit, action, kind, period, count, subject, ...(position && { position }) }) ??
        unreachable('cap finding'),
    );
  }
}

/** The student's grade in a term, from their grade in the data's latest year. */
function gradeIn(state: AuditState, student: number, term: string): 1 | 2 | 3 | undefined {
  const grade = state.roster.grade(student);
  if (grade === undefined) return undefined;
  return Math.min(3, Math.max(1, grade - (state.maxYear - Number(term.slice(0, -2))))) as 1 | 2 | 3;
}

function lateFindings(state: AuditState, candidate: LateCandidate, out: Finding[], overdue: Map<string, number>): void {
  const grade = gradeIn(state, candidate.student, candidate.term) ?? 1;
  const window = grade === 3 ? candidate.lateGrade3 : candidate.lateOther;
  if (!window) return;
  const studentId = state.roster.id(candidate.student);
  const context = {
    rule: `windows.${window.index}`,
    subject: candidate.item,
    ...(window.source && { source: window.source }),
    ...(window.layer && { layer: window.layer }),
    ...(candidate.position && { position: candidate.position }),
  };
  if (candidate.decidedOn !== undefined) {
    const verdict = spanVerdict(window, candidate.decidedOn);
    if (verdict)
      out.push(spanFinding(verdict, window, candidate.decidedOn, 'courseOutcomeCertification', context, studentId));
    return;
  }
  overdue.set(candidate.certifier, (overdue.get(candidate.certifier) ?? 0) + 1);
  const params = {
    item: candidate.item,
    certifier: candidate.certifier,
    closes: window.closes,
    asOf: state.asOf,
    daysOverdue: daysBetween(window.closes, state.asOf),
    ...(window.source && { source: window.source }),
    studentId,
  };
  out.push(createFinding(AUDIT_CODES.certificationOverdue, params, context));
}

/** The earliest final submission of each change category (in CHANGE_CATEGORIES order), by term number and division. */
type FinalsByTerm = Map<number, readonly (PlainDate | undefined)[]>;

function finalsIn(
  state: AuditState,
  period: number,
  division: Division,
  known: FinalsByTerm,
): readonly (PlainDate | undefined)[] {
  const key = period * DIVISIONS.length + DIVISIONS.indexOf(division);
  let finals = known.get(key);
  if (!finals) {
    const term = state.terms.codeOf(period);
    known.set(key, (finals = CHANGE_CATEGORIES.map((category) => state.finals.get(`${category}|${term}|${division}`))));
  }
  return finals;
}

/**
 * Records changed after the final submission of their category and term, in their student's division
 * (the final submission is unchanged afterwards; each division submits its own). `known` is shared by
 * all students.
 */
function changeFindings(state: AuditState, student: number, known: FinalsByTerm, out: Finding[]): void {
  if (state.finals.size === 0) return;
  const rows = state.studentTerms;
  const division = (state.roster.hasRecord(student) && state.roster.division(student)) || 'day';
  for (let row = rows.first(student); row >= 0; row = rows.next(row)) {
    const finals = finalsIn(state, rows.period(row), division, known);
    for (let index = 0; index < CHANGE_CATEGORIES.length; index++) {
      const finalOn = finals[index];
      if (finalOn === undefined) continue;
      const category = CHANGE_CATEGORIES[index] ?? unreachable(`category ${index}`);
      const change = rows.change(row, category);
      if (!change || compareDates(change.on, finalOn) <= 0) continue;
      const term = state.terms.codeOf(rows.period(row));
      const cited = finalCitation((state.terms.get(term) ?? unreachable(`term ${term}`)).effective, term);
      const params = { category, term, finalOn, changedOn: change.on, source: cited.source };
      const position = state.places.position(change.line, change.frame);
      out.push(
        createFinding(RECEIPT_CODES.finalLocked, params, {
          rule: 'receipts.final',
          subject: state.subjects.text(state.roster.id(student), change.subject),
          ...cited,
          ...(position && { position }),
        }),
      );
    }
  }
}

function enrolmentFindings(state: AuditState, student: number, out: Finding[]): void {
  for (const { change, on, position } of state.enrolment.get(student) ?? []) {
    const effect = enrolmentEffect(state.terms.forDate(on), change as EnrolmentChange);
    const upTo = termOfDate(on);
    let uncertified = 0;
    const rows = state.studentTerms;
    for (let row = rows.first(student); row >= 0; row = rows.next(row)) {
      const tally = rows.tally(row);
      if (tally && Number(state.terms.codeOf(rows.period(row))) <= upTo.year * 100 + upTo.semester)
        uncertified += tally.draft + tally.submitted + tally.rejected;
    }
    const source = effect.pendingCertifications.source;
    const id = state.roster.id(student);
    const params = {
      student: id,
      change,
      on,
      uncertified,
      pendingCertifications: effect.pendingCertifications.value,
      submittingSchool: effect.submittingSchool.value,
      ...(source && { source }),
    };
    out.push(
      createFinding(AUDIT_CODES.enrolmentChange, params, {
        rule: `enrolment.${change}`,
        subject: id,
        ...(source && { source }),
        layer: effect.pendingCertifications.layer,
        ...(position && { position }),
      }),
    );
  }
}

/** Everything judged per student at the end: caps, late certifications, changes after the final submission, enrolment, retention, unknown students. */
export function studentFindings(state: AuditState, out: Finding[], overdue: Map<string, number>): void {
  for (const candidate of state.late) lateFindings(state, candidate, out, overdue);
  const { roster } = state;
  const totals: Totals = { byKey: new Map(), list: [] };
  const finals: FinalsByTerm = new Map();
  for (let student = 0; student < roster.size; student++) {
    capFindings(state, student, totals, out);
    changeFindings(state, student, finals, out);
    enrolmentFindings(state, student, out);
    if (!roster.hasRecord(student)) {
      const records = roster.get(student, COUNT.records);
      if (records > 0)
        out.push(
          createFinding(
            AUDIT_CODES.unknownStudent,
            { student: roster.id(student), records },
            { rule: 'dataset.student', subject: roster.id(student) },
          ),
        );
      continue;
    }
    for (const { deletedOn, position } of state.deletions.get(student) ?? []) {
      for (const finding of checkRetention(
        state.terms.forDate(deletedOn),
        roster.record(student) ?? unreachable('the student record'),
        {
          deletedOn,
          at: state.asOf,
        },
      ))
        out.push(position ? { ...finding, position } : finding);
    }
  }
}
