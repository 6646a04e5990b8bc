import { checkedEpochDay, compareDates, type PlainDate } from '../_lib/date';
import { type CapAction, countsTowards, periodOf } from '../caps/decide';
import type { DatasetRecord } from '../dataset/parse';
import { reasonGiven } from '../certification/reason';
import type { CertificationEventRecord, SubmissionRecord } from '../dataset/school-records';
import type { CourseOutcomeRecord, DiversePerformanceRecord } from '../dataset/student-records';
import { assignmentFor, chainOf } from '../deputies';
import { countsAsOwn } from '../expressions/facts';
import type { Position } from '../findings/types';
import type { EffectivePack } from '../layering';
import { divisionFinding } from '../layering/divisions';
import type { Division } from '../units';
import type { PortfolioItem } from '../records/items';
import { checkReceiptPeriod } from '../submission/receipt-period';
import { checkStanding, standingVerdict } from '../selection';
import { checkSubmittingUnit, SUBMISSION_DUTIES } from '../submission';
import type { ResolvedWindow } from '../windows';
import { WINDOW_CODES } from '../windows/codes';
import { spanVerdict } from '../windows/span';
import { seeTerm, type AuditState, type CapTotal } from './state';
import { NO_DAY } from './store/certifiers';
import { NOWHERE } from './store/places';
import { COUNT } from './store/roster';
import { CAP_CLASS, type ChangeCategory } from './store/student-terms';
import type { TermCounter, TermInfo } from './terms';
import { unreachable } from '../_lib/unreachable';

/** Of two places, the one first in the input (file, then line): what a finding cites must not depend on record order. */
function first(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a || !b) return a ?? b;
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  return fileA < fileB || (fileA === fileB && a.line <= b.line) ? a : b;
}

function noteNoReason(state: AuditState, itemId: string, studentId: string, position: Position | undefined): void {
  // By student too: item ids need only be unique per student.
  const key = `${studentId}\u0000${itemId}`;
  const known = state.noReason.get(key);
  state.noReason.set(key, { itemId, studentId, position: known ? first(known.position, position) : position });
}

const ACTIONS: readonly CapAction[] = ['upload', 'select'];

/**
 * Counts an item towards its term's caps. Every limit on one kind and action counts the same items
 * (they share their exemptions and `countsRejected`; only their periods differ), so the student-term
 * keeps one count per kind and action and finish() adds the terms of a year up for the yearly limits.
 */
function countCaps(
  state: AuditState,
  student: number,
  row: number,
  info: TermInfo,
  item: PortfolioItem,
  line: number,
  frame: number,
): void {
  // A diverse performance's academic year normally is its term's; when a record says otherwise, its own year is the period.
  const ownYear = item.kind === 'diversePerformance' && item.academicYear !== info.term.year;
  for (const action of ACTIONS) {
    const counters = info.counters[item.kind][action];
    const [first] = counters;
    if (first === undefined || !countsTowards(first.limit, action, item)) continue;
    if (ownYear) for (const counter of counters) countStray(state, student, counter, item, line, frame);
    else state.studentTerms.countCap(row, CAP_CLASS[item.kind][action], line, frame);
  }
}

function countStray(
  state: AuditState,
  student: number,
  counter: TermCounter,
  item: PortfolioItem,
  line: number,
  frame: number,
): void {
  const period = counter.limit.per === 'academicYear' ? (periodOf(item, 'academicYear') ?? '') : counter.period;
  const key =
    period === counter.period
      ? counter.key
      : `${counter.action}|${counter.limit.rule}|${counter.limit.max}|${counter.limit.per}|${period}`;
  let caps = state.strayCaps.get(student);
  if (!caps) state.strayCaps.set(student, (caps = new Map<string, CapTotal>()));
  const known = caps.get(key);
  if (!known) caps.set(key, { action: counter.action, limit: counter.limit, period, count: 1, line, frame });
  else {
    known.count++;
    if (state.places.after(line, frame, known.line, known.frame)) Object.assign(known, { line, frame });
  }
}

/** The files and summary of an item on the platform, judged as an upload of it is (PR3010–PR3014). */
function noteFiles(state: AuditState, info: TermInfo, item: PortfolioItem, position: Position | undefined): void {
  if (item.withdrawn) return;
  for (const finding of info.files[item.kind](item)) state.findings.push(position ? { ...finding, position } : finding);
}

function noteChange(
  state: AuditState,
  student: number,
  studentId: string,
  term: number,
  category: ChangeCategory,
  on: PlainDate | undefined,
  subject: number,
  line: number,
  frame: number,
): void {
  if (on === undefined) return;
  state.studentTerms.noteChange(state.studentTerms.row(student, term), category, on, studentId, subject, line, frame);
}

/** A decision outside its window (before it opens or after it closes), or an item still pending after it closes. */
function outsideWindow(window: ResolvedWindow, day: PlainDate, decided: boolean): boolean {
  const verdict = spanVerdict(window, day);
  return verdict === WINDOW_CODES.closed || (decided && verdict === WINDOW_CODES.notYetOpen);
}

/**
 * The certification windows of a term, for grades 1–2 and for grade 3 (they differ in semester 2),
 * that a decision on `day` falls outside of, or that an item still awaiting one on `day` is past;
 * undefined when none.
 */
function lateWindows(
  info: TermInfo,
  day: PlainDate,
  decided: boolean,
): { readonly lateOther: ResolvedWindow | undefined; readonly lateGrade3: ResolvedWindow | undefined } | undefined {
  if (!info.windows) return undefined;
  const { other, grade3 } = info.certification;
  const lateOther = other && outsideWindow(other, day, decided) ? other : undefined;
  const lateGrade3 = grade3 && outsideWindow(grade3, day, decided) ? grade3 : undefined;
  return lateOther || lateGrade3 ? { lateOther, lateGrade3 } : undefined;
}

/**
 * The certification window's verdict on an item (spanVerdict, as the engine judges a certification):
 * a decision outside the window, or an item still awaiting one after the window closed, is kept for
 * finish(), which knows the grade.
 */
function lateness(
  state: AuditState,
  student: number,
  info: TermInfo,
  record: Pick<CourseOutcomeRecord, 'id' | 'certifier' | 'term' | 'state' | 'certifiedOn'>,
  position: Position | undefined,
): void {
  const decided = record.state === 'certified' || record.state === 'rejected' ? record.certifiedOn : undefined;
  if (decided === undefined && record.state !== 'submitted') return;
  const late = lateWindows(info, decided ?? state.asOf, decided !== undefined);
  if (!late) return;
  const { lateOther, lateGrade3 } = late;
  state.late.push({
    student,
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
  const info = state.terms.get(record.term) ?? unreachable(`term ${record.term}`);
  seeTerm(state, record.term);
  const line = position?.line ?? 0;
  const frame = state.places.frameOf(position);
  const row = state.studentTerms.row(student, info.index);
  countCaps(state, student, row, info, record, line, frame);
  noteFiles(state, info, record, position);
  const subject = state.subjects.of(record.studentId, record.id);
  state.certifiers.addItem(student, subject, record.certifier, info.index);
  // Who decided, kept even when it is the certifier: a reassignment read later may have replaced them by that day.
  if (record.certifiedBy !== undefined) {
    const act = record.state === 'rejected' ? 'reject' : 'certify';
    const day = record.certifiedOn === undefined ? NO_DAY : checkedEpochDay(record.certifiedOn);
    state.certifiers.addAct(student, subject, record.certifiedBy, act, day, line, frame);
  }
  if (record.state === 'rejected' && !reasonGiven(record.rejectionReason))
    noteNoReason(state, record.id, record.studentId, position);
  if (record.withdrawn) return;
  // The verdict first: the explained check (its step, its findings) only for the few it refuses.
  if (record.selected && standingVerdict(record, 'select') !== undefined)
    for (const finding of checkStanding(record, 'select').findings)
      state.findings.push(position ? { ...finding, position } : finding);
  const { roster } = state;
  roster.count(student, COUNT.courseOutcomes);
  roster.count(student, COUNT[record.state]);
  if (record.selected) roster.count(student, COUNT.selectedCourseOutcomes);
  if (countsAsOwn(record)) state.studentTerms.countCourseOutcome(row, record.state, record.selected);
  const changedOn =
    record.certifiedOn !== undefined && (record.uploadedOn === undefined || record.certifiedOn > record.uploadedOn)
      ? record.certifiedOn
      : record.uploadedOn;
  noteChange(state, student, record.studentId, info.index, 'courseOutcome', changedOn, subject, line, frame);
  lateness(state, student, info, record, position);
}

function addDiversePerformance(
  state: AuditState,
  record: DiversePerformanceRecord,
  position: Position | undefined,
): void {
  const student = studentFor(state, record.studentId);
  const term = record.term ?? `${record.academicYear}01`;
  const info = state.terms.get(term) ?? unreachable(`term ${term}`);
  seeTerm(state, info.code);
  const line = position?.line ?? 0;
  const frame = state.places.frameOf(position);
  countCaps(state, student, state.studentTerms.row(student, info.index), info, record, line, frame);
  noteFiles(state, info, record, position);
  if (record.withdrawn) return;
  state.roster.count(student, COUNT.diversePerformances);
  if (record.selected) state.roster.count(student, COUNT.selectedDiversePerformances);
  state.studentTerms.countPerformance(
    state.studentTerms.row(student, state.terms.yearIndex(record.academicYear)),
    countsAsOwn(record),
    record.selected,
  );
  if (record.term !== undefined)
    noteChange(
      state,
      student,
      record.studentId,
      info.index,
      'diversePerformance',
      record.uploadedOn,
      state.subjects.of(record.studentId, record.id),
      line,
      frame,
    );
}

function addEvent(state: AuditState, record: CertificationEventRecord, position: Position | undefined): void {
  const student = studentFor(state, record.studentId);
  if (record.event === 'reject' && !reasonGiven(record.reason))
    noteNoReason(state, record.itemId, record.studentId, position);
  const subject = state.subjects.of(record.studentId, record.itemId);
  const line = position?.line ?? 0;
  const frame = state.places.frameOf(position);
  // Submitting and reassigning change the item too, but only a teacher's decision is bound by the window.
  const decides = record.event !== 'submit' && record.event !== 'reassign';
  state.decisions.add(student, subject, record.on, decides, line, frame);
  if (record.event === 'submit') return;
  if (record.event === 'reassign') {
    if (record.to !== undefined)
      state.certifiers.addAct(student, subject, record.to, 'reassign', checkedEpochDay(record.on), 0, NOWHERE);
    return;
  }
  // Kept even when the actor is the certifier: a reassignment read later may have replaced them by that day.
  state.certifiers.addAct(student, subject, record.actor, record.event, checkedEpochDay(record.on), line, frame);
}

/**
 * The certification decisions that came as events, judged once every item's term is known (see
 * `AuditState.decisions`): each is a change to its item on its day (after the final submission of the
 * item's roster, PR7014) and a decision the certification window binds (PR6002, PR6003), as the engine
 * judges the transition. A decision the item's own record already dates is judged once. Events of an
 * item not in the data are left out: its term is not known.
 */
export function judgeDecisions(state: AuditState): void {
  // By student too: item ids need only be unique per student.
  const judged = new Set(
    state.late.map((candidate) => `${candidate.student}|${candidate.item}|${candidate.decidedOn ?? ''}`),
  );
  for (const { student, subject, on, decides, line, frame } of state.decisions) {
    const item = state.certifiers.itemOf(student, subject);
    if (!item) continue;
    const studentId = state.roster.id(student);
    noteChange(state, student, studentId, item.period, 'courseOutcome', on, subject, line, frame);
    if (!decides) continue;
    const info = state.terms.infoAt(item.period) ?? unreachable(`term ${item.period}`);
    // Most decisions fall within their window: no item id, no key built for them.
    if (!lateWindows(info, on, true)) continue;
    const itemId = state.subjects.text(studentId, subject);
    const key = `${student}|${itemId}|${on}`;
    if (judged.has(key)) continue;
    judged.add(key);
    const decision = {
      id: itemId,
      certifier: item.certifier,
      term: info.code,
      state: 'certified',
      certifiedOn: on,
    } as const;
    lateness(state, student, info, decision, state.places.position(line, frame));
  }
}

/** A student or a roster of a division the pack does not list (PR2008): judged all the same, with the rules the pack has. */
function noteDivision(
  state: AuditState,
  effective: EffectivePack | undefined,
  division: Division | undefined,
  subject: string,
  position: Position | undefined,
): void {
  const finding = effective && divisionFinding(effective.values, division, subject, position);
  if (finding) state.findings.push(finding);
}

function addSubmission(state: AuditState, record: SubmissionRecord, position: Position | undefined): void {
  const info = state.terms.get(record.term) ?? unreachable(`term ${record.term}`);
  seeTerm(state, record.term);
  const subject = `${record.category}:${record.term}:${record.stage}`;
  const place = (finding: (typeof state.findings)[number]) =>
    state.findings.push({ ...finding, subject, ...(position && { position }) });
  noteDivision(state, info.effective, record.division, subject, position);
  const chain = chainOf(
    assignmentFor(
      info.effective,
      record.category === 'basicData' ? 'basicData' : SUBMISSION_DUTIES[record.category],
      record.division,
    ),
  );
  const index = chain.indexOf(record.unit);
  // A duty the pack gives no owner is a gap in the pack (PR5002, reported by the pack audit), not in each submission.
  const unit =
    chain.length === 0
      ? { findings: [] }
      : checkSubmittingUnit(
          info.effective,
          record.category,
          { id: record.unit, roles: [], units: [record.unit] },
          {
            unavailable: index > 0 ? chain.slice(0, index) : [],
            ...(record.division && { division: record.division }),
          },
        );
  unit.findings.forEach(place);
  if (record.receiptOpens !== undefined && record.receiptCloses !== undefined)
    checkReceiptPeriod(info.effective, { opens: record.receiptOpens, closes: record.receiptCloses }).findings.forEach(
      place,
    );
  if (record.stage === 'precheck') return;
  const roundKey = `${record.category}|${record.term}|${record.division ?? 'day'}`;
  let rounds = state.rounds.get(roundKey);
  if (!rounds)
    state.rounds.set(roundKey, (rounds = { category: record.category, term: record.term, submits: [], finals: [] }));
  (record.stage === 'submit' ? rounds.submits : rounds.finals).push({
    on: record.on,
    ...(record.receiptOpens !== undefined && { opens: record.receiptOpens }),
    ...(record.receiptCloses !== undefined && { closes: record.receiptCloses }),
    ...(position && { position }),
  });
  if (record.stage !== 'final') return;
  const earlier = state.finals.get(roundKey);
  if (earlier === undefined || compareDates(record.on, earlier) < 0) state.finals.set(roundKey, record.on);
}

/** A record the school enters (cadre, course record): its latest change per term. */
function addEntered(
  state: AuditState,
  category: 'cadre' | 'courseRecord',
  studentId: string,
  term: string,
  on: PlainDate | undefined,
  subject: number,
  position: Position | undefined,
): void {
  seeTerm(state, term);
  const info = state.terms.get(term) ?? unreachable(`term ${term}`);
  const student = studentFor(state, studentId);
  if (on !== undefined)
    noteChange(
      state,
      student,
      studentId,
      info.index,
      category,
      on,
      subject,
      position?.line ?? 0,
      state.places.frameOf(position),
    );
}

function studentFor(state: AuditState, id: string): number {
  const student = state.roster.indexOf(id);
  state.roster.count(student, COUNT.records);
  return student;
}

function listFor<T>(lists: Map<number, T[]>, student: number): T[] {
  let list = lists.get(student);
  if (!list) lists.set(student, (list = []));
  return list;
}

/** Takes one record into the audit's state. Records may come in any order. */
export function addRecord(state: AuditState, record: DatasetRecord, position: Position | undefined): void {
  switch (record.type) {
    case 'student':
      noteDivision(state, state.resolution.versions[0], record.division, record.id, position);
      return state.roster.setRecord(state.roster.indexOf(record.id), record);
    case 'courseOutcome':
      return addCourseOutcome(state, record, position);
    case 'diversePerformance':
      return addDiversePerformance(state, record, position);
    case 'certificationEvent':
      return addEvent(state, record, position);
    case 'submission':
      return addSubmission(state, record, position);
    case 'cadre':
      return addEntered(
        state,
        'cadre',
        record.studentId,
        record.term,
        record.enteredOn,
        state.subjects.of(record.studentId, record.id),
        position,
      );
    case 'courseRecord':
      return addEntered(
        state,
        'courseRecord',
        record.studentId,
        record.term,
        record.enteredOn,
        state.subjects.ofCourse(record.course),
        position,
      );
    case 'consultation':
      seeTerm(state, record.term);
      return state.roster.count(studentFor(state, record.studentId), COUNT.consultations);
    case 'receipt': {
      const student = studentFor(state, record.studentId);
      if (record.status === 'disputed')
        state.disputes.push({
          studentId: record.studentId,
          student,
          category: record.category,
          term: record.term,
          ...(record.resolvedOn !== undefined && { resolvedOn: record.resolvedOn }),
          ...(record.round !== undefined && { round: record.round }),
        });
      return;
    }
    case 'meeting':
      state.hasEvidence = true;
      if (record.body === 'workingGroup') state.evidence.meetings.push(record.date);
      return;
    case 'training':
      state.hasEvidence = true;
      state.evidence.trainings.push({
        date: record.date,
        audience: record.audience,
        ...(record.kind && { kind: record.kind }),
      });
      return;
    case 'enrolmentChange':
      listFor(state.enrolment, studentFor(state, record.studentId)).push({
        change: record.change,
        on: record.on,
        ...(position && { position }),
      });
      return;
    case 'deletion':
      listFor(state.deletions, studentFor(state, record.studentId)).push({
        deletedOn: record.deletedOn,
        ...(position && { position }),
      });
      return;
  }
}
