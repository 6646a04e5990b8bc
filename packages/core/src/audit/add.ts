import { compareDates, type PlainDate } from '../_lib/date';
import { countsTowards, periodOf } from '../caps/decide';
import type { DatasetRecord } from '../dataset/parse';
import type { CertificationEventRecord, SubmissionRecord } from '../dataset/school-records';
import type { CourseOutcomeRecord, DiversePerformanceRecord } from '../dataset/student-records';
import type { Position } from '../findings/types';
import type { PortfolioItem } from '../records/items';
import { checkReceiptPeriod } from '../receipts';
import { checkStanding } from '../selection';
import { assignmentFor, chainOf } from '../deputies';
import { checkSubmittingUnit, SUBMISSION_DUTIES } from '../submission';
import { newTermTally, type PendingActors, seeTerm, studentOf, type AuditState, type StudentState } from './state';
import type { TermCounter, TermInfo } from './terms';


/** Of two places, the one first in the input (file, then line): what a finding cites must not depend on record order. */
function first(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a || !b) return a ?? b;
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  return fileA < fileB || (fileA === fileB && a.line <= b.line) ? a : b;
}

function noteNoReason(state: AuditState, itemId: string, position: Position | undefined): void {
  state.noReason.set(itemId, state.noReason.has(itemId) ? first(state.noReason.get(itemId), position) : position);
}

function noteActor(entry: PendingActors, actor: string, event: string, position: Position | undefined): void {
  const index = entry.actors.findIndex((known) => known.actor === actor);
  const known = entry.actors[index];
  if (!known) {
    entry.actors.push({ actor, event, ...(position && { position }) });
    return;
  }
  const place = first(known.position, position);
  if (place !== known.position) entry.actors[index] = { actor, event, ...(place && { position: place }) };
}

function countCaps(student: StudentState, info: TermInfo, item: PortfolioItem): void {
  // A diverse performance's academic year normally is its term's; when a record says otherwise, its own year is the period.
  const ownYear = item.kind === 'diversePerformance' && item.academicYear !== info.term.year;
  const counters = info.counters[item.kind];
  for (const counter of counters.upload) count(student, counter, item, ownYear);
  for (const counter of counters.select) count(student, counter, item, ownYear);
}

function count(student: StudentState, counter: TermCounter, item: PortfolioItem, ownYear: boolean): void {
  if (!countsTowards(counter.limit, counter.action, item)) return;
  const period = ownYear && counter.limit.per === 'academicYear' ? (periodOf(item, 'academicYear') ?? '') : counter.period;
  const key = period === counter.period ? counter.key : `${counter.action}|${counter.limit.rule}|${counter.limit.max}|${counter.limit.per}|${period}`;
  const existing = student.caps.get(key);
  if (existing) existing.count++;
  else student.caps.set(key, { action: counter.action, limit: counter.limit, period, count: 1 });
}

function noteChange(student: StudentState, key: string, on: PlainDate | undefined, subject: string, position: Position | undefined): void {
  if (on === undefined) return;
  const changes = (student.changes ??= new Map());
  const latest = changes.get(key);
  if (latest && (compareDates(latest.on, on) > 0 || (latest.on === on && latest.subject <= subject))) return;
  changes.set(key, { on, subject, ...(position && { position }) });
}

/** The certification window's verdict on an item, for grades 1–2 and for grade 3 (their windows differ in semester 2). */
function lateness(state: AuditState, student: StudentState, info: TermInfo, record: CourseOutcomeRecord, position: Position | undefined): void {
  if (!info.windows) return;
  const decided = record.state === 'certified' || record.state === 'rejected' ? record.certifiedOn : undefined;
  if (decided === undefined && record.state !== 'submitted') return;
  const day = decided ?? state.asOf;
  const { other, grade3 } = info.certification;
  const lateOther = other && compareDates(day, other.closes) > 0 ? other : undefined;
  const lateGrade3 = grade3 && compareDates(day, grade3.closes) > 0 ? grade3 : undefined;
  if (!lateOther && !lateGrade3) return;
  (student.late ??= []).push({
    item: record.id,
    certifier: record.certifier,
    term: record.term,
    ...(decided !== undefined && { decidedOn: decided }),
    ...(lateOther && { lateOther }),
    ...(lateGrade3 && { lateGrade3 }),
    ...(position && { position }),
  });
}

function addCourseOutcome(state: AuditState, record: CourseOutcomeRecord, position: Position | undefined): void {
  const student = studentFor(state, record.studentId);
  const info = state.terms.get(record.term)!;
  seeTerm(state, record.term);
  countCaps(student, info, record);
  state.certifiers.set(record.id, `${record.certifier}\n${record.term}`);
  const pending = state.pending.get(record.id);
  if (record.certifiedBy !== undefined && record.certifiedBy !== record.certifier) {
    const entry = pending ?? { studentId: record.studentId, actors: [], reassignedTo: [] };
    noteActor(entry, record.certifiedBy, 'certify', position);
    state.pending.set(record.id, entry);
  }
  if (record.state === 'rejected' && (record.rejectionReason ?? '').trim() === '') noteNoReason(state, record.id, position);
  if (record.withdrawn) return;
  if (record.selected) for (const finding of checkStanding(record, 'select').findings) state.findings.push(position ? { ...finding, position } : finding);
  student.courseOutcomes++;
  student[record.state]++;
  if (record.selected) student.selectedCourseOutcomes++;
  if (record.entry === 'student') {
    let tally = student.terms.get(record.term);
    if (!tally) student.terms.set(record.term, (tally = newTermTally()));
    tally.uploaded++;
    tally[record.state]++;
    if (record.selected) tally.selected++;
  }
  noteChange(student, info.changeKeys.courseOutcome!, record.certifiedOn !== undefined && (record.uploadedOn === undefined || record.certifiedOn > record.uploadedOn) ? record.certifiedOn : record.uploadedOn, record.id, position);
  lateness(state, student, info, record, position);
}

function addDiversePerformance(state: AuditState, record: DiversePerformanceRecord, position: Position | undefined): void {
  const student = studentFor(state, record.studentId);
  const term = record.term ?? `${record.academicYear}01`;
  seeTerm(state, term);
  countCaps(student, state.terms.get(term)!, record);
  if (record.withdrawn) return;
  student.diversePerformances++;
  if (record.selected) student.selectedDiversePerformances++;
  let tally = student.years.get(record.academicYear);
  if (!tally) student.years.set(record.academicYear, (tally = { uploaded: 0, selected: 0, schoolEntered: 0 }));
  if (record.entry === 'student') {
    tally.uploaded++;
    if (record.selected) tally.selected++;
  } else tally.schoolEntered++;
  if (record.term !== undefined) noteChange(student, state.terms.get(record.term)!.changeKeys.diversePerformance!, record.uploadedOn, record.id, position);
}

function addEvent(state: AuditState, record: CertificationEventRecord, position: Position | undefined): void {
  studentFor(state, record.studentId);
  if (record.event === 'reject' && (record.reason ?? '').trim() === '') noteNoReason(state, record.itemId, position);
  if (record.event === 'submit') return;
  const known = state.certifiers.get(record.itemId);
  if (record.event !== 'reassign' && known !== undefined && known.slice(0, known.indexOf('\n')) === record.actor) return;
  let entry = state.pending.get(record.itemId);
  if (!entry) state.pending.set(record.itemId, (entry = { studentId: record.studentId, actors: [], reassignedTo: [] }));
  if (record.event === 'reassign') {
    if (record.to !== undefined) entry.reassignedTo.push(record.to);
    return;
  }
  noteActor(entry, record.actor, record.event, position);
}

function addSubmission(state: AuditState, record: SubmissionRecord, position: Position | undefined): void {
  const info = state.terms.get(record.term)!;
  seeTerm(state, record.term);
  const subject = `${record.category}:${record.term}:${record.stage}`;
  const place = (finding: (typeof state.findings)[number]) => state.findings.push({ ...finding, subject, ...(position && { position }) });
  const chain = chainOf(assignmentFor(info.effective, record.category === 'basicData' ? 'basicData' : SUBMISSION_DUTIES[record.category], record.division));
  const index = chain.indexOf(record.unit);
  // A duty the pack gives no owner is a gap in the pack (PR5002, reported by the pack audit), not in each submission.
  const unit = chain.length === 0 ? { findings: [] } : checkSubmittingUnit(info.effective, record.category, { id: record.unit, roles: [], units: [record.unit] }, { unavailable: index > 0 ? chain.slice(0, index) : [], ...(record.division && { division: record.division }) });
  unit.findings.forEach(place);
  if (record.receiptOpens !== undefined && record.receiptCloses !== undefined) checkReceiptPeriod(info.effective, { opens: record.receiptOpens, closes: record.receiptCloses }).findings.forEach(place);
  if (record.stage !== 'final') return;
  const key = `${record.category}|${record.term}`;
  const earlier = state.finals.get(key);
  if (earlier === undefined || compareDates(record.on, earlier) < 0) state.finals.set(key, record.on);
}

function studentFor(state: AuditState, id: string): StudentState {
  const student = studentOf(state, id);
  student.records++;
  return student;
}

/** Takes one record into the audit's state. Records may come in any order. */
export function addRecord(state: AuditState, record: DatasetRecord, position: Position | undefined): void {
  switch (record.type) {
    case 'student': {
      studentOf(state, record.id).record = record;
      return;
    }
    case 'courseOutcome':
      return addCourseOutcome(state, record, position);
    case 'diversePerformance':
      return addDiversePerformance(state, record, position);
    case 'certificationEvent':
      return addEvent(state, record, position);
    case 'submission':
      return addSubmission(state, record, position);
    case 'cadre':
      seeTerm(state, record.term);
      return noteChange(studentFor(state, record.studentId), state.terms.get(record.term)!.changeKeys.cadre!, record.enteredOn, record.id, position);
    case 'courseRecord':
      seeTerm(state, record.term);
      return noteChange(studentFor(state, record.studentId), state.terms.get(record.term)!.changeKeys.courseRecord!, record.enteredOn, record.enteredOn === undefined ? '' : `${record.studentId}:${record.course}`, position);
    case 'consultation':
      seeTerm(state, record.term);
      studentFor(state, record.studentId).consultations++;
      return;
    case 'receipt':
      studentFor(state, record.studentId);
      if (record.status === 'disputed') state.disputes.push({ studentId: record.studentId, category: record.category, term: record.term, ...(record.resolvedOn !== undefined && { resolvedOn: record.resolvedOn }) });
      return;
    case 'meeting':
      state.hasEvidence = true;
      if (record.body === 'workingGroup') state.evidence.meetings.push(record.date);
      return;
    case 'training':
      state.hasEvidence = true;
      state.evidence.trainings.push({ date: record.date, audience: record.audience, ...(record.kind && { kind: record.kind }) });
      return;
    case 'enrolmentChange':
      (studentFor(state, record.studentId).enrolment ??= []).push({ change: record.change, on: record.on, ...(position && { position }) });
      return;
    case 'deletion':
      (studentFor(state, record.studentId).deletions ??= []).push({ deletedOn: record.deletedOn, ...(position && { position }) });
      return;
  }
}
